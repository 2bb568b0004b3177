import type { Browser } from 'wxt/browser';
import { loadSettings, mayStore, type SettingsArea } from '@/lib/settings';

export const PRIVATE_WINDOW_REFUSAL =
  'Not saved: this is a private window, and Qinglang Lens is set to store nothing from private windows. To keep highlights here, choose “Allow” under Private windows in the Qinglang Lens options.';

/**
 * Why a save from `sender` must be refused under the user's private-window policy, or
 * null when it may be stored. Settings that cannot be read count as the defaults, which
 * store nothing from private windows: when in doubt, keep nothing.
 */
export function privateWindowGate(area: SettingsArea): (sender: Browser.runtime.MessageSender) => Promise<string | null> {
  return async (sender) => {
    if (!sender.tab?.incognito) return null;
    const loaded = await loadSettings(area);
    if (!loaded.ok) return `${PRIVATE_WINDOW_REFUSAL} (${loaded.message})`;
    return mayStore(loaded.value.settings, true) ? null : PRIVATE_WINDOW_REFUSAL;
  };
}
