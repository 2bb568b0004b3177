import { wrap, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { openStore, shareOpen, type LensStore, type StoreResult } from '../../lib/store';
import { IDBFactory, makeHighlight, value } from './store-fixtures';

/** A connection of an older build (database version 1) that ignores `versionchange`: it never closes. */
async function stubbornOldConnection(factory: IDBFactory): Promise<IDBPDatabase> {
  const request = factory.open('qinglang-lens', 1);
  request.onupgradeneeded = () => request.result.createObjectStore('highlights', { keyPath: 'id' }).createIndex('by-url', 'url');
  const db = (await wrap(request)) as IDBPDatabase;
    return db;
}

describe('opening the database never waits forever', () => {
  it('gives up after the bound with a sentence naming what to close, while an old connection never closes', async () => {
    const factory = new IDBFactory();
    const old = await stubbornOldConnection(factory);
    const started = Date.now();
    const result = await openStore(factory, undefined, { openTimeoutMs: 300 });
    const waited = Date.now() - started;
    expect(result).toMatchObject({ ok: false, error: { kind: 'open', message: expect.stringMatching(/Close the other Qinglang Lens tabs/) } });
    expect(waited).toBeGreaterThanOrEqual(290);
    expect(waited).toBeLessThan(3_000);
    old.close();
  });

  it('opens on the next request once the old connection is gone: a failed open is not kept', async () => {
    const factory = new IDBFactory();
    const old = await stubbornOldConnection(factory);
    let attempts = 0;
    const open = shareOpen(() => {
      attempts++;
      return openStore(factory, undefined, { openTimeoutMs: 200 });
    });
    const [a, b] = await Promise.all([open(), open()]);
    expect(a.ok).toBe(false);
    expect(b).toBe(a);
    expect(attempts).toBe(1);

    old.close();
    const store = value(await open());
    expect(attempts).toBe(2);
    value(await store.saveHighlight(makeHighlight()));
    expect(value(await store.allHighlights())).toHaveLength(1);
    // Success is shared.
    expect(value(await open())).toBe(store);
    expect(attempts).toBe(2);
  });

  it('turns an opener that throws into an answer and tries again next time', async () => {
    let attempts = 0;
    const open = shareOpen((): Promise<StoreResult<LensStore>> => {
      attempts++;
      return Promise.reject(new DOMException('storage is off in this window', 'InvalidStateError'));
    });
    expect(await open()).toMatchObject({ ok: false, error: { kind: 'open', message: expect.stringContaining('storage is off') } });
    await open();
    expect(attempts).toBe(2);
  });

  it('closes its own connection when a newer version asks, so that upgrade is not blocked', async () => {
    const factory = new IDBFactory();
    const store = value(await openStore(factory));
    value(await store.saveHighlight(makeHighlight()));
    // A newer build opens at a higher version: it must not be blocked by us.
    const request = factory.open('qinglang-lens', 99);
    let blocked = false;
    request.onblocked = () => (blocked = true);
    const newer = (await wrap(request)) as IDBPDatabase;
    expect(blocked).toBe(false);
    expect(newer.version).toBe(99);
    newer.close();
    // Ours opens again on the next request, and is told the database is newer than it.
    expect(await store.allHighlights()).toMatchObject({ ok: false, error: { kind: 'open', message: expect.stringMatching(/newer version/) } });
  });

  it('lets a slow but working open finish within the bound', async () => {
    const factory = new IDBFactory();
    const result = await openStore(factory, undefined, { openTimeoutMs: 5_000 });
    expect(result.ok).toBe(true);
  });
});
