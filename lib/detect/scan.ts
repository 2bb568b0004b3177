/**
 * One pass over the text for all forms at once: leftmost, then longest, never
 * overlapping. Runs on the original text through the fold tables, so the offsets it
 * reports are the original ones with no map to keep.
 */
import type { Mention } from '../types';
import { addressEnd, IGNORABLE as IGNORABLE_EXPORT, isCombiningMark, schemeStart, SPACE as SPACE_EXPORT } from '../text';
import { accepts } from './check-candidate';
import { BOUNDARY_BIT as BOUNDARY_BIT_EXPORT, STATE_SHIFT as STATE_SHIFT_EXPORT, WORD_BIT as WORD_BIT_EXPORT, type CompiledTables, type Variant } from './compile-matcher';
import type { DetectRun } from './detect-run';

// Read once into this module's own constants: the hot loop reads them per character, and
// a module loader that turns imports into property reads (tsx, CommonJS output) would
// otherwise put a getter call on every character.
const BOUNDARY_BIT = BOUNDARY_BIT_EXPORT;
const STATE_SHIFT = STATE_SHIFT_EXPORT;
const WORD_BIT = WORD_BIT_EXPORT;
const IGNORABLE = IGNORABLE_EXPORT;
const SPACE = SPACE_EXPORT;
const LF = 0x0a;
const CR = 0x0d;
const DOT = 0x2e;
const SLASH = 0x2f;
const COLON = 0x3a;
const LOWER_W = 0x77;
const UPPER_W = 0x57;
const LINE_SEPARATOR = 0x2028;
const PARAGRAPH_SEPARATOR = 0x2029;

function isLineBreak(code: number): boolean {
  return code === LF || code === CR || code === LINE_SEPARATOR || code === PARAGRAPH_SEPARATOR;
}

export function scanText(text: string, t: CompiledTables, run: DetectRun): Mention[] {
  const out: Mention[] = [];
  const { start: startTable, urlState } = t;
  const length = text.length;
  let i = nextCandidate(text, 0, startTable);
  while (i < length) {
    const v = startTable[text.charCodeAt(i)]!;
    const first = v >>> STATE_SHIFT;
    let resume = i + 1;
    const code = text.charCodeAt(i);
    // Web addresses are skipped in the same pass: at "://" (its scheme already behind
    // us) and at a word-initial "ww".
    const urlEnd =
      code === COLON || ((code | 0x20) === LOWER_W && (text.charCodeAt(i + 1) | 0x20) === LOWER_W) ? addressAt(text, i, out) : -1;
    if (urlEnd > i) resume = urlEnd;
    else if (first !== urlState && continuesSomeForm(text, i, first, t) && !inHostName(text, i, v, startTable)) {
      const end = matchAt(text, i, length, first, t, out, run);
      if (end > i) resume = end;
    }
    i = nextCandidate(text, resume, startTable);
  }
  return out;
}

/** Unless a one-character form ends here, the next character must continue some form: a cheap filter before the walk. */
function continuesSomeForm(text: string, i: number, first: number, t: CompiledTables): boolean {
  if (t.accepts[first]! >= 0 || i + 1 >= text.length) return true;
  const next = text.charCodeAt(i + 1);
  const f = t.foldLower[next] || next;
  if (f === IGNORABLE || f === SPACE) return true;
  const { edgeStart, edgeCode } = t;
  for (let e = edgeStart[first]!, last = edgeStart[first + 1]!; e < last; e++) if (edgeCode[e] === f) return true;
  return false;
}

/**
 * The hot loop: the first position at or after `from` where a form may start. One table
 * read per character, and no branch that depends on the character except where a form
 * may start; kept apart so that its index is a plain induction variable, which lets the
 * compiler drop the bounds checks. A Latin-script form cannot start inside a word
 * ("this", "Alcacer"): its BOUNDARY_BIT masks its state out after a word character.
 */
function nextCandidate(text: string, from: number, startTable: Int32Array): number {
  const length = text.length;
  let prevWord = from > 0 ? startTable[text.charCodeAt(from - 1)]! & WORD_BIT : 0;
  for (let i = from; i < length; i++) {
    const v = startTable[text.charCodeAt(i)]!;
    const blocked = (v >>> 1) & prevWord;
    prevWord = v & WORD_BIT;
    if (((v >>> STATE_SHIFT) & -(blocked ^ 1)) !== 0) return i;
  }
  return length;
}

/** A dot glued to a word on the left makes this part of a host name: m.weibo.cn. */
function inHostName(text: string, i: number, v: number, startTable: Int32Array): boolean {
  return (
    (v & BOUNDARY_BIT) !== 0 && i >= 2 && text.charCodeAt(i - 1) === DOT && (startTable[text.charCodeAt(i - 2)]! & WORD_BIT) !== 0
  );
}

/**
 * When a web address starts or has its "://" at `i`, returns its end, after dropping
 * any mention already found in its scheme (the scanner meets "://" only after the
 * scheme); otherwise returns -1. A name inside an address is not a mention.
 */
