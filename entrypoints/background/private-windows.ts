import { loadSettings, mayStore, type SettingsArea } from '@/lib/settings';

export const PRIVATE_WINDOW_REFUSAL =
  'Not saved: this is a private window, and Qinglang Lens is set to store nothing from private windows. To keep highlights here, choose “Allow” under Private windows in the Qinglang Lens options.';

/**
 * Why a write from a private window must be refused under the user's policy, or null
 * when it may be stored; the router asks it for every write from a private window.
 * Settings that cannot be read count as the defaults, which store nothing from private
 * windows: when in doubt, keep nothing.
 */
export function privateWriteRefusal(area: SettingsArea): () => Promise<string | null> {
  return async () => {
    const loaded = await loadSettings(area);
    if (!loaded.ok) return `${PRIVATE_WINDOW_REFUSAL} (${loaded.message})`;
    return mayStore(loaded.value.settings, true) ? null : PRIVATE_WINDOW_REFUSAL;
  };
}
