// @ts-nocheck
import { IDBDatabase, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensurePersisted, openStore, OPEN_TIMEOUT_MS, storeRunner, type LensStore } from '../../lib/store';
import { freshStore, IDBFactory, makeHighlight, value } from './store-fixtures';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** An IDBFactory whose open request answers only when the test says so (a browser that hangs). */
function silentFactory() {
  const request: Record<string, unknown> = {};
  return { factory: { open: () => request } as unknown as IDBFactory, request };
}

describe('an open the browser never answers', () => {
  it(`gives up after ${OPEN_TIMEOUT_MS / 1000} seconds, says so, and not a moment before`, async () => {
    vi.useFakeTimers();
    const { factory } = silentFactory();
    let settled = false;
    const opening = openStore(factory).then((r) => ((settled = true), r));
    await vi.advanceTimersByTimeAsync(OPEN_TIMEOUT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await opening).toEqual({
      ok: false,
      error: {
        kind: 'open',
        message: `Could not open the highlights database: the browser did not open it within ${OPEN_TIMEOUT_MS / 1000} seconds. Nothing was changed; try again in a moment, and restart the browser if this keeps happening.`,
      },
    });
  });

  it('closes a connection that arrives after it gave up, so that it blocks no one', async () => {
    vi.useFakeTimers();
    const { factory, request } = silentFactory();
    const opening = openStore(factory, undefined, { openTimeoutMs: 2_000 });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await opening).toMatchObject({ ok: false, error: { message: expect.stringMatching(/within 2 seconds/) } });
    const late = { close: vi.fn() };
    request.result = late;
    (request.onsuccess as () => void)();
    expect(late.close).toHaveBeenCalledTimes(1);
  });

  it('names what went wrong when the browser refuses to open it', async () => {
    const { factory, request } = silentFactory();
    const opening = openStore(factory);
    request.error = new DOMException('The disk is gone.', 'UnknownError');
    (request.onerror as () => void)();
    expect(await opening).toEqual({
      ok: false,
      error: {
        kind: 'open',
        message: 'Could not open the highlights database (UnknownError: The disk is gone.). In a private window the browser may not allow storage at all.',
      },
    });
  });

  it('leaves no timer running once the browser answered, yes or no', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    value(await openStore(new IDBFactory()));
    expect(vi.getTimerCount()).toBe(0);
    const { factory, request } = silentFactory();
    const opening = openStore(factory);
    expect(vi.getTimerCount()).toBe(1);
    request.error = new DOMException('No.', 'UnknownError');
    (request.onerror as () => void)();
    expect((await opening).ok).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('says so where there is no IndexedDB at all', async () => {
    const { IDBKeyRange } = globalThis;
    try {
      delete (globalThis as { IDBKeyRange?: unknown }).IDBKeyRange;
      expect(await openStore(silentFactory().factory)).toEqual({
        ok: false,
        error: { kind: 'open', message: 'Could not open the highlights database: this browser context has no IndexedDB.' },
      });
    } finally {
      globalThis.IDBKeyRange = IDBKeyRange;
    }
  });
});

describe('failures of the browser’s database, as sentences', () => {
  it('tries a connection found closed once more, then gives up with a sentence instead of looping', async () => {
    const { store } = await freshStore();
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(() => {
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    });
    const result = await store.saveHighlight(makeHighlight());
    expect(transaction).toHaveBeenCalledTimes(2);
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'write',
        message: "Could not save the highlight: the browser's database refused the change (InvalidStateError: The database connection is closing.). Nothing was changed; try again.",
      },
    });
  });

  it('tells a failed read from a failed write', async () => {
    const { store } = await freshStore();
    vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(() => {
      throw new DOMException('', 'UnknownError');
    });
    expect(await store.allHighlights()).toEqual({
      ok: false,
      error: { kind: 'read', message: "Could not load all highlights: the browser's database could not be read (UnknownError). Try again." },
    });
  });

  it('says that data the database cannot hold was not stored, and names the cause whatever was thrown', async () => {
    const { store } = await freshStore();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('The object could not be cloned.', 'DataCloneError');
    });
    expect(await store.putPage({ url: 'https://example.com/a', title: 'A' })).toEqual({
      ok: false,
      error: { kind: 'invalid', message: 'Could not save the page: the data cannot be stored (DataCloneError: The object could not be cloned.). Nothing was changed.' },
    });
    put.mockImplementationOnce(() => {
      throw { name: 'AbortError', message: 'stopped' };
    });
    expect(await store.putPage({ url: 'https://example.com/b', title: 'B' })).toMatchObject({ ok: false, error: { kind: 'write', message: expect.stringContaining('(AbortError: stopped)') } });
    put.mockImplementationOnce(() => {
      throw 'out of order';
    });
    expect(await store.putPage({ url: 'https://example.com/c', title: 'C' })).toMatchObject({ ok: false, error: { kind: 'write', message: expect.stringContaining('(out of order)') } });
  });
});

describe('running work on the store', () => {
  it('runs work on a store it was given, and answers for a store that could not be opened without running it', async () => {
    const { store } = await freshStore();
    const h = makeHighlight();
    value(await store.saveHighlight(h));
    expect(value(await storeRunner(store)((s: LensStore) => s.getHighlight(h.id)))).toEqual(h);

    let ran = false;
    const failed = { ok: false as const, error: { kind: 'open' as const, message: 'no database here' } };
    const runner = storeRunner(async () => failed);
    expect(await runner(async (s) => ((ran = true), s.allHighlights()))).toEqual(failed);
    expect(ran).toBe(false);
  });
});

describe('asking the browser to keep the data, where it cannot tell', () => {
  it('leaves the usage out when the estimate fails, and does not ask without knowing the state', async () => {
    let asked = 0;
    expect(await ensurePersisted({ persisted: async () => true, estimate: () => Promise.reject(new Error('no estimate')) })).toEqual({ persisted: true });
    expect(await ensurePersisted({ persist: async () => (asked++, true) })).toEqual({ persisted: undefined });
    expect(asked).toBe(0);
  });
});
