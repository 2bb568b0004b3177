/**
 * Whether the browser may clear the extension's storage to free disk space, and asking it
 * not to. The extension asks for `unlimitedStorage`, which in Chromium exempts an
 * extension's storage (IndexedDB included) from both quota and eviction; Firefox never
 * evicts an extension's origin and grants `unlimitedStorage` extensions persistent storage.
 * `navigator.storage.persist()` is asked for on top, from an extension page (it exists only
 * in windows, not in the service worker), and its answer is what Options → data shows.
 * The StorageManager is handed in, so this runs in tests without a browser.
 */

/** The parts of `navigator.storage` used here (each may be missing in an older browser). */
export interface StorageManagerLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

export interface StorageState {
  /** true: kept until the user removes it; false: the browser may clear it under disk pressure; undefined: unknown. */
  persisted: boolean | undefined;
  /** Bytes used by the extension's storage, when the browser says. */
  usage?: number;
}

/**
 * Asks for persistent storage once if it is not yet granted, and reports the state either
 * way. `unlimitedStorage`: whether the extension holds that permission, which keeps its
 * storage from eviction in Chromium even where `persisted()` still answers false (headless
 * Chromium grants `persist()` to no one).
 */
export async function ensurePersisted(storage: StorageManagerLike | undefined, unlimitedStorage = false): Promise<StorageState> {
  let persisted: boolean | undefined;
  try {
    persisted = storage?.persisted ? await storage.persisted() : undefined;
    if (persisted === false && storage?.persist) persisted = await storage.persist();
  } catch {
    // A browser that cannot say (storage turned off): the state is unknown, not an error to show.
    persisted = undefined;
  }
  if (unlimitedStorage) persisted = true;
  let usage: number | undefined;
  try {
    usage = storage?.estimate ? (await storage.estimate()).usage : undefined;
  } catch {
    usage = undefined;
  }
  return { persisted, ...(usage !== undefined ? { usage } : {}) };
}
