// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { passageKey, planMerge } from '../../lib/import';
import { makeHighlight } from './export-samples';

const quoteOnly = (h, prefix, suffix) => ({ ...h, selectors: [{ type: 'TextQuoteSelector', exact: h.quote, prefix, suffix }] });

describe('the same passage', () => {
  const h = makeHighlight({ quote: 'Weibo closed 300 accounts.', start: 40 });

  it('is the same quote at the same place of the same page, whatever the id', () => {
    expect(passageKey({ ...h, id: 'another' })).toBe(passageKey(h));
    expect(passageKey(makeHighlight({ quote: h.quote, start: 41 }))).not.toBe(passageKey(h));
    expect(passageKey({ ...h, url: 'https://news.example.com/other' })).not.toBe(passageKey(h));
    expect(passageKey({ ...h, quote: 'Weibo closed 301 accounts.' })).not.toBe(passageKey(h));
  });

  it('is placed by its context when it has no position', () => {
    const a = quoteOnly(h, 'On Monday, ', ' The rest');
    expect(passageKey(quoteOnly(h, 'On Monday, ', ' The rest'))).toBe(passageKey(a));
    expect(passageKey(quoteOnly(h, 'On Tuesday, ', ' The rest'))).not.toBe(passageKey(a));
    expect(passageKey(quoteOnly(h, 'On Monday, ', ' Then'))).not.toBe(passageKey(a));
    // Context split differently between prefix and suffix is another place.
    expect(passageKey(quoteOnly(h, 'ab', 'c'))).not.toBe(passageKey(quoteOnly(h, 'a', 'bc')));
    expect(passageKey(quoteOnly(h, undefined, undefined))).toBe(passageKey(quoteOnly(h, '', '')));
  });
});

describe('planMerge', () => {
  it('adds the second of two copies of one passage in the same file only once', () => {
    const a = makeHighlight({ quote: 'Douyin removed 2,000 videos.', start: 7 });
    const b = { ...a, id: 'copy-from-another-tool' };
    expect(planMerge([], [a, b])).toEqual({ add: [a], update: [], skip: [b] });
  });

  it('updates only a copy edited later than the stored one', () => {
    const stored = makeHighlight({ quote: 'Kuaishou closed 40 accounts.' });
    const same = { ...stored, note: 'same time' };
    const later = { ...stored, note: 'later', updated: stored.updated + 1 };
    expect(planMerge([stored], [same])).toEqual({ add: [], update: [], skip: [same] });
    expect(planMerge([stored], [later])).toEqual({ add: [], update: [later], skip: [] });
  });
});
