import { wrap, type IDBPDatabase } from 'idb';
import { DB_VERSION, upgradeDatabase, type UpgradeTransaction } from './migrations';
import type { LensSchema } from './schema';

/** An upgrade that failed: the upgrade transaction was aborted, the old database is intact. */
export class UpgradeFailure extends Error {
  constructor(
    readonly fromVersion: number,
    readonly reason: unknown,
  ) {
    super(`upgrade from version ${fromVersion} failed`);
    this.name = 'UpgradeFailure';
  }
}

/**
 * How long opening the database may take before we give up and say why: long enough for
 * an upgrade of thousands of highlights on a slow disk, short enough that an answer (with a
 * sentence) reaches the page before its own request gives up.
 */
export const OPEN_TIMEOUT_MS = 8_000;

/** The database did not open in time. `blocked`: an older connection elsewhere would not close. */
export class OpenTimeout extends Error {
  constructor(
    readonly ms: number,
    readonly blocked: boolean,
  ) {
    super(blocked ? `opening was blocked for ${ms} ms` : `opening took more than ${ms} ms`);
    this.name = 'OpenTimeout';
  }
}

export interface OpenOptions {
  /** Give up after this long (OPEN_TIMEOUT_MS). */
  timeoutMs?: number;
}

/**
 * Opens (creating or upgrading) the database through the given factory. idb's own
 * openDB would use the global indexedDB, so the request is made here and wrapped.
 * Never waits forever: an upgrade blocked by a connection that does not close (another
 * extension page of an older version), or a browser that never answers, ends in an
 * OpenTimeout; a connection that opens after we gave up is closed at once, so that it
 * blocks no one in turn.
 */
export function openDatabase(factory: IDBFactory, name: string, { timeoutMs = OPEN_TIMEOUT_MS }: OpenOptions = {}): Promise<IDBPDatabase<LensSchema>> {
  return new Promise((resolve, reject) => {
    let upgradeError: UpgradeFailure | undefined;
    let blocked = false;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      reject(new OpenTimeout(timeoutMs, blocked));
    }, timeoutMs);
    const request = factory.open(name, DB_VERSION);
    // Other connections were sent `versionchange`; ours close on it (below), but a page of
    // an older build may not. The timer above reports it if it lasts.
    request.onblocked = () => {
      blocked = true;
    };
    request.onupgradeneeded = (event) => {
      const db = wrap(request.result) as unknown as IDBPDatabase<LensSchema>;
      const tx = wrap(request.transaction as IDBTransaction) as unknown as UpgradeTransaction;
      // A failed upgrade is reported by the open request's error below; the transaction's
      // own `done` would otherwise reject unobserved.
      tx.done.catch(() => undefined);
      upgradeDatabase(db, event.oldVersion, tx).catch((e: unknown) => {
        upgradeError = new UpgradeFailure(event.oldVersion, e);
        // Aborting rolls the whole upgrade back; it throws only if the transaction already
        // ended, and then it was aborted by the same failure we are reporting.
        try {
          request.transaction?.abort();
        } catch {
          /* already aborted */
        }
      });
    };
    request.onsuccess = () => {
      const db = request.result;
      if (timedOut) {
        db.close();
        return;
      }
      clearTimeout(timer);
      // Close at once when another context asks to upgrade, from the first moment; the
      // Connection then opens again on the next request.
      db.onversionchange = () => db.close();
      resolve(wrap(db) as unknown as IDBPDatabase<LensSchema>);
    };
    // After a time-out the promise has settled already, and this reject changes nothing.
    request.onerror = () => {
      clearTimeout(timer);
      reject(upgradeError ?? request.error);
    };
  });
}


/**
 * One connection, opened when first needed and again after it was lost: when another
 * context (a newer version of the extension) upgrades the database we close ours so as
 * not to block it, and the browser may close it (storage cleared).
 */
export class Connection {
  private current: Promise<IDBPDatabase<LensSchema>> | undefined;

  constructor(
    private readonly factory: IDBFactory,
    private readonly name: string,
    private readonly options: OpenOptions = {},
  ) {}

  get(): Promise<IDBPDatabase<LensSchema>> {
    if (this.current) return this.current;
    const opening = openDatabase(this.factory, this.name, this.options).then((db) => {
      // The connection closes itself on `versionchange` (openDatabase); forget it here too.
      db.addEventListener('versionchange', () => this.forget(opening));
      db.addEventListener('close', () => this.forget(opening));
      return db;
    });
    // The caller of get() receives the failure; this only makes the next call try again.
    opening.catch(() => this.forget(opening));
    this.current = opening;
    return opening;
  }

  /** Drops a connection that turned out to be closed, so the next get() opens a new one. */
  reset(): void {
    this.current = undefined;
  }

  close(): void {
    const current = this.current;
    this.current = undefined;
    // A connection that failed to open has nothing to close; its error went to its caller.
    current?.then((db) => db.close()).catch(() => undefined);
  }

  private forget(p: Promise<IDBPDatabase<LensSchema>>): void {
    if (this.current === p) this.current = undefined;
  }
}
