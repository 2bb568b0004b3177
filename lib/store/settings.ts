import type { LensSettings, SitePolicy } from '../schema/types';

export type { SitePolicy };

/**
 * The user's preferences, one record per key in the database's `settings` store (kept
 * since version 2). The extension reads and writes its settings in `storage.local`
 * (lib/settings), where content scripts can read them; this store is kept so that an
 * older profile's records stay readable.
 */
export type Settings = LensSettings;

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  disabledEntities: [],
  userTerms: [],
  colors: {},
  sites: { mode: 'all' },
  privateWindows: 'never-store',
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>;
