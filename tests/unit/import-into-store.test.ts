// The store reads IDBKeyRange and friends from the global scope, as in the extension.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { toWebAnnotationsJson } from '../../lib/export';
import { parseImport } from '../../lib/import';
import { openStore } from '../../lib/store';
import type { Highlight } from '../../lib/types';
import { makeHighlight, seedHighlights } from './export-samples';
import { accepted } from './import-parse';

async function emptyStore() {
  const opened = await openStore(new IDBFactory());
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}


describe('an import merged by the store', () => {
  it('adds every highlight of a fresh export once, and skips them all the second time', async () => {
    const store = await emptyStore();
    const file = toWebAnnotationsJson(seedHighlights());
    const { highlights, pages } = accepted(file);

    const first = await store.bulkImport(highlights, pages);
    expect(first.ok && first.value).toMatchObject({ added: 3, updated: 0, skipped: 0 });
    const again = await store.bulkImport(accepted(file).highlights, pages);
    expect(again.ok && again.value).toMatchObject({ added: 0, updated: 0, skipped: 3 });

    // What the store now holds exports to the same file.
    const all = await store.allHighlights();
    if (!all.ok) throw new Error(all.error.message);
    const byId = new Map(all.value.map((h) => [h.id, h]));
    const inFileOrder = highlights.map((h) => byId.get(h.id)).filter((h) => h !== undefined);
    expect(toWebAnnotationsJson(inFileOrder, pages)).toBe(file);
    store.close();
  });

  it('reports each outcome of a backup file: added, updated, kept, and deleted here since', async () => {
    const store = await emptyStore();
    const [edited, kept, deleted] = seedHighlights() as [Highlight, Highlight, Highlight];
    for (const h of [edited, kept, deleted]) {
      const saved = await store.saveHighlight(h);
      if (!saved.ok) throw new Error(saved.error.message);
    }
    const deletedAt = deleted.updated + 60_000;
    await store.deleteHighlight(deleted.id, deletedAt);
    const fresh = makeHighlight({ quote: 'Kuaishou closed 1,200 accounts.', start: 3 });
    const file = toWebAnnotationsJson([{ ...edited, note: 'edited on the laptop', updated: edited.updated + 1000 }, kept, deleted, fresh]);

    const outcome = await store.bulkImport(accepted(file).highlights, accepted(file).pages);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value).toMatchObject({ added: 1, updated: 1, skipped: 1, deleted: [{ id: deleted.id, quote: deleted.quote, deleted: deletedAt }] });
    const all = await store.allHighlights();
    if (!all.ok) throw new Error(all.error.message);
    expect(new Map(all.value.map((h) => [h.id, h.note]))).toEqual(new Map([[edited.id, 'edited on the laptop'], [kept.id, kept.note], [fresh.id, '']]));
    store.close();
  });

  it('refuses, before the store sees it, a fact filed under another highlight', () => {
    const collection = JSON.parse(toWebAnnotationsJson(seedHighlights())) as {
      first: { items: { 'ql:facts': { highlightId: string }[] }[] };
    };
    const fact = collection.first.items[0]?.['ql:facts'][0];
    if (!fact) throw new Error('sample has no fact');
    fact.highlightId = 'someone-else';
    const result = parseImport(JSON.stringify(collection));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^Annotation 1: the fact “.*” belongs to highlight “someone-else”/);
  });
});
