/**
 * Opening the store lazily for the background's services: the background opens the
 * database on the first message rather than on every service-worker start, and a
 * database that cannot be opened is an answer to that message, not a crash of the worker.
 */
import { toOpenError } from './errors';
import type { LensStore, StoreResult } from './types';

/** The store itself, or a way to open it when the first message arrives. */
export type StoreSource = LensStore | (() => Promise<StoreResult<LensStore>>);

/** Runs `work` on the opened store, or answers with why it could not be opened. */
export type WithStore = <T>(work: (store: LensStore) => Promise<StoreResult<T>>) => Promise<StoreResult<T>>;

/**
 * One open shared by every caller while it is under way or once it succeeded. A failed
 * open (an error value, or a rejection, which becomes one) is never kept: the next
 * request tries again, since the user may have closed the tab that blocked it or freed
 * space. `open` must itself be bounded in time (openStore is: see OPEN_TIMEOUT_MS).
 */
export function shareOpen(open: () => Promise<StoreResult<LensStore>>): () => Promise<StoreResult<LensStore>> {
  let opening: Promise<StoreResult<LensStore>> | undefined;
  return () => {
    if (opening) return opening;
    // Callers share the attempt under way, so it is the only one: its failure clears the way.
    const attempt: Promise<StoreResult<LensStore>> = open().then(
      (result) => {
        if (!result.ok) opening = undefined;
        return result;
      },
      (e: unknown) => {
        opening = undefined;
        return { ok: false, error: toOpenError(e) };
      },
    );
    opening = attempt;
    return attempt;
  };
}

/** Opens `source` once, on first use (see shareOpen), and runs each piece of work on it. */
export function storeRunner(source: StoreSource): WithStore {
  const open = typeof source === 'function' ? shareOpen(source) : () => Promise.resolve<StoreResult<LensStore>>({ ok: true, value: source });
  return async (work) => {
    const opened = await open();
    return opened.ok ? work(opened.value) : opened;
  };
}
