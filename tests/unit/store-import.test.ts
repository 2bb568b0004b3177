import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Highlight } from '../../lib/types';
import { freshStore, makeHighlight, pageUrl, value } from './store-fixtures';

afterEach(() => vi.restoreAllMocks());

const newer = (h: Highlight, note: string): Highlight => ({ ...h, note, updated: h.updated + 1000 });

describe('bulk import', () => {
  it('adds what is new, updates what is newer and skips the rest', async () => {
    const { store } = await freshStore();
    const kept = makeHighlight({ factEntities: [['cac']] });
    const edited = makeHighlight({ factEntities: [['weibo']] });
    const stale = makeHighlight();
    for (const h of [kept, edited, stale]) value(await store.saveHighlight(h));
    value(await store.updateHighlight(stale.id, { note: 'edited here since the export' }, stale.updated + 5000));
    const fresh = makeHighlight({ factEntities: [['douyin']] });

    const outcome = value(await store.bulkImport([kept, newer(edited, 'edited elsewhere'), stale, fresh]));
    expect(outcome).toMatchObject({ added: 1, updated: 1, skipped: 2 });
    expect(value(await store.getHighlight(edited.id))?.note).toBe('edited elsewhere');
    expect(value(await store.getHighlight(stale.id))?.note).toBe('edited here since the export');
    expect(value(await store.getHighlight(fresh.id))).toEqual(fresh);
    expect(value(await store.allFacts())).toHaveLength(3);
  });

  it('recognises the same passage under another id and does not double it', async () => {
    const { store } = await freshStore();
    const mine = makeHighlight({ factEntities: [['cac']] });
    value(await store.saveHighlight(mine));
    const asExportedByAnotherTool = { ...mine, id: 'urn:other:1', facts: mine.facts.map((f) => ({ ...f, highlightId: 'urn:other:1' })) };

    expect(value(await store.bulkImport([asExportedByAnotherTool]))).toMatchObject({ added: 0, updated: 0, skipped: 1 });
    const later = newer(asExportedByAnotherTool, 'annotated in the other tool');
    expect(value(await store.bulkImport([later]))).toMatchObject({ added: 0, updated: 1, skipped: 0 });

    const all = value(await store.allHighlights());
    expect(all.map((h) => [h.id, h.note])).toEqual([[mine.id, 'annotated in the other tool']]);
    expect(value(await store.allFacts()).map((f) => f.highlightId)).toEqual([mine.id]);
  });

  it('takes a highlight listed twice in one file once', async () => {
    const { store } = await freshStore();
    const h = makeHighlight();
    expect(value(await store.bulkImport([h, structuredClone(h)]))).toMatchObject({ added: 1, skipped: 1 });
    expect(value(await store.allHighlights())).toHaveLength(1);
  });

  it('merges pages, keeping the text snapshot already there', async () => {
    const { store } = await freshStore();
    const url = pageUrl(9);
    value(await store.putPage({ url, title: 'Title', text: 'as first read' }));
    const outcome = value(
      await store.bulkImport([], [
        { url, title: 'Title', text: 'as exported' },
        { url, title: 'Title', author: 'Web Desk' },
        { url: pageUrl(10), title: 'Another page' },
      ]),
    );
    expect(outcome.pages).toEqual({ added: 1, updated: 1, skipped: 1 });
    expect(value(await store.getPage(url))).toEqual({ url, title: 'Title', author: 'Web Desk', text: 'as first read' });
  });

  it('writes nothing from a file with one bad highlight, and says which one', async () => {
    const { store } = await freshStore();
    const bad = { ...makeHighlight(), created: Number.NaN };
    const result = await store.bulkImport([makeHighlight(), bad]);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', message: expect.stringMatching(/highlight 2/) } });
    expect(value(await store.allHighlights())).toEqual([]);
  });

  it('writes nothing when the disk fills part-way through', async () => {
    const { store } = await freshStore();
    const put = IDBObjectStore.prototype.put;
    let puts = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'highlights' && ++puts > 30) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const result = await store.bulkImport(Array.from({ length: 50 }, () => makeHighlight({ factEntities: [['cac']] })));
    expect(result).toMatchObject({ ok: false, error: { kind: 'quota' } });
    vi.restoreAllMocks();
    expect(value(await store.allHighlights())).toEqual([]);
    expect(value(await store.allFacts())).toEqual([]);
  });

  it('gives back the same data after export into a fresh store', async () => {
    const { store } = await freshStore();
    for (let i = 0; i < 12; i++) value(await store.saveHighlight(makeHighlight({ url: pageUrl(i % 3), factEntities: [['cac'], ['wechat']] })));
    value(await store.putPage({ url: pageUrl(0), title: 'Snapshot page', text: 'the article' }));
    const [highlights, pages] = [value(await store.allHighlights()), value(await store.allPages())];

    const { store: other } = await freshStore();
    expect(value(await other.bulkImport(highlights, pages))).toMatchObject({ added: 12, updated: 0, skipped: 0 });
    expect(value(await other.allHighlights())).toEqual(highlights);
    expect(value(await other.allPages())).toEqual(pages);
    expect(value(await other.allFacts())).toEqual(value(await store.allFacts()));
    expect(value(await other.bulkImport(highlights, pages))).toMatchObject({ added: 0, updated: 0, skipped: 12 });
  });
});
