/**
 * The background's work for the library and options pages, on a store handed in.
 * Pure (no browser APIs), so it runs the same in the service worker and in tests.
 */
import { storeRunner, type StoreSource } from '../store/store-source';
import type { FactEdit, ImportOptions, ImportOutcome, StoredPage, StoreResult } from '../store/types';
import type { Fact, Highlight } from '../types';

/** The store itself, or a way to open it when the first message arrives. */
export type LibraryStoreSource = StoreSource;

export interface LibraryService {
  updateFact(id: string, edit: FactEdit): Promise<StoreResult<Fact>>;
  importHighlights(highlights: readonly Highlight[], pages: readonly StoredPage[], options?: ImportOptions): Promise<StoreResult<ImportOutcome>>;
  deleteAll(): Promise<StoreResult<void>>;
}

const invalid = <T>(message: string): StoreResult<T> => ({ ok: false, error: { kind: 'invalid', message } });

/** The fields of FactEdit; anything else in an edit is refused rather than stored. */
const FACT_FIELDS = new Set(['text', 'value', 'unit', 'qualifier', 'action', 'figureText', 'date', 'period', 'entities', 'unlinked']);

export function createLibraryService(source: LibraryStoreSource, now: () => number = Date.now): LibraryService {
  const withStore = storeRunner(source);

  return {
    updateFact: (id, edit) =>
      withStore(async (store) => {
        if (typeof id !== 'string' || id === '') return invalid('Could not correct the fact: it has no id.');
        if (typeof edit !== 'object' || edit === null) return invalid('Could not correct the fact: no change was given.');
        const unknown = Object.keys(edit).filter((k) => !FACT_FIELDS.has(k));
        if (unknown.length > 0) return invalid(`Could not correct the fact: “${unknown.join('”, “')}” cannot be changed.`);
        return store.updateFact(id, edit, now());
      }),
    importHighlights: (highlights, pages, options = {}) =>
      withStore(async (store) => {
        if (!Array.isArray(highlights) || !Array.isArray(pages)) return invalid('Could not import: the highlights or pages are not lists. Nothing was imported.');
        const restore = Array.isArray(options.restore) ? options.restore.filter((id): id is string => typeof id === 'string') : [];
        return store.bulkImport(highlights, pages, { restore });
      }),
    deleteAll: () => withStore((store) => store.deleteAll()),
  };
}
