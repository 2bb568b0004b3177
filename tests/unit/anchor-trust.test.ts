import { describe as group, expect, it } from 'vitest';
import { anchor, describe } from '../../lib/anchor';

// A short quote is common words: found again in an unrelated sentence, it must not be taken
// for the passage the user saved. The evidence is its context; the quote alone is not enough.
const saved = 'In May the regulator said platforms had closed 67,000 accounts that spread rumours about the economy. Other news followed.';
const quote = '67,000 accounts';
const start = saved.indexOf(quote);
const selectors = describe(saved, start, start + quote.length);

group('anchor trusts a short quote only with its context', () => {
  it.each([
    'Weather today. Our small club had closed 67,000 accounts of gamblers and nothing more was said.',
    'Weather today. The shop chain has closed 67,000 accounts, its annual report says to investors.',
    'Weather today. Banks in the region closed 67,000 accounts that year, citing low balances.',
  ])('leaves it orphaned when the words appear among other words: %s', (page) => {
    // Each of these agrees with the stored context by 0.39–0.41 on average (by the
    // approximate measure), enough for the overall score, not for the context rule.
    expect(anchor(page, selectors)).toBeNull();
  });

  it('finds it where one side of its context agrees in full', () => {
    const page = 'Weather today. A later report said platforms had closed 67,000 accounts of gamblers, and no more.';
    expect(anchor(page, selectors)).toEqual({ start: page.indexOf(quote), end: page.indexOf(quote) + quote.length, method: 'quote' });
  });

  it('finds it when the sentence moved but kept its words around the quote', () => {
    const page = `A new first paragraph was added. ${saved}`;
    const at = page.indexOf(quote);
    expect(anchor(page, selectors)).toEqual({ start: at, end: at + quote.length, method: 'quote' });
  });
});
