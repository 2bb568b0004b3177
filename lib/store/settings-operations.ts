import { fail } from './errors';
import { DEFAULT_SETTINGS, SETTING_KEYS, type Settings } from './settings';
import type { LensTransaction, Mode, RunTransaction } from './transaction';
import type { LensStore } from './types';

async function readSettings<M extends Mode>(tx: LensTransaction<M>): Promise<Settings> {
  const store = tx.objectStore('settings');
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  for (const key of SETTING_KEYS) {
    const value = await store.get(key);
    if (value !== undefined) Object.assign(settings, { [key]: value });
  }
  return settings;
}

export function settingsOperations(run: RunTransaction): Pick<LensStore, 'getSettings' | 'putSettings'> {
  return {
    getSettings: () => run(['settings'], 'readonly', 'load the settings', readSettings),
    putSettings: async (patch) => {
      const unknown = Object.keys(patch).filter((k) => !(SETTING_KEYS as string[]).includes(k));
      if (unknown.length > 0) {
        return fail({ kind: 'invalid', message: `Could not save the settings: there is no setting called ${unknown.join(', ')}.` });
      }
      return run(['settings'], 'readwrite', 'save the settings', async (tx) => {
        const store = tx.objectStore('settings');
        for (const key of SETTING_KEYS) {
          if (patch[key] !== undefined) await store.put(patch[key], key);
        }
        return readSettings(tx);
      });
    },
  };
}
