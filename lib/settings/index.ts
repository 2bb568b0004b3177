/**
 * The user's settings (pure): their shape, defaults, checks of what the user enters,
 * lenient reading of what is stored, and the adapter for `browser.storage.local`.
 */
export type { LensSettings, PrivateWindowPolicy, SettingName, SettingsResult, SitePolicy, UserTerm } from './types';
export { DEFAULT_SETTINGS, SETTING_NAMES, defaultSettings } from './defaults';
export { problem, type SettingProblem, type SettingProblemCode } from './problems';
export { entityColor, isHexColor } from './colors';
export { hostListed, hostOfEntry, parseSiteList, spottingRunsOn, type ParsedSites } from './sites';
export {
  TERM_LIMITS,
  addTerm,
  draftOf,
  newTermId,
  nextTermColor,
  parseVariants,
  replaceTerm,
  termFromDraft,
  termProblems,
  type TermChange,
  type TermDraft,
} from './user-terms';
export { readStoredSettings, type ReadSettings } from './sanitize';
export {
  SETTINGS_KEY_PREFIX,
  loadSettings,
  saveSettings,
  storageKeyOf,
  touchesSettings,
  watchSettings,
  type SettingsArea,
  type StorageChangeEvent,
  type StorageChangeListener,
  type StorageChanges,
} from './storage';
export { matcherOptionsOf, mayStore } from './policy';
