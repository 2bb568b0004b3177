import { describe, expect, it } from 'vitest';
import { ensurePersisted } from '../../lib/store';

describe('asking the browser to keep the data', () => {
  it('asks once when the storage is not yet persistent, and reports the answer and the usage', async () => {
    let asked = 0;
    const state = await ensurePersisted({
      persisted: async () => false,
      persist: async () => (asked++, true),
      estimate: async () => ({ usage: 3 * 1024 * 1024, quota: 1e12 }),
    });
    expect(asked).toBe(1);
    expect(state).toEqual({ persisted: true, usage: 3 * 1024 * 1024 });
  });

  it('does not ask again when it already is, and says so when the browser refuses', async () => {
    let asked = 0;
    expect(await ensurePersisted({ persisted: async () => true, persist: async () => (asked++, true) })).toEqual({ persisted: true });
    expect(asked).toBe(0);
    expect(await ensurePersisted({ persisted: async () => false, persist: async () => false })).toEqual({ persisted: false });
  });

  it('counts the unlimitedStorage permission as kept, where persisted() still says no', async () => {
    expect(await ensurePersisted({ persisted: async () => false, persist: async () => false }, true)).toEqual({ persisted: true });
  });

  it('reports an unknown state, not an error, where the browser cannot say', async () => {
    expect(await ensurePersisted(undefined)).toEqual({ persisted: undefined });
    expect(await ensurePersisted({ persisted: () => Promise.reject(new TypeError('storage is off')) })).toEqual({ persisted: undefined });
  });
});
