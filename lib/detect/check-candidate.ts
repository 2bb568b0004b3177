/**
 * The checks made where the trie says a form may end: token boundaries, letter case
 * and the lexicon's context rules. They run only at candidate matches, a few per
 * thousand characters of text, so plain code is fast enough; the one thing that
 * mattered in the benchmark was not to build context strings no rule reads.
 */
import { foldTables, IGNORABLE, SPACE, wordCharTable } from '../text';
import type { Variant } from './compile-matcher';

/** How much folded text around a match the context rules see. */
const CONTEXT_CHARS = 24;
const DOT = 0x2e;

/**
 * Whether the text continues a word where a Latin-script form ends: "Weibos", "CAC40"
 * and the host name "weibo.com" do not end a form. Han characters do not continue
 * words, so 據CAC稱 ends one. (The scanner makes the same check at the start.)
 */
export function blockedAfter(text: string, end: number): boolean {
  if (end >= text.length) return false;
  const word = wordCharTable();
  const next = text.charCodeAt(end);
  if (word[next] === 1) return true;
  return next === DOT && end + 1 < text.length && word[text.charCodeAt(end + 1)] === 1;
}

/** Whether the text's capitals satisfy the form's (`capitals` forms only). */
export function capitalsMatch(text: string, start: number, end: number, form: string): boolean {
  const { fold } = foldTables();
  const folded = (j: number) => {
    const c = text.charCodeAt(j);
    return fold[c] || c;
  };
  let j = start;
  for (let k = 0; k < form.length; k++) {
    const want = form.charCodeAt(k);
    if (want === SPACE) {
      while (j < end && (folded(j) === SPACE || folded(j) === IGNORABLE)) j++;
      continue;
    }
    while (j < end && folded(j) === IGNORABLE) j++;
    const got = folded(j++);
    // Only capitals are demanded; a lower-case letter of the form matches either case.
    if (want >= 0x41 && want <= 0x5a && got !== want) return false;
  }
  return true;
}

/** Up to CONTEXT_CHARS folded characters ending at `at`, whitespace runs as one space. */
export function foldedBefore(text: string, at: number): string {
  return foldedSlice(text, Math.max(0, at - CONTEXT_CHARS), at);
}

/** Up to CONTEXT_CHARS folded characters starting at `at`, whitespace runs as one space. */
export function foldedAfter(text: string, at: number): string {
  return foldedSlice(text, at, Math.min(text.length, at + CONTEXT_CHARS));
}

/**
 * The slice folded. Most contexts need no folding at all, so the slice is returned as
 * it is unless a character folds; a run of spaces folds to one, so a dropped invisible
 * character may leave the window a little short, which the rules do not need.
 */
function foldedSlice(text: string, from: number, to: number): string {
  const { fold } = foldTables();
  let prev = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (fold[c] !== 0 || (c === SPACE && prev === SPACE)) return foldedSliceSlow(fold, text, from, to);
    prev = c;
  }
  return text.slice(from, to);
}

function foldedSliceSlow(fold: Uint16Array, text: string, from: number, to: number): string {
  let out = '';
  let prev = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const f = fold[c] || c;
    if (f === IGNORABLE || (f === SPACE && prev === SPACE)) continue;
    out += String.fromCharCode(f);
    prev = f;
  }
  return out;
}

/** Whether one form, found at [start, end), is a mention there. */
export function accepts(text: string, start: number, end: number, v: Variant): boolean {
  if (v.boundaryAfter && blockedAfter(text, end)) return false;
  if (v.capitals && !capitalsMatch(text, start, end, v.folded)) return false;
  // Contexts are folded only when a rule needs them, once each.
  let before: string | undefined;
  let after: string | undefined;
  if (v.notPrecededBy && v.notPrecededBy.test((before ??= foldedBefore(text, start)))) return false;
  if (v.notFollowedBy && v.notFollowedBy.test((after ??= foldedAfter(text, end)))) return false;
  if (v.onlyIn) {
    return v.onlyIn.some(
      (ctx) =>
        (!ctx.precededBy || ctx.precededBy.test((before ??= foldedBefore(text, start)))) &&
        (!ctx.followedBy || ctx.followedBy.test((after ??= foldedAfter(text, end)))),
    );
  }
  return true;
}
