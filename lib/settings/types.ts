import type { UserTerms } from '../detect/user-terms';
import type { EntityId } from '../types';

/** Where automatic spotting runs: on every site, or only on the listed hosts (and their subdomains). */
export type SitePolicy = { mode: 'all' } | { mode: 'list'; hosts: string[] };

/**
 * Private (incognito) windows: by default nothing the user does there is stored, so a
 * private window leaves no trace in the library; 'allow' stores highlights as anywhere else.
 */
export type PrivateWindowPolicy = 'never-store' | 'allow';

/** One of the user's own watch-list entries; the shape lib/detect's matcher takes, with a label and colour always set. */
export interface UserTerm extends UserTerms {
  /** `user-…`, never a built-in id, never reused for another entry. */
  id: string;
  label: string;
  /** Every variant to find (spellings, scripts, abbreviations). */
  terms: string[];
  /** #rrggbb */
  color: string;
}

/**
 * The user's preferences. Each field is stored under a key of its own in
 * `browser.storage.local` (see storage.ts), so two pages changing different
 * settings at the same moment cannot undo each other's change.
 */
export interface LensSettings {
  /** Built-in entities (and user terms) the user turned off. */
  disabledEntities: EntityId[];
  userTerms: UserTerm[];
  /** Colours the user chose for built-in entities (#rrggbb), by id; absent: the lexicon's. */
  colors: Record<string, string>;
  sites: SitePolicy;
  privateWindows: PrivateWindowPolicy;
}

export type SettingName = keyof LensSettings;

/** A settings operation's outcome: errors are sentences for the user, never thrown. */
export type SettingsResult<T> = { ok: true; value: T } | { ok: false; message: string };
