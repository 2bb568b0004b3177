/**
 * Sharing's own small database, `qinglang-sharing`, beside the user's store: the outbox,
 * which highlight became which annotation, and the team's annotations fetched per page.
 * Apart on purpose: the user's store is what they export and back up, and none of this
 * belongs in a backup (a teammate's words are not the user's data; an outbox is about one
 * server connection). Deleting it loses no highlight, only where sharing stood.
 *
 * The factory is handed in (the service worker's `indexedDB`, fake-indexeddb in tests), so
 * this stays free of browser globals.
 */
import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxEntry } from './outbox';
import type { ShareLink, SharingStateStore } from './service';
import type { TeamHighlight } from './types';

export const SHARING_DB_NAME = 'qinglang-sharing';
export const SHARING_DB_VERSION = 1;
/** Opening never waits forever (an upgrade blocked by an old connection that does not close). */
const OPEN_TIMEOUT_MS = 8_000;

/** What the team had on one page when it was last asked, and in which group. */
export interface TeamPage {
  /** The page's address as the content script and popup name it (normalised). */
  url: string;
  /** The address it was searched by on the server (the page's canonical one, when it has one). */
  uri: string;
  group: string;
  /** ms since epoch */
  fetchedAt: number;
  highlights: TeamHighlight[];
}

interface SharingSchema extends DBSchema {
  outbox: { key: string; value: OutboxEntry };
  links: { key: string; value: ShareLink };
  team: { key: string; value: TeamPage };
}

export type SharingDb = IDBPDatabase<SharingSchema>;

export function openSharingDb(factory: IDBFactory, name = SHARING_DB_NAME): Promise<SharingDb> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, SHARING_DB_VERSION);
    const timer = setTimeout(() => reject(new Error(`The sharing database did not open within ${OPEN_TIMEOUT_MS / 1000} s.`)), OPEN_TIMEOUT_MS);
    request.onupgradeneeded = (event) => {
      const db = request.result;
      // One step per version, each from the one before (only version 1 so far).
      if (event.oldVersion < 1) {
        db.createObjectStore('outbox', { keyPath: 'highlightId' });
        db.createObjectStore('links', { keyPath: 'highlightId' });
        db.createObjectStore('team', { keyPath: 'url' });
      }
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(request.error ?? new Error('The sharing database could not be opened.'));
    };
    request.onsuccess = () => {
      clearTimeout(timer);
      const db = wrap(request.result) as unknown as SharingDb;
      // Another version elsewhere wants to upgrade: let it, the next use opens again.
      request.result.onversionchange = () => request.result.close();
      resolve(db);
    };
  });
}

/** The team cache, per page. */
export interface TeamCache {
  page(url: string): Promise<TeamPage | undefined>;
  putPage(page: TeamPage): Promise<void>;
  /** Every cached page (the library's read-only group copies). */
  pages(): Promise<TeamPage[]>;
  clear(): Promise<void>;
}

/**
 * The outbox, links and team cache on one lazily opened connection. A failed open is not
 * kept: the next call tries again. Each call is its own transaction, committed before it
 * resolves, so what the service wrote survives the worker being stopped right after.
 */
export function idbSharingState(open: () => Promise<SharingDb>): SharingStateStore & TeamCache {
  let opening: Promise<SharingDb> | undefined;
  const db = (): Promise<SharingDb> => {
    opening ??= open().then(
      (d) => {
        d.addEventListener('close', () => (opening = undefined));
        return d;
      },
      (e: unknown) => {
        opening = undefined;
        throw e;
      },
    );
    return opening;
  };
  return {
    entry: async (id) => (await db()).get('outbox', id),
    entries: async () => (await db()).getAll('outbox'),
    putEntry: async (e) => void (await (await db()).put('outbox', e)),
    deleteEntry: async (id) => (await db()).delete('outbox', id),
    link: async (id) => (await db()).get('links', id),
    links: async () => (await db()).getAll('links'),
    putLink: async (l) => void (await (await db()).put('links', l)),
    deleteLink: async (id) => (await db()).delete('links', id),
    page: async (url) => (await db()).get('team', url),
    putPage: async (p) => void (await (await db()).put('team', p)),
    pages: async () => (await db()).getAll('team'),
    clear: async () => (await db()).clear('team'),
  };
}

/** A TeamCache in memory, for tests. */
export function memoryTeamCache(): TeamCache {
  const pages = new Map<string, TeamPage>();
  return {
    page: async (url) => pages.get(url),
    putPage: async (p) => void pages.set(p.url, structuredClone(p)),
    pages: async () => [...pages.values()],
    clear: async () => pages.clear(),
  };
}
