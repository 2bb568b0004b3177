import type { Selector, TextPositionSelector, TextQuoteSelector } from '../types';

/** About 32 characters of context on each side, as the W3C model and Hypothesis use. */
export const CONTEXT_LENGTH = 32;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function checkRange(length: number, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length || start >= end) {
    throw new RangeError(`Cannot describe the range ${start}–${end} of a text of length ${length}: it must be a non-empty range inside the text.`);
  }
}

/**
 * Describes `text.slice(start, end)` with a TextQuoteSelector (the quote and its
 * context, to find it again after the page changed) and a TextPositionSelector (the
 * cheap first guess). Throws a RangeError for a range that does not fit the text:
 * that is a bug in the caller, not a state to store.
 */
export function describe(text: string, start: number, end: number): Selector[] {
  checkRange(text.length, start, end);
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  // Never cut a surrogate pair in half: a lone surrogate is not text and would not match.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;

  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
  const position: TextPositionSelector = { type: 'TextPositionSelector', start, end };
  return [quote, position];
}

/** A text that can give a part of itself: a string, or a page's text kept in pieces. */
export interface SliceableText {
  readonly length: number;
  slice(start: number, end: number): string;
}

/**
 * `describe` for a text too large to join: it reads only the quote and a margin of
 * context around it, and gives the same selectors `describe` gives on the whole text.
 */
export function describeWithin(text: SliceableText, start: number, end: number): Selector[] {
  checkRange(text.length, start, end);
  // One character more than the context on each side: describe looks at the character
  // beside each cut to keep surrogate pairs whole.
  const from = Math.max(0, start - CONTEXT_LENGTH - 1);
  const to = Math.min(text.length, end + CONTEXT_LENGTH + 1);
  const window = text.slice(from, to);
  const [quote, position] = describe(window, start - from, end - from) as [TextQuoteSelector, TextPositionSelector];
  return [quote, { ...position, start, end }];
}
