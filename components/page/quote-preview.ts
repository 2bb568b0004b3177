/**
 * The start of a long quote, for a card: cut at a word boundary (Latin scripts) or
 * between characters (Chinese, which has no spaces), never inside a word, a surrogate
 * pair or a combining sequence, and marked with an ellipsis. Intl.Segmenter knows the
 * boundaries of every script where the browser has it; otherwise a simple rule does:
 * back up to the last space when the cut falls between two letters or digits.
 */
export function quotePreview(quote: string, limit: number): string {
  if (quote.length <= limit) return quote;
  const cut = boundaryBefore(quote, limit);
  return `${quote.slice(0, cut).trimEnd()}…`;
}

const WORDLIKE = /[\p{L}\p{N}\p{M}'’-]/u;
const HAN = /\p{Script=Han}/u;

function boundaryBefore(text: string, limit: number): number {
  if (typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function') {
    // Only the stretch before the cut is segmented: quotes can be pages long.
    const from = Math.max(0, limit - 200);
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
    let best = from;
    for (const { index } of segmenter.segment(text.slice(from, limit + 1))) {
      const at = from + index;
      if (at > limit) break;
      best = at;
    }
    // A boundary found inside the stretch (not one 200-character token, such as a URL).
    if (best > from) return best;
  }
  return fallback(text, limit);
}

function fallback(text: string, limit: number): number {
  let cut = limit;
  // Not between the halves of a surrogate pair, nor before a combining mark.
  while (cut > 0 && (/[\uDC00-\uDFFF]/.test(text[cut]!) || /\p{M}/u.test(text[cut]!))) cut--;
  const before = text[cut - 1] ?? '';
  const after = text[cut] ?? '';
  if (WORDLIKE.test(before) && WORDLIKE.test(after) && !HAN.test(before) && !HAN.test(after)) {
    const space = text.lastIndexOf(' ', cut);
    if (space > limit / 2) return space;
  }
  return cut;
}
