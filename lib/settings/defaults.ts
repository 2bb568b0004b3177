import type { LensSettings, SettingName } from './types';

const defaults: LensSettings = {
  disabledEntities: [],
  userTerms: [],
  colors: {},
  sites: { mode: 'all' },
  privateWindows: 'never-store',
};

export const DEFAULT_SETTINGS: Readonly<LensSettings> = Object.freeze(defaults);

export const SETTING_NAMES: readonly SettingName[] = ['disabledEntities', 'userTerms', 'colors', 'sites', 'privateWindows'];

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): LensSettings {
  return structuredClone(DEFAULT_SETTINGS) as LensSettings;
}
