import { describe, expect, it } from 'vitest';
import { toWebAnnotationsJson } from '../../lib/export';
import { correctedFields, extractFacts, factsFromCandidate, figureChange, handFact, mergeReextracted } from '../../lib/facts';
import { parseImport } from '../../lib/import';
import type { Fact, Highlight, Mention } from '../../lib/types';
import { makeHighlight } from './export-samples';

const CAC: Mention[] = [];
/** The facts a quote gives, with ids that derive from the highlight and figure order (as facts-of-quote makes them). */
function extracted(h: Highlight, quote = h.quote): Fact[] {
  let n = 0;
  const mentions = [...quote.matchAll(/CAC/g)].map((m) => ({ entity: 'cac', start: m.index!, end: m.index! + 3, text: 'CAC' }));
  return extractFacts(quote, [...CAC, ...mentions]).flatMap((c) =>
    factsFromCandidate(c, { highlightId: h.id, source: h.page, created: 1, newId: () => `${h.id}:fact-${++n}` }));
}

describe('facts the user adds or corrects', () => {
  const h = makeHighlight({ quote: 'The CAC closed 67,000 accounts. It also dealt with a further batch of live streamers.' });

  it('makes a hand fact with the figure, unit, action and period the user gives, sourced like its highlight', () => {
    const f = handFact(h, { value: 2300, unit: 'people', action: 'banned', period: { from: '2023-03-10', to: '2023-05-22' } }, 'hand-1', 5);
    expect(f).toMatchObject({ id: 'hand-1', highlightId: h.id, value: 2300, figureText: '2300', unit: 'people', action: 'banned',
      period: { from: '2023-03-10', to: '2023-05-22' }, origin: 'hand', source: h.page, text: h.quote });
  });

  it('names the fields a correction changes, on top of earlier ones', () => {
    const [f] = extracted(h);
    expect(correctedFields(f!, { value: 66600, unit: f!.unit, action: 'removed' })).toEqual(['value', 'action']);
    expect(correctedFields({ ...f!, corrected: ['period'] }, { value: 66600 })).toEqual(['period', 'value']);
  });

  it('keeps hand facts and corrected fields when the quote is read again', () => {
    const [f] = extracted(h);
    const corrected: Fact = { ...f!, action: 'banned', corrected: ['action'], unlinked: ['other'] };
    const hand = handFact(h, { value: 40, unit: 'people', action: 'banned' }, 'hand-1', 5);
    const again = mergeReextracted([corrected, hand], extracted(h, 'The CAC closed 66,600 accounts. It also dealt with live streamers.'));
    expect(again.map((x) => [x.figureText, x.action, x.origin])).toEqual([['66,600', 'banned', undefined], ['40', 'banned', 'hand']]);
    expect(again[0]!.value).toBe(66600);
    expect(again[0]!.unlinked).toEqual(['other']);
  });

  it('lets a fresh extraction replace what the user did not correct', () => {
    const [f] = extracted(h);
    const again = mergeReextracted([f!], extracted(h, 'The CAC closed 66,600 accounts.'));
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ value: 66600, figureText: '66,600' });
    expect(again[0]!.corrected).toBeUndefined();
  });

  it('survives export and import', () => {
    const [f] = extracted(h);
    const withFacts: Highlight = { ...h, facts: [{ ...f!, value: 66600, corrected: ['value'] }, handFact(h, { value: 40, unit: 'people' }, 'hand-1', Date.UTC(2023, 4, 1))] };
    const back = parseImport(toWebAnnotationsJson([withFacts]));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.highlights[0]!.facts).toEqual(withFacts.facts);
  });
});

describe('figureChange', () => {
  it('reports "67,000" becoming "66,600"', () => {
    const h = makeHighlight({ quote: 'The CAC closed 67,000 accounts.' });
    expect(figureChange(extracted(h), ['66,600'])).toEqual({ was: ['67,000'], now: ['66,600'] });
  });

  it('finds no change when the same figures are written, full width or not', () => {
    const h = makeHighlight({ quote: 'The CAC closed 67,000 accounts.' });
    expect(figureChange(extracted(h), ['６７,０００'])).toBeUndefined();
  });

  it('compares only the extracted figures, not those added by hand', () => {
    const h = makeHighlight({ quote: 'The CAC closed 67,000 accounts.' });
    expect(figureChange([...extracted(h), handFact(h, { value: 5 }, 'x', 0)], ['67,000'])).toBeUndefined();
  });
});
