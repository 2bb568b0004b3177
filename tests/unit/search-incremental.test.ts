import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeLibrary } from '../../bench/library-data';
import { roundSignificant, significantDigits } from '../../lib/facts/decimal';
import { createHighlightIndex, figureMatches, narrows, readQuery, type SearchHit } from '../../lib/search';
import type { Highlight } from '../../lib/types';

const terms = (q: string) => readQuery(q);
const summary = (hits: SearchHit<Highlight, string>[]) => hits.map((h) => [h.item.id, h.score, h.fields.join(','), JSON.stringify(h.reasons)].join(' '));

describe('narrows: when a query can be looked for among the last one’s matches', () => {
  it('is true for a keystroke that lengthens a word or adds one', () => {
    expect(narrows(terms('cy'), terms('cyb'))).toBe(true);
    expect(narrows(terms('Weibo'), terms('Weibo r'))).toBe(true);
    expect(narrows(terms('Weibo r'), terms('Weibo ru'))).toBe(true);
    // A word lengthened into a longer plain word still contains it.
    expect(narrows(terms('rum'), terms('rumours'))).toBe(true);
    // The same figure, a space typed after it.
    expect(narrows(terms('67,000'), terms('67,000 '))).toBe(true);
  });

  it('is false where the longer query finds things the shorter did not', () => {
    // 网信办 names the CAC: it finds CAC highlights that never write 网信.
    expect(narrows(terms('网信'), terms('网信办'))).toBe(false);
    // CA is two letters; CAC is the regulator, found by its entities.
    expect(narrows(terms('CA'), terms('CAC'))).toBe(false);
    // Another value, at another precision.
    expect(narrows(terms('67'), terms('670'))).toBe(false);
    // A word taken away or replaced.
    expect(narrows(terms('weibo rumours'), terms('weibo'))).toBe(false);
    expect(narrows(terms('weibo'), terms('douyin'))).toBe(false);
    // After an empty query there is nothing to narrow.
    expect(narrows(terms(''), terms('w'))).toBe(false);
  });
});

describe('an index searched keystroke by keystroke', () => {
  const library = makeLibrary(400, 60, 7);

  it('answers every prefix exactly as a fresh index does, whatever is typed, deleted or retyped', () => {
    const typed = ['Cyberspace Administration', '网信办', '國家網信辦', 'CAC', '67,000', '6.7万', 'Weibo rumours', 'self-media accounts', 'to-cite', '清朗'];
    const keystrokes = fc.array(
      fc.oneof(
        fc.constantFrom(...typed).map((t) => Array.from({ length: t.length }, (_, k) => t.slice(0, k + 1))),
        fc.array(fc.constantFrom('a', 'c', 'e', ' ', '6', '7', ',', '0', '万', '网', '信', '办', 'w', 'i'), { maxLength: 6 }).map((cs) =>
          cs.map((_, k) => cs.slice(0, k + 1).join('')),
        ),
      ),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(keystrokes, (runs) => {
        const live = createHighlightIndex(library);
        for (const query of runs.flat()) expect(summary(live.search(query))).toEqual(summary(createHighlightIndex(library).search(query)));
      }),
      { numRuns: 40 },
    );
  });

  it('indexes in slices: one item per call when no time is left, then the names, done when all is', () => {
    const items = library.slice(0, 5);
    const index = createHighlightIndex(items.map((h) => ({ ...h })));
    const answers: boolean[] = [];
    for (let i = 0; i < 7; i++) answers.push(index.prepare(() => false));
    expect(answers).toEqual([false, false, false, false, false, true, true]);
  });

  it('indexes everything in one call while time is left, and a search before that still finds everything', () => {
    const copies = library.map((h) => ({ ...h }));
    const early = createHighlightIndex(copies);
    const expected = summary(createHighlightIndex(library).search('Weibo'));
    expect(summary(early.search('Weibo'))).toEqual(expected);
    const index = createHighlightIndex(library.map((h) => ({ ...h })));
    expect(index.prepare(() => true)).toBe(true);
  });
});

describe('figureMatches passes over far values without rounding them', () => {
  it('agrees with rounding every value, near and far, at every precision', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999_999 }),
        fc.integer({ min: 0, max: 4 }),
        fc.double({ min: -0.02, max: 0.02, noNaN: true }),
        (written, shift, offset) => {
          // A figure as typed (67000, 6.7 …) and a stored value near it or not.
          const value = written / 10 ** shift;
          const term = { value, digits: significantDigits(value) };
          for (const stored of [value, value * (1 + offset), value * 10, value / 10, Math.round(value * (1 + offset * 10))]) {
            expect(figureMatches(term, stored)).toBe(stored > 0 && roundSignificant(stored, term.digits) === term.value);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the names an index searches by', () => {
  it('are made once, last, by preparing the index or by the first search, not when the index is made', () => {
    const library = makeLibrary(60, 6);
    let made = 0;
    const names = () => {
      made++;
      return new Map([['the regulator', ['cac' as const]]]);
    };
    const index = createHighlightIndex(library, { names });
    expect(made).toBe(0);
    // Prepared a highlight per slice: the names come in a slice after the last highlight.
    let slices = 0;
    while (!index.prepare(() => false)) {
      slices++;
      expect(made).toBe(0);
    }
    expect(slices).toBe(library.length);
    expect(made).toBe(1);
    // Searched before it was prepared: made by the search, once.
    const searched = createHighlightIndex(library, { names });
    const byName = searched.search('the regulator');
    expect(made).toBe(2);
    searched.prepare(() => true);
    expect(made).toBe(2);
    // The user's name finds every CAC highlight, by its entities.
    const cac = library.filter((h) => h.entities.includes('cac')).map((h) => h.id).sort();
    expect(cac.length).toBeGreaterThan(0);
    const foundByEntity = byName.filter((h) => h.reasons.some((r) => r.kind === 'entity' && r.id === 'cac')).map((h) => h.item.id).sort();
    expect(foundByEntity).toEqual(cac);
    searched.search('the regulator wei');
    expect(made).toBe(2);
  });
});
