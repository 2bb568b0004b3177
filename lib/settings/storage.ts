/**
 * The settings in an extension storage area (`browser.storage.local`), handed in so this
 * stays browser-free. That area, not the IndexedDB store, is where settings live: the
 * content script must read them (watch-list, sites, colours) and cannot open the
 * extension's IndexedDB, while storage.local is readable from every extension context
 * and announces changes through `storage.onChanged`.
 */
import { SETTING_NAMES } from './defaults';
import { readStoredSettings, type ReadSettings } from './sanitize';
import type { LensSettings, SettingName, SettingsResult } from './types';

/** The part of a StorageArea the settings use. */
export interface SettingsArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export type StorageChanges = Record<string, { newValue?: unknown; oldValue?: unknown }>;
export type StorageChangeListener = (changes: StorageChanges, areaName: string) => void;

/** `browser.storage.onChanged`, or anything shaped like it. */
export interface StorageChangeEvent {
  addListener(listener: StorageChangeListener): void;
  removeListener(listener: StorageChangeListener): void;
}

/** One key per setting, so writing one setting never overwrites another written at the same time. */
export const SETTINGS_KEY_PREFIX = 'settings.';
export const storageKeyOf = (name: SettingName) => `${SETTINGS_KEY_PREFIX}${name}`;
const KEYS = SETTING_NAMES.map(storageKeyOf);

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The settings as stored (defaults for what was never set), and what was unreadable. */
export async function loadSettings(area: SettingsArea): Promise<SettingsResult<ReadSettings>> {
  let raw: Record<string, unknown>;
  try {
    raw = await area.get(KEYS);
  } catch (e) {
    return { ok: false, message: `Could not read the settings (${describe(e)}). The defaults are used until they can be read.` };
  }
  const stored: Partial<Record<SettingName, unknown>> = {};
  for (const name of SETTING_NAMES) {
    const key = storageKeyOf(name);
    if (Object.hasOwn(raw, key)) stored[name] = raw[key];
  }
  return { ok: true, value: readStoredSettings(stored) };
}

/**
 * Stores the settings in `patch` (the others are left as they are) and answers with
 * all the settings as they now are. A value that would not read back as written is
 * refused whole, so nothing half-valid is ever stored.
 */
export async function saveSettings(area: SettingsArea, patch: Partial<LensSettings>): Promise<SettingsResult<LensSettings>> {
  const names = SETTING_NAMES.filter((n) => patch[n] !== undefined);
  const unknown = Object.keys(patch).filter((k) => !(SETTING_NAMES as readonly string[]).includes(k));
  if (unknown.length > 0) return { ok: false, message: `Could not save the settings: there is no setting called ${unknown.join(', ')}.` };
  const checked = readStoredSettings(patch);
  if (checked.dropped.length > 0) {
    return { ok: false, message: `Could not save the settings: ${checked.dropped.join('; ')} could not be stored as given. Nothing was changed.` };
  }
  const items: Record<string, unknown> = {};
  for (const name of names) items[storageKeyOf(name)] = checked.settings[name];
  try {
    if (names.length > 0) await area.set(items);
  } catch (e) {
    return { ok: false, message: `Could not save the settings (${describe(e)}). Nothing was changed; try again.` };
  }
  const now = await loadSettings(area);
  return now.ok ? { ok: true, value: now.value.settings } : now;
}

/** Whether a storage change touches the settings. */
export function touchesSettings(changes: StorageChanges): boolean {
  return Object.keys(changes).some((k) => k.startsWith(SETTINGS_KEY_PREFIX));
}

/**
 * Calls `onChange` with the settings as they are after each change to them (from any
 * page or tab) in the `local` area. Returns the function that stops listening.
 */
export function watchSettings(
  event: StorageChangeEvent,
  area: SettingsArea,
  onChange: (result: SettingsResult<ReadSettings>) => void,
  areaName = 'local',
): () => void {
  const listener: StorageChangeListener = (changes, name) => {
    if (name !== areaName || !touchesSettings(changes)) return;
    // Read all of them again: several keys may change at once, and the page needs them together.
    void loadSettings(area).then(onChange);
  };
  event.addListener(listener);
  return () => event.removeListener(listener);
}
