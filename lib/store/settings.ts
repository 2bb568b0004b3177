import type { UserTerms } from '../detect/user-terms';
import type { EntityId } from '../types';

/** Where automatic spotting runs. */
export type SitePolicy = { mode: 'all' } | { mode: 'list'; hosts: string[] };

/**
 * The user's preferences. Each key is stored as its own record, so two pages changing
 * different settings at once cannot undo each other's change.
 */
export interface Settings {
  /** Built-in entities the user turned off. */
  disabledEntities: EntityId[];
  /** The user's own watch-list terms. */
  userTerms: UserTerms[];
  /** Colours chosen by the user (#rrggbb), by entity id. */
  colors: Record<string, string>;
  /** Where auto-spotting runs. */
  sites: SitePolicy;
  /** Private windows: nothing is stored there unless the user allowed it. */
  privateWindows: 'never-store' | 'allow';
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  disabledEntities: [],
  userTerms: [],
  colors: {},
  sites: { mode: 'all' },
  privateWindows: 'never-store',
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>;