function addressAt(text: string, i: number, out: Mention[]): number {
  if (text.charCodeAt(i) === COLON) {
    if (text.charCodeAt(i + 1) !== SLASH || text.charCodeAt(i + 2) !== SLASH) return -1;
    const from = schemeStart(text, i);
    if (from === i) return -1;
    while (out.length > 0 && out[out.length - 1]!.end > from) out.pop();
    return addressEnd(text, i + 3);
  }
  // "www." (any case), where it starts a word: the scanner only stops here at a word start.
  for (let k = 1; k < 3; k++) if ((text.charCodeAt(i + k) | 0x20) !== LOWER_W) return -1;
  if (text.charCodeAt(i + 3) !== DOT) return -1;
  if (i > 0 && text.charCodeAt(i - 1) === DOT) return -1;
  return addressEnd(text, i + 4);
}

// Reused between calls: candidate ends found along one trie walk, as (state, end) pairs.
let candidates = new Int32Array(64);

/** Walks the trie from `start`; on a match pushes the mention and returns its end, else returns -1. */
function matchAt(text: string, start: number, to: number, first: number, t: CompiledTables, out: Mention[], run: DetectRun): number {
  const { foldLower, edgeStart, edgeCode, edgeTo, accepts: acceptsAt } = t;
  let count = 0;
  let state = first;
  let j = start + 1;
  if (acceptsAt[state]! >= 0) count = pushCandidate(count, state, j);
  walk: while (j < to) {
    const code = text.charCodeAt(j);
    const f = foldLower[code] || code;
    if (f === IGNORABLE) {
      j++;
      continue;
    }
    let next = -1;
    for (let e = edgeStart[state]!, last = edgeStart[state + 1]!; e < last; e++) {
      if (edgeCode[e] === f) {
        next = edgeTo[e]!;
        break;
      }
    }
    if (next < 0) {
      // A line break inside a Chinese name is the page wrapping it (国家网信⏎办): read on.
      const after = f === SPACE ? wrapInHanWord(text, j, to, foldLower) : -1;
      if (after < 0) break;
      j = after;
      continue;
    }
    j++;
    if (f === SPACE) {
      // A space in a form matches a run of whitespace (invisible characters in it
      // included), but not across a blank line: a heading ending in "Sina" and a
      // paragraph starting "Weibo" are not one name.
      let lineBreaks = isLineBreak(code) ? 1 : 0;
      let prev = code;
      while (j < to) {
        const c = text.charCodeAt(j);
        const fc = foldLower[c] || c;
        if (fc === IGNORABLE) {
          j++;
          continue;
        }
        if (fc !== SPACE) break;
        if (isLineBreak(c) && !(c === LF && prev === CR)) lineBreaks++;
        if (lineBreaks > 1) break walk;
        prev = c;
        j++;
      }
    }
    state = next;
    if (acceptsAt[state]! >= 0) count = pushCandidate(count, state, j);
  }

  // Longest first: the first candidate end whose form passes its checks wins.
  for (let k = count - 1; k >= 0; k--) {
    const s = candidates[2 * k]!;
    let end = candidates[2 * k + 1]!;
    // Tone marks typed as combining characters belong to the last letter.
    while (end < to && isCombiningMark(text.charCodeAt(end))) end++;
    const variant = firstAccepted(text, start, end, t.variants[acceptsAt[s]!]!, run);
    if (variant) {
      out.push(run.mention(variant, start, end));
      return end;
    }
  }
  return -1;
}

/**
 * Where a name goes on after the whitespace at `j`, when that whitespace holds exactly one
 * line break between two Han characters (indentation around it allowed); else -1. A
 * blank line, or a line break in Latin text, ends the name; so do plain spaces, which
 * Chinese does not put inside words. The block breaks a page puts between blocks
 * (U+001E) are not whitespace, so a name never runs from one block into the next.
 */
function wrapInHanWord(text: string, j: number, to: number, foldLower: Uint16Array): number {
  if (j === 0 || !isHan(text.charCodeAt(j - 1))) return -1;
  let lineBreaks = 0;
  let prev = -1;
  let k = j;
  for (; k < to; k++) {
    const c = text.charCodeAt(k);
    if ((foldLower[c] || c) !== SPACE) break;
    if (isLineBreak(c) && !(c === LF && prev === CR)) lineBreaks++;
    prev = c;
  }
  return lineBreaks === 1 && k < to && isHan(text.charCodeAt(k)) ? k : -1;
}

function isHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** The first form that is a mention here; an ambiguous one only where context takes it. */
function firstAccepted(text: string, start: number, end: number, variants: readonly Variant[], run: DetectRun): Variant | undefined {
  for (const v of variants) {
    if (!accepts(text, start, end, v)) continue;
    if (v.sense === undefined || run.takes(start, end, v)) return v;
  }
  return undefined;
}

function pushCandidate(count: number, state: number, end: number): number {
  if (2 * count + 2 > candidates.length) {
    const grown = new Int32Array(candidates.length * 2);
    grown.set(candidates);
    candidates = grown;
  }
  candidates[2 * count] = state;
  candidates[2 * count + 1] = end;
  return count + 1;
}
