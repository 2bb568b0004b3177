// @ts-nocheck
import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../lib/types';
import { freshStore, makeHighlight, pageUrl, value } from './store-fixtures';

/** A highlight of its own words at `start` on the page, or with no place at all (`start` null). */
function at(start: number | null, spec: Parameters<typeof makeHighlight>[0] = {}): Highlight {
  const quote = spec.quote ?? `Passage number ${start ?? 'none'}-${spec.created ?? 0} on the page.`;
  const quoteSelector = { type: 'TextQuoteSelector' as const, exact: quote };
  const selectors = start === null ? [quoteSelector] : [quoteSelector, { type: 'TextPositionSelector' as const, start, end: start + quote.length }];
  return makeHighlight({ ...spec, quote, selectors });
}

const ids = (hs: readonly { id: string }[]) => hs.map((h) => h.id);

describe('the order of listings', () => {
  it('lists a page in reading order, passages at one place by their time, and passages without a place last', async () => {
    const { store } = await freshStore();
    const noPlace = at(null, { created: 1 });
    const late = at(100, { created: 3000 });
    const early = at(100, { created: 2000 });
    const top = at(5, { created: 9000 });
    for (const h of [noPlace, late, early, top]) value(await store.saveHighlight(h));
    expect(ids(value(await store.highlightsForUrl(pageUrl(1))))).toEqual([top.id, early.id, late.id, noPlace.id]);
  });

  it('gives highlights saved in the same millisecond one order, by id backwards, in every listing', async () => {
    const { store } = await freshStore();
    const hs = ['b', 'd', 'a', 'c'].map((id) => makeHighlight({ id: `tie-${id}`, created: 5000, tags: ['t'], factEntities: [['weibo']] }));
    for (const h of hs) value(await store.saveHighlight(h));
    const expected = ['tie-d', 'tie-c', 'tie-b', 'tie-a'];
    expect(ids(value(await store.recentHighlights(10)))).toEqual(expected);
    expect(ids(value(await store.highlightsByEntity('weibo', 10)))).toEqual(expected);
    expect(ids(value(await store.highlightsByTag('t', 10)))).toEqual(expected);
    expect(ids(value(await store.listHighlights({ limit: 10 })).items)).toEqual(expected);
    // One page's listing is sorted in memory, not by an index: the same order all the same.
    expect(ids(value(await store.listHighlights({ limit: 10, url: pageUrl(1) })).items)).toEqual(expected);
    const firstTwo = value(await store.listHighlights({ limit: 2, url: pageUrl(1) }));
    expect(ids(firstTwo.items)).toEqual(expected.slice(0, 2));
    expect(ids(value(await store.listHighlights({ limit: 10, url: pageUrl(1), after: firstTwo.next })).items)).toEqual(expected.slice(2));
  });

  it('reads every highlight in batches in id order, whatever their times, each batch after the last id', async () => {
    const { store } = await freshStore();
    const hs = ['k', 'b', 'x', 'e', 'q'].map((id, i) => makeHighlight({ id, created: 1000 * (i + 1) }));
    for (const h of hs) value(await store.saveHighlight(h));
    expect(ids(value(await store.highlightBatch(2)))).toEqual(['b', 'e']);
    expect(ids(value(await store.highlightBatch(2, 'e')))).toEqual(['k', 'q']);
    expect(ids(value(await store.highlightBatch(2, 'f')))).toEqual(['k', 'q']);
    expect(ids(value(await store.highlightBatch(2, 'q')))).toEqual(['x']);
    expect(await store.highlightBatch(Number.NaN)).toMatchObject({ ok: false, error: { kind: 'invalid', message: expect.stringMatching(/batch size/) } });
  });

  it('answers an empty list for a limit of nothing, without reading', async () => {
    const { store } = await freshStore();
    value(await store.saveHighlight(makeHighlight({ tags: ['t'], factEntities: [['cac']] })));
    expect(value(await store.recentHighlights(0))).toEqual([]);
    expect(value(await store.highlightsByEntity('cac', 0))).toEqual([]);
    expect(value(await store.highlightsByTag('t', -1))).toEqual([]);
    expect(value(await store.relatedFacts(['cac'], 'elsewhere', 0))).toEqual([]);
    expect(value(await store.relatedFacts([], 'elsewhere', 5))).toEqual([]);
  });
});

