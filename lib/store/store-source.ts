/**
 * Opening the store lazily for the background's services: the background opens the
 * database on the first message rather than on every service-worker start, and a
 * database that cannot be opened is an answer to that message, not a crash of the worker.
 */
import type { LensStore, StoreResult } from './types';

/** The store itself, or a way to open it when the first message arrives. */
export type StoreSource = LensStore | (() => Promise<StoreResult<LensStore>>);

/** Runs `work` on the opened store, or answers with why it could not be opened. */
export type WithStore = <T>(work: (store: LensStore) => Promise<StoreResult<T>>) => Promise<StoreResult<T>>;

/**
 * Opens `source` once, on first use, sharing the open between messages that arrive
 * while it is under way. A failed open is tried again with the next message (the user
 * may have freed space).
 */
export function storeRunner(source: StoreSource): WithStore {
  let opening: Promise<StoreResult<LensStore>> | undefined;
  const open = (): Promise<StoreResult<LensStore>> => {
    if (typeof source !== 'function') return Promise.resolve({ ok: true, value: source });
    opening ??= source().then((result) => {
      if (!result.ok) opening = undefined;
      return result;
    });
    return opening;
  };
  return async (work) => {
    const opened = await open();
    return opened.ok ? work(opened.value) : opened;
  };
}
