/**
 * The library's first screen is read with one request where the browser has getAllRecords
 * (newest first, `limit` of them), else with three (a key cursor that skips to the
 * `limit`-th newest key, then one getAll), never one request per highlight. Both ways are
 * checked: fake-indexeddb has getAllRecords, and hiding it gives the other way. Whatever the
 * creation times (ties included), the page must be exactly the newest `limit` before the
 * cursor, newest first, ties broken by id as the creation index orders them.
 */
import fc from 'fast-check';
import { IDBIndex as FDBIndex } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { ListCursor } from '../../lib/store';
import { freshStore, makeHighlight, value } from './store-fixtures';

const newestFirst = (a: { created: number; id: string }, b: { created: number; id: string }) =>
  b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Runs `work` as in a browser without getAllRecords. */
async function withoutGetAllRecords(work: () => Promise<void>): Promise<void> {
  const proto = FDBIndex.prototype as { getAllRecords?: unknown };
  const had = Object.getOwnPropertyDescriptor(proto, 'getAllRecords');
  expect(had).toBeDefined();
  delete proto.getAllRecords;
  try {
    await work();
  } finally {
    Object.defineProperty(proto, 'getAllRecords', had!);
  }
}

describe('the newest highlights, a page at a time', () => {
  it('equals sorting every highlight newest first and cutting after the cursor (one getAllRecords)', async () => {
    await newestEqualsSorted();
  });

  it('equals it too where the browser has no getAllRecords (a key cursor, then getAll)', async () => {
    await withoutGetAllRecords(newestEqualsSorted);
  });

  it('gives nothing for a limit below one, and everything when fewer than the limit exist', async () => {
    const { store } = await freshStore();
    for (const [i, t] of [3, 1, 2].entries()) value(await store.saveHighlight(makeHighlight({ id: `x-${i}`, created: t })));
    expect(value(await store.recentHighlights(0))).toEqual([]);
    expect(value(await store.recentHighlights(40)).map((h) => h.created)).toEqual([3, 2, 1]);
    expect(value(await store.recentHighlights(1)).map((h) => h.created)).toEqual([3]);
  });
});

async function newestEqualsSorted(): Promise<void> {
    await fc.assert(
      fc.asyncProperty(
        // Few distinct times, so that many highlights share one.
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 0, maxLength: 14 }),
        fc.integer({ min: 1, max: 16 }),
        fc.option(fc.nat({ max: 15 }), { nil: undefined }),
        async (times, limit, cursorAt) => {
          const { store } = await freshStore();
          const hs = times.map((t, i) => makeHighlight({ id: `h-${String(i).padStart(2, '0')}`, created: t * 1000 }));
          for (const h of hs) value(await store.saveHighlight(h));
          const sorted = [...hs].sort(newestFirst);
          const at = cursorAt !== undefined && cursorAt < sorted.length ? cursorAt : undefined;
          const before: ListCursor | undefined = at === undefined ? undefined : { created: sorted[at]!.created, id: sorted[at]!.id };
          const expected = (at === undefined ? sorted : sorted.slice(at + 1)).slice(0, limit).map((h) => h.id);
          const got = value(await store.recentHighlights(limit, before)).map((h) => h.id);
          expect(got).toEqual(expected);
          store.close();
        },
      ),
      { numRuns: 60 },
    );
}
