/**
 * The checks made where the trie says a form may end: token boundaries, letter case
 * and the lexicon's context rules. They run only at candidate matches, which are rare,
 * so they favour clarity over speed.
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
  let j = start;
  for (let k = 0; k < form.length; k++) {
    const want = form.charCodeAt(k);
    if (want === SPACE) {
      while (j < end && (fold[text.charCodeAt(j)] === SPACE || fold[text.charCodeAt(j)] === IGNORABLE)) j++;
      continue;
    }
    let got = fold[text.charCodeAt(j)]!;
    while (got === IGNORABLE && j < end) got = fold[text.charCodeAt(++j)]!;
    j++;
    // Only capitals are demanded; a lower-case letter of the form matches either case.
    if (want >= 0x41 && want <= 0x5a && got !== want) return false;
  }
  return true;
}

/** Up to CONTEXT_CHARS folded characters ending at `at`, whitespace runs as one space. */
export function foldedBefore(text: string, at: number): string {
  const { fold } = foldTables();
  const codes: number[] = [];
  for (let i = at - 1; i >= 0 && codes.length < CONTEXT_CHARS; i--) {
    const f = fold[text.charCodeAt(i)]!;
    if (f === IGNORABLE) continue;
    if (f === SPACE && codes[codes.length - 1] === SPACE) continue;
    codes.push(f);
  }
  return String.fromCharCode(...codes.reverse());
}

/** Up to CONTEXT_CHARS folded characters starting at `at`, whitespace runs as one space. */
export function foldedAfter(text: string, at: number): string {
  const { fold } = foldTables();
  const codes: number[] = [];
  for (let i = at; i < text.length && codes.length < CONTEXT_CHARS; i++) {
    const f = fold[text.charCodeAt(i)]!;
    if (f === IGNORABLE) continue;
    if (f === SPACE && codes[codes.length - 1] === SPACE) continue;
    codes.push(f);
  }
  return String.fromCharCode(...codes);
}

/** Whether one form, found at [start, end), is a mention there. */
export function accepts(text: string, start: number, end: number, v: Variant): boolean {
  if (v.boundaryAfter && blockedAfter(text, end)) return false;
  if (v.capitals && !capitalsMatch(text, start, end, v.folded)) return false;
  if (!v.notPrecededBy && !v.notFollowedBy && !v.onlyIn) return true;
  const before = foldedBefore(text, start);
  const after = foldedAfter(text, end);
  if (v.notPrecededBy?.test(before)) return false;
  if (v.notFollowedBy?.test(after)) return false;
  if (v.onlyIn) {
    return v.onlyIn.some(
      (ctx) => (!ctx.precededBy || ctx.precededBy.test(before)) && (!ctx.followedBy || ctx.followedBy.test(after)),
    );
  }
  return true;
}
