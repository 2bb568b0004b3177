// The library's listings give the same highlights whichever way the store reads them: through
// one page's records, an entity's or a tag's index, or the time index, and in a browser with or
// without IndexedDB's bulk read (getAllRecords, missing in Firefox).
import { IDBIndex } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { ListCursor, ListQuery, LensStore } from '../../lib/store';
import type { Highlight } from '../../lib/types';
import { freshStore, makeHighlight, pageUrl, value } from './store-fixtures';

const ids = (hs: readonly { id: string }[]) => hs.map((h) => h.id);

/** Runs `work` in a browser whose indexes have no getAllRecords. */
async function withoutBulkRead<T>(work: () => Promise<T>): Promise<T> {
  const proto = IDBIndex.prototype as { getAllRecords?: unknown };
  const had = Object.getOwnPropertyDescriptor(proto, 'getAllRecords');
  delete proto.getAllRecords;
  try {
    return await work();
  } finally {
    if (had) Object.defineProperty(proto, 'getAllRecords', had);
  }
}

/** Every highlight of `recentHighlights`, `size` at a time. */
async function pageThrough(store: LensStore, size: number): Promise<string[]> {
  const seen: string[] = [];
  let before: ListCursor | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page: Highlight[] = value(await store.recentHighlights(size, before));
    if (page.length === 0) return seen;
    seen.push(...ids(page));
    before = page[page.length - 1];
  }
  throw new Error('recentHighlights never ran out');
}

describe('the latest highlights, in a browser without the bulk read', () => {
  it('gives the same pages, newest first, each highlight once, as with it', async () => {
    const { store } = await freshStore();
    const hs = [
      ...Array.from({ length: 5 }, (_, i) => makeHighlight({ id: `same-${i}`, created: 5000 })),
      makeHighlight({ id: 'newest', created: 9000 }),
      makeHighlight({ id: 'oldest', created: 1000 }),
      makeHighlight({ id: 'middle', created: 7000 }),
    ];
    for (const h of hs) value(await store.saveHighlight(h));
    const expected = ['newest', 'middle', 'same-4', 'same-3', 'same-2', 'same-1', 'same-0', 'oldest'];
    expect(await pageThrough(store, 3)).toEqual(expected);
    for (const size of [1, 3, 8, 20]) {
      expect(await withoutBulkRead(() => pageThrough(store, size))).toEqual(expected);
    }
    // Whole highlights, as saved, not index keys.
    expect(await withoutBulkRead(async () => value(await store.recentHighlights(1)))).toEqual([hs[5]]);
  });

  it('answers an empty store, and a cursor past the oldest, with nothing', async () => {
    const { store } = await freshStore();
    expect(await withoutBulkRead(async () => value(await store.recentHighlights(3)))).toEqual([]);
    const only = makeHighlight({ created: 4000 });
    value(await store.saveHighlight(only));
    expect(await withoutBulkRead(async () => value(await store.recentHighlights(3, only)))).toEqual([]);
  });
});

describe('one page’s highlights, filtered', () => {
  it('applies every other filter too: entity, tag, dates, orphan state and words', async () => {
    const { store } = await freshStore();
    const url = pageUrl(3);
    const a = makeHighlight({ url, created: 1000, tags: ['cite'], factEntities: [['weibo']] });
    const b = makeHighlight({ url, created: 2000, tags: ['check'], factEntities: [['cac']], note: 'compare with Xinhua' });
    const c = makeHighlight({ url, created: 3000, orphaned: true, factEntities: [['weibo', 'cac']] });
    const elsewhere = makeHighlight({ url: pageUrl(4), created: 2500, tags: ['cite'], factEntities: [['weibo']] });
    for (const h of [a, b, c, elsewhere]) value(await store.saveHighlight(h));
    const list = async (q: Omit<ListQuery, 'limit'>) => ids(value(await store.listHighlights({ limit: 10, url, ...q })).items);

    expect(await list({})).toEqual([c.id, b.id, a.id]);
    expect(await list({ entity: 'weibo' })).toEqual([c.id, a.id]);
    expect(await list({ tag: 'cite' })).toEqual([a.id]);
    expect(await list({ from: 2000 })).toEqual([c.id, b.id]);
    expect(await list({ to: 2000 })).toEqual([b.id, a.id]);
    expect(await list({ from: 1500, to: 2500 })).toEqual([b.id]);
    expect(await list({ orphaned: true })).toEqual([c.id]);
    expect(await list({ text: 'xinhua' })).toEqual([b.id]);
  });
});

describe('looking for words', () => {
  it('finds a word only inside one field: not across the quote and the note, nor across two tags', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ quote: 'The regulator closed accounts', note: 'weibo first', tags: ['live', 'streams'], page: { url: pageUrl(1), title: 'Rules' } });
    value(await store.saveHighlight(h));
    const find = async (text: string) => ids(value(await store.listHighlights({ limit: 5, text })).items);
    expect(await find('accounts weibo')).toEqual([h.id]);
    expect(await find('accountsweibo')).toEqual([]);
    expect(await find('live streams')).toEqual([h.id]);
    expect(await find('livestreams')).toEqual([]);
  });
});

describe('paging inside a date range', () => {
  it('does not repeat the last highlight of a page whose time is the end of the range', async () => {
    const { store } = await freshStore();
    const hs = ['x-1', 'x-2', 'x-3'].map((id) => makeHighlight({ id, created: 2000, tags: ['t'], factEntities: [['cac']] }));
    hs.push(makeHighlight({ id: 'x-0', created: 1000, tags: ['t'], factEntities: [['cac']] }));
    for (const h of hs) value(await store.saveHighlight(h));
    for (const filter of [{}, { entity: 'cac' }, { tag: 't' }] as const) {
      const seen: string[] = [];
      let after: ListCursor | undefined;
      for (let guard = 0; guard < 10; guard++) {
        const page = value(await store.listHighlights({ limit: 2, to: 2000, ...filter, after }));
        seen.push(...ids(page.items));
        if (!page.next) break;
        after = page.next;
      }
      expect(seen).toEqual(['x-3', 'x-2', 'x-1', 'x-0']);
    }
  });

  it('includes every highlight made at the very end of the range, whatever its id', async () => {
    const { store } = await freshStore();
    const hs = ['A-upper', 'z-lower', 'é-accented'].map((id) => makeHighlight({ id, created: 2000 }));
    for (const h of hs) value(await store.saveHighlight(h));
    value(await store.saveHighlight(makeHighlight({ created: 2001 })));
    expect(ids(value(await store.listHighlights({ limit: 10, to: 2000 })).items)).toEqual(['é-accented', 'z-lower', 'A-upper']);
  });
});
