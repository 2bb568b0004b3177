// The store reads IDBKeyRange and friends from the global scope, as in the extension.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { toWebAnnotationsJson } from '../../lib/export';
import { parseImport } from '../../lib/import';
import { openStore } from '../../lib/store';
import { seedHighlights } from './export-samples';

async function emptyStore() {
  const opened = await openStore(new IDBFactory());
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

function parsed(text: string) {
  const result = parseImport(text);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('an import merged by the store', () => {
  it('adds every highlight of a fresh export once, and skips them all the second time', async () => {
    const store = await emptyStore();
    const file = toWebAnnotationsJson(seedHighlights());
    const { highlights, pages } = parsed(file);

    const first = await store.bulkImport(highlights, pages);
    expect(first.ok && first.value).toMatchObject({ added: 3, updated: 0, skipped: 0 });
    const again = await store.bulkImport(parsed(file).highlights, pages);
    expect(again.ok && again.value).toMatchObject({ added: 0, updated: 0, skipped: 3 });

    // What the store now holds exports to the same file.
    const all = await store.allHighlights();
    if (!all.ok) throw new Error(all.error.message);
    const byId = new Map(all.value.map((h) => [h.id, h]));
    const inFileOrder = highlights.map((h) => byId.get(h.id)).filter((h) => h !== undefined);
    expect(toWebAnnotationsJson(inFileOrder, pages)).toBe(file);
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