describe('the library’s filters', () => {
  async function library() {
    const { store } = await freshStore();
    const a = makeHighlight({ created: 1000, tags: ['cite'], quote: 'Weibo removed posts', factEntities: [['weibo']] });
    const b = makeHighlight({ created: 2000, tags: ['cite', 'check'], url: pageUrl(2), page: { url: pageUrl(2), title: 'Rules for live streams', site: 'Dawn' } });
    const c = makeHighlight({
      created: 3000,
      url: 'https://news.caixin.com/2023-05-26/1.html',
      page: { url: 'https://news.caixin.com/2023-05-26/1.html', title: 'Financial self-media' },
      factEntities: [['weibo', 'self-media']],
    });
    const d = makeHighlight({
      created: 4000,
      url: 'https://notcaixin.com/1.html',
      page: { url: 'https://notcaixin.com/1.html', title: 'Another outlet' },
      tags: ['check'],
      orphaned: true,
    });
    for (const h of [a, b, c, d]) value(await store.saveHighlight(h));
    const list = async (q: Omit<Parameters<typeof store.listHighlights>[0], 'limit'> & { limit?: number }) =>
      ids(value(await store.listHighlights({ limit: 10, ...q })).items);
    return { store, a, b, c, d, list };
  }

  it('takes both ends of a date range as included, with either end alone', async () => {
    const { a, b, c, d, list } = await library();
    expect(await list({ from: 2000 })).toEqual([d.id, c.id, b.id]);
    expect(await list({ to: 2000 })).toEqual([b.id, a.id]);
    expect(await list({ from: 2000, to: 3000 })).toEqual([c.id, b.id]);
    expect(await list({ entity: 'weibo', from: 3000 })).toEqual([c.id]);
    expect(await list({ entity: 'weibo', to: 1000 })).toEqual([a.id]);
    expect(await list({ tag: 'check', from: 2001 })).toEqual([d.id]);
  });

  it('finds by tag, by page, and by orphan state', async () => {
    const { b, a, c, d, list } = await library();
    expect(await list({ tag: 'cite' })).toEqual([b.id, a.id]);
    expect(await list({ tag: 'cite', entity: undefined, text: 'weibo' })).toEqual([a.id]);
    expect(await list({ url: pageUrl(2) })).toEqual([b.id]);
    expect(await list({ url: pageUrl(2), tag: 'nope' })).toEqual([]);
    expect(await list({ orphaned: true })).toEqual([d.id]);
    expect(await list({ entity: 'weibo', tag: 'cite' })).toEqual([a.id]);
    expect(await list({ entity: 'self-media' })).toEqual([c.id]);
  });

  it('takes an outlet as a host name or any subdomain of it, in any case, never a look-alike host', async () => {
    const { b, c, d, list } = await library();
    expect(await list({ site: 'CAIXIN.com' })).toEqual([c.id]);
    expect(await list({ site: 'news.caixin.com' })).toEqual([c.id]);
    expect(await list({ site: 'notcaixin.com' })).toEqual([d.id]);
    expect(await list({ site: 'dawn' })).toEqual([b.id]);
    expect(await list({ site: 'caixin' })).toEqual([]);
  });

  it('looks for every word, in any case, in the quote, note, tags, title and outlet; blank words find everything', async () => {
    const { a, b, c, d, list } = await library();
    expect(await list({ text: '  ' })).toEqual([d.id, c.id, b.id, a.id]);
    expect(await list({ text: 'live   STREAMS' })).toEqual([b.id]);
    expect(await list({ text: 'dawn' })).toEqual([b.id]);
    expect(await list({ text: 'check cite' })).toEqual([b.id]);
    expect(await list({ text: 'weibo financial' })).toEqual([]);
  });

  it('pages with a cursor also inside a date range, and says there is more only when the page is full', async () => {
    const { a, b, c, d, list, store } = await library();
    expect(await list({ to: 2000, after: { created: d.created, id: d.id } })).toEqual([b.id, a.id]);
    expect(await list({ to: 3500, after: { created: c.created, id: c.id } })).toEqual([b.id, a.id]);
    expect(await list({ entity: 'weibo', after: { created: c.created, id: c.id } })).toEqual([a.id]);
    const full = value(await store.listHighlights({ limit: 4 }));
    expect(full.next).toEqual({ created: a.created, id: a.id });
    expect(value(await store.listHighlights({ limit: 4, after: full.next }))).toEqual({ items: [] });
  });
});

describe('related facts', () => {
  it('gives the newest facts overall, however many each entity has, and none from the page being read', async () => {
    const { store } = await freshStore();
    const many = Array.from({ length: 4 }, (_, i) => makeHighlight({ url: pageUrl(10 + i), created: 10_000 + i, factEntities: [['cac']] }));
    const onThisPage = makeHighlight({ url: pageUrl(1), created: 99_000, factEntities: [['cac'], ['douyin']] });
    const older = makeHighlight({ url: pageUrl(20), created: 500, factEntities: [['douyin']] });
    for (const h of [...many, onThisPage, older]) value(await store.saveHighlight(h));
    const related = value(await store.relatedFacts(['douyin', 'cac', 'douyin'], pageUrl(1), 3));
    expect(related.map((f) => f.highlightId)).toEqual([many[3]!.id, many[2]!.id, many[1]!.id]);
    expect(value(await store.relatedFacts(['douyin'], pageUrl(1), 3)).map((f) => f.highlightId)).toEqual([older.id]);
  });

  it('lists a highlight’s facts newest first: one added by hand later comes first', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ factEntities: [['cac'], ['weibo']] });
    value(await store.saveHighlight(h));
    const byHand = { ...h.facts[0]!, id: `${h.id}-hand`, created: h.created + 60_000, value: 7 };
    value(await store.reviseHighlight(h.id, (current) => ({ ...current, facts: [...current.facts, byHand] }), 'add the fact'));
    expect(value(await store.factsForHighlight(h.id)).map((f) => f.id)[0]).toBe(byHand.id);
  });
});
