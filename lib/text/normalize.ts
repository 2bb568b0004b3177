/**
 * A text folded for matching (see fold.ts), with the way back to original offsets.
 *
 * Detection does not need this: it reads the original text through the fold tables.
 * It is for code that wants to look at folded text as a string (the context rules of
 * the lexicon, tests, anything that searches with its own RegExp) and still report
 * ranges of the text the user sees.
 */
import { foldTables, IGNORABLE, isCombiningMark } from './fold';

export interface NormalizedText {
  /** The original text. */
  source: string;
  /** The folded text: same length as the original minus the ignorable characters. */
  text: string;
  /**
   * `offsets[i]` is the original offset of folded character `i`;
   * `offsets[text.length]` is the original length, so ends map back too.
   */
  offsets: Uint32Array;
}

export interface NormalizeOptions {
  /**
   * Lower-case as well. Safe for offsets: only one-unit-to-one-unit case mappings are
   * applied, so `İ` (which `toLowerCase` turns into two code units) becomes `i`, not `i̇`.
   */
  lowercase?: boolean;
}

export function normalize(text: string, options: NormalizeOptions = {}): NormalizedText {
  const { fold, foldLower } = foldTables();
  const table = options.lowercase ? foldLower : fold;
  const offsets = new Uint32Array(text.length + 1);
  const codes = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = table[c] || c;
    if (f === IGNORABLE) continue;
    codes[n] = f;
    offsets[n] = i;
    n++;
  }
  offsets[n] = text.length;
  return { source: text, text: decode(codes, n), offsets: offsets.slice(0, n + 1) };
}

/** Maps a range of the normalised text back to the original text. */
export function toOriginalRange(
  normalized: NormalizedText,
  start: number,
  end: number,
): { start: number; end: number } {
  if (start < 0 || end < start || end > normalized.text.length) {
    throw new RangeError(`range ${start}–${end} is outside the normalised text (length ${normalized.text.length})`);
  }
  // An empty range maps to where its position is; a non-empty one ends after its last character.
  const origStart = normalized.offsets[start]!;
  if (end === start) return { start: origStart, end: origStart };
  // Tone marks typed as combining characters belong to the last letter: keep them.
  let origEnd = normalized.offsets[end - 1]! + 1;
  while (origEnd < normalized.source.length && isCombiningMark(normalized.source.charCodeAt(origEnd))) origEnd++;
  return { start: origStart, end: origEnd };
}

function decode(codes: Uint16Array, length: number): string {
  // fromCharCode with a spread argument list overflows the stack on long texts: go in chunks.
  let out = '';
  for (let i = 0; i < length; i += 8192) {
    out += String.fromCharCode.apply(null, Array.from(codes.subarray(i, Math.min(length, i + 8192))));
  }
  return out;
}
