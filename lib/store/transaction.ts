import type { IDBPTransaction } from 'idb';
import type { Connection } from './connection';
import { fail, ok, toOpenError, toStoreError } from './errors';
import type { LensSchema, StoreName } from './schema';
import type { StoreResult } from './types';

export type Mode = 'readonly' | 'readwrite';
export type LensTransaction<M extends Mode> = IDBPTransaction<LensSchema, StoreName[], M>;

/** Runs `body` in one transaction and resolves once that transaction completed. */
export type RunTransaction = <M extends Mode, T>(
  stores: StoreName[],
  mode: M,
  /** Completes "Could not …" in an error message: "save the highlight". */
  action: string,
  body: (tx: LensTransaction<M>) => Promise<T>,
) => Promise<StoreResult<T>>;

const named = (e: unknown, name: string) => typeof e === 'object' && e !== null && 'name' in e && e.name === name;

/**
 * The one place where store operations meet IndexedDB's failure modes. Every result is
 * a value; a failed body aborts its transaction so that nothing of it is written; a
 * write is acknowledged only after its transaction completed (so a service worker
 * stopped before that point leaves either the whole save or nothing, and the client's
 * retry with the same id settles it).
 */
export function transactionRunner(connection: Connection): RunTransaction {
  return async (stores, mode, action, body) => {
    const writing = mode === 'readwrite';
    let tx;
    for (let attempt = 0; ; attempt++) {
      let db;
      try {
        db = await connection.get();
      } catch (e) {
        return fail(toOpenError(e));
      }
      try {
        tx = db.transaction(stores, mode);
        break;
      } catch (e) {
        // The connection closed under us (the browser closed it, or another context is
        // upgrading the database): open a new one, once.
        if (attempt === 0 && named(e, 'InvalidStateError')) {
          connection.reset();
          continue;
        }
        return fail(toStoreError(e, action, writing));
      }
    }

    const done = tx.done;
    // `done` is awaited below; this only keeps an abort while the body is still running
    // from being reported as an unhandled rejection in the meantime.
    done.catch(() => undefined);
    try {
      const value = await body(tx);
      await done;
      return ok(value);
    } catch (e) {
      // Roll back whatever the body wrote before it failed. abort() throws only when the
      // transaction already ended, which the failure being reported caused.
      try {
        tx.abort();
      } catch {
        /* already aborted or finished */
      }
      return fail(toStoreError(e, action, writing));
    }
  };
}
