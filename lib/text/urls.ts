/**
 * Where a text holds web addresses. A name inside an address (weibo.com/…,
 * https://www.cac.gov.cn/…, ?q=WeChat) is part of a locator, not something the page
 * says, so detection skips these ranges.
 */

/** Half-open ranges [start, end) of the original text, sorted and not overlapping. */
export type TextRanges = Array<{ start: number; end: number }>;

const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
// Trailing characters that usually close the sentence rather than the address.
const TRAILING = /[.,;:!?'")\]]/;

/**
 * Finds `scheme://…` and `www.…` addresses. An address runs to the first whitespace,
 * to characters that cannot appear in one (<>"{}|\^`), or to CJK or full-width
 * punctuation (见https://x.cn/a。网信办… ends at 。). Han characters do not end it:
 * addresses such as https://zh.wikipedia.org/wiki/网信办 are written that way.
 */
export function findUrlRanges(text: string): TextRanges {
  const found: TextRanges = [];
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
    const start = schemeStart(text, at);
    if (start < at) found.push({ start, end: addressEnd(text, at + 3) });
  }
  for (const prefix of ['www.', 'WWW.']) {
    for (let at = text.indexOf(prefix); at !== -1; at = text.indexOf(prefix, at + 4)) {
      // "awww." is not an address; "//www." was found with its scheme above.
      if (at > 0 && /[A-Za-z0-9/.]/.test(text.charAt(at - 1))) continue;
      found.push({ start: at, end: addressEnd(text, at + 4) });
    }
  }
  return merge(found);
}

/**
 * Where the scheme of an address whose "://" is at `colon` starts; `colon` itself
 * when there is no scheme (a lone "://" in prose).
 */
export function schemeStart(text: string, colon: number): number {
  let start = colon;
  while (start > 0 && SCHEME_CHAR.test(text.charAt(start - 1))) start--;
  // A scheme starts with a letter: drop leading punctuation the pattern took in ("-https").
  while (start < colon && !/[A-Za-z]/.test(text.charAt(start))) start++;
  return start;
}

/** Where an address whose scheme or "www." ends at `from` ends. */
export function addressEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && inAddress(text.charCodeAt(end))) end++;
  while (end > from && TRAILING.test(text.charAt(end - 1))) {
    // A closing parenthesis belongs to the address when it opened one: …/Sina_(company)
    if (text.charAt(end - 1) === ')' && text.lastIndexOf('(', end - 1) >= from) break;
    end--;
  }
  return end;
}

function inAddress(code: number): boolean {
  if (code <= 0x20 || code === 0x7f) return false;
  if (code < 0x80) return !'<>"{}|\\^`'.includes(String.fromCharCode(code));
  // Spaces and line separators outside ASCII.
  if (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029) return false;
  if (code === 0x202f || code === 0x205f || code === 0xfeff) return false;
  // Curly quotes, guillemets, ellipsis, CJK and full-width punctuation end an address.
  if ((code >= 0x2018 && code <= 0x201f) || code === 0xab || code === 0xbb || code === 0x2026) return false;
  if (code >= 0x3000 && code <= 0x303f) return false;
  if (code >= 0xff00 && code <= 0xff65) return false;
  return true;
}

function merge(ranges: TextRanges): TextRanges {
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TextRanges = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
