import type { MatcherOptions } from '../detect';
import type { LensSettings } from './types';

/** What the detection matcher needs of the settings: the names turned off and the user's terms. */
export function matcherOptionsOf(settings: Pick<LensSettings, 'disabledEntities' | 'userTerms'>): MatcherOptions {
  return { disabled: settings.disabledEntities, userTerms: settings.userTerms };
}

/** Whether highlights may be stored from a tab: always in a normal window, in a private one only when allowed. */
export function mayStore(settings: Pick<LensSettings, 'privateWindows'>, incognito: boolean): boolean {
  return !incognito || settings.privateWindows === 'allow';
}
