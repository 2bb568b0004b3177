import { fail } from './errors';
import { sameValue } from './same-value';
import type { RunTransaction } from './transaction';
import type { LensStore, StoredPage } from './types';

/**
 * A page's record after learning more about it: metadata fills in and is corrected,
 * but the first text snapshot stays, since it is the page as the user read it.
 */
export function mergePage(existing: StoredPage | undefined, incoming: StoredPage): StoredPage {
  if (!existing) return incoming;
  const set = Object.fromEntries(Object.entries(incoming).filter(([, v]) => v !== undefined)) as Partial<StoredPage>;
  const merged: StoredPage = { ...existing, ...set, url: existing.url };
  if (existing.text !== undefined) {
    merged.text = existing.text;
    merged.captured = existing.captured;
  }
  return merged;
}

export function pageProblem(page: StoredPage): string | null {
  if (typeof page !== 'object' || page === null) return 'it is not a page';
  if (typeof page.url !== 'string' || page.url === '') return 'it has no URL';
  if (typeof page.title !== 'string') return `page ${page.url} has no title`;
  if (page.text !== undefined && typeof page.text !== 'string') return `page ${page.url} has a text snapshot that is not text`;
  return null;
}

export function pageOperations(run: RunTransaction): Pick<LensStore, 'putPage' | 'getPage' | 'allPages'> {
  return {
    putPage: async (page) => {
      const problem = pageProblem(page);
      if (problem) return fail({ kind: 'invalid', message: `Could not save the page: ${problem}.` });
      return run(['pages'], 'readwrite', 'save the page', async (tx) => {
        const store = tx.objectStore('pages');
        const existing = await store.get(page.url);
        const merged = mergePage(existing, page);
        if (!sameValue(merged, existing)) await store.put(merged);
        return merged;
      });
    },
    getPage: (url) => run(['pages'], 'readonly', 'load the page', async (tx) => tx.objectStore('pages').get(url)),
    allPages: () => run(['pages'], 'readonly', 'load all pages', async (tx) => tx.objectStore('pages').getAll()),
  };
}
