import { bulkImportOperation } from './bulk-import';
import { Connection } from './connection';
import { fail, ok, toOpenError } from './errors';
import { factQueries } from './fact-queries';
import { highlightQueries } from './highlight-queries';
import { highlightWrites } from './highlight-writes';
import { pageOperations } from './pages';
import type { StoreName } from './schema';
import { settingsOperations } from './settings-operations';
import { transactionRunner } from './transaction';
import type { LensStore, StoreOptions, StoreResult } from './types';

export const DEFAULT_DB_NAME = 'qinglang-lens';

/**
 * Opens (creating or upgrading) the store in the database `name` of `factory`: the
 * extension's own `indexedDB` in the background, a fake-indexeddb factory in tests.
 * Opening is tried now so that a database that cannot be opened is reported at once.
 */
export async function openStore(
  factory: IDBFactory,
  name = DEFAULT_DB_NAME,
  options: StoreOptions = {},
): Promise<StoreResult<LensStore>> {
  const range = options.keyRange ?? (globalThis as { IDBKeyRange?: typeof IDBKeyRange }).IDBKeyRange;
  if (!range) {
    return fail({ kind: 'open', message: 'Could not open the highlights database: this browser context has no IndexedDB.' });
  }
  const connection = new Connection(factory, name, { timeoutMs: options.openTimeoutMs });
  try {
    await connection.get();
  } catch (e) {
    return fail(toOpenError(e));
  }
  const run = transactionRunner(connection);
  return ok({
    ...highlightWrites(run),
    ...highlightQueries(run, range),
    ...factQueries(run, range),
    ...pageOperations(run),
    ...settingsOperations(run),
    ...bulkImportOperation(run),
    deleteAll: ({ settings = false } = {}) => {
      // The tombstones go too: a clean slate, so that a backup imported afterwards comes back whole.
      const data: StoreName[] = ['highlights', 'facts', 'pages', 'counts', 'tombstones'];
      const stores: StoreName[] = settings ? [...data, 'settings'] : data;
      return run(stores, 'readwrite', 'delete everything', async (tx) => {
        for (const store of stores) await tx.objectStore(store).clear();
      });
    },
    close: () => connection.close(),
  });
}
