import type { Selector, TextPositionSelector, TextQuoteSelector } from '../types';
import { foldString, foldText, toFoldedOffset, toOriginalRange, type FoldedText } from './fold-text';
import { bestExact, bestFuzzy, exactOccurrences, type QuoteContext } from './match-quote';
import type { AnchorResult } from './types';

// Anchoring all highlights of a page folds the same text again and again: keep the last one.
let lastText = '';
let lastFolded: FoldedText = foldText('');
function foldCached(text: string): FoldedText {
  if (text !== lastText) {
    lastText = text;
    lastFolded = foldText(text);
  }
  return lastFolded;
}

const isQuote = (s: Selector): s is TextQuoteSelector => s.type === 'TextQuoteSelector';
const isPosition = (s: Selector): s is TextPositionSelector => s.type === 'TextPositionSelector';

/**
 * Finds a described passage in the current text, trying the cheapest way first: the
 * stored position if the quote is still exactly there, then the exact quote (choosing
 * among repeats by context and nearness), then an approximate match. Away from its
 * stored position a match must be vouched for by its context, unless the quote is long
 * and nearly intact. Returns null (the highlight is orphaned) rather than a
 * doubtful place. Without a TextQuoteSelector nothing can be checked, so nothing is found.
 */
export function anchor(text: string, selectors: readonly Selector[]): AnchorResult | null {
  const quote = selectors.find(isQuote);
  // A quote of nothing but whitespace says nothing a place could be checked against.
  const fq = foldString(quote?.exact ?? '');
  if (!quote || fq.length === 0) return null;
  const position = selectors.find(isPosition);

  if (position && text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end, method: 'position' };
  }

  const ft = foldCached(text);
  const context: QuoteContext = {
    prefix: foldString(quote.prefix ?? ''),
    suffix: foldString(quote.suffix ?? ''),
    hint: position ? toFoldedOffset(ft, position.start) : undefined,
  };

  // Exact occurrences in the original text first; then in the folded text, for a quote
  // whose only change is whitespace or typography.
  const inText = exactOccurrences(text, quote.exact);
  const places = inText.map((o) => ({ start: toFoldedOffset(ft, o.start), end: toFoldedOffset(ft, o.end) }));
  const exact = inText[bestExact(ft.text, fq.length, places, context)];
  if (exact) return { ...exact, method: 'quote' };
  const inFolded = exactOccurrences(ft.text, fq);
  const pick = inFolded[bestExact(ft.text, fq.length, inFolded, context)];
  if (pick) return { ...toOriginalRange(ft, pick.start, pick.end), method: 'quote' };

  const fuzzy = bestFuzzy(ft.text, fq, context);
  if (fuzzy) return { ...toOriginalRange(ft, fuzzy.start, fuzzy.end), method: 'fuzzy' };
  return null;
}
