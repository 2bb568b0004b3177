import { capSnapshotText } from '../schema/text';
import { fail } from './errors';
import { pageProblem } from './validate';
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
  // Both are records of the one URL (the pages' key), so `url` stays as it is.
  const merged: StoredPage = { ...existing, ...set };
  if (existing.text !== undefined) {
    merged.text = existing.text;
    merged.captured = existing.captured;
  }
  return merged;
}

/**
 * The page with its text cut to the cap (capSnapshotText). The text is a copy kept for
 * reference, not the user's work.
 */
export function capSnapshot(page: StoredPage): StoredPage {
  return page.text === undefined ? page : { ...page, text: capSnapshotText(page.text) };
}

export function pageOperations(run: RunTransaction): Pick<LensStore, 'putPage' | 'getPage' | 'allPages'> {
  return {
    putPage: async (given) => {
      const page = capSnapshot(given);
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
