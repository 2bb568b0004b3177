/**
 * A text with the differences that do not change how it reads taken out, and the way
 * back to the original offsets.
 *
 * The page text we anchor against is extracted from the DOM again on every visit, and
 * extraction is not stable about whitespace: a block boundary may become a line break
 * or nothing, runs of spaces may be collapsed or kept, a CMS may re-typeset quotation
 * marks or switch full-width and half-width forms. Whitespace is dropped entirely
 * rather than collapsed, so that "end.\nNext" and "end.Next" (and Chinese text, which
 * has no spaces, broken across lines) fold to the same string.
 */
export interface FoldedText {
  /** The folded text. */
  text: string;
  /**
   * `offsets[i]` is the offset in the original text of folded character `i`;
   * `offsets[text.length]` is the original text's length.
   */
  offsets: Uint32Array;
}

/** Whitespace and invisible characters (soft hyphen, zero-width spaces and joiners, BOM). */
function isDropped(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0xad ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Folds one UTF-16 code unit; returns -1 for characters that are dropped. */
function foldCode(code: number): number {
  if (isDropped(code)) return -1;
  // Full-width ASCII forms (Ａ，１) read the same as their half-width originals.
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  // Curly and straight quotation marks are interchangeable typesetting.
  if (code === 0x2018 || code === 0x2019) return 0x27;
  if (code === 0x201c || code === 0x201d) return 0x22;
  return code;
}

/** Turns UTF-16 code units into a string without one call argument per character. */
function fromCodes(codes: Uint16Array): string {
  const CHUNK = 8192;
  let out = '';
  for (let i = 0; i < codes.length; i += CHUNK) out += String.fromCharCode(...codes.subarray(i, i + CHUNK));
  return out;
}

export function foldText(text: string): FoldedText {
  const offsets = new Uint32Array(text.length + 1);
  const codes = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = foldCode(text.charCodeAt(i));
    if (code < 0) continue;
    codes[n] = code;
    offsets[n++] = i;
  }
  offsets[n] = text.length;
  return { text: fromCodes(codes.subarray(0, n)), offsets: offsets.subarray(0, n + 1) };
}

/** Folds a short string (a quote, a prefix) where the way back is not needed. */
export function foldString(text: string): string {
  return foldText(text).text;
}
/** Maps a non-empty folded range back to the original text, without surrounding dropped characters. */
export function toOriginalRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.offsets[start] ?? 0, end: (folded.offsets[end - 1] ?? 0) + 1 };
}

/** The folded offset of the first kept character at or after `offset` in the original text. */
export function toFoldedOffset(folded: FoldedText, offset: number): number {
  let lo = 0;
  let hi = folded.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((folded.offsets[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
