import { IDBDatabase, IDBObjectStore } from 'fake-indexeddb';
import { wrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../lib/store';
import { freshStore, IDBFactory, makeHighlight, value } from './store-fixtures';

afterEach(() => vi.restoreAllMocks());

/** Makes every put into `storeName` behave as `behaviour` says, the others as usual. */
function onPut(storeName: string, behaviour: (store: IDBObjectStore, put: () => IDBRequest) => IDBRequest) {
  const put = IDBObjectStore.prototype.put;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    const original = () => put.apply(this, args);
    return this.name === storeName ? behaviour(this, original) : original();
  });
}

describe('two tabs saving at once', () => {
  it('keeps every highlight once, including one both tabs saved', async () => {
    const factory = new IDBFactory();
    const { store: tabA } = await freshStore(factory);
    const { store: tabB } = await freshStore(factory);
    const shared = makeHighlight({ factEntities: [['cac'], ['weibo']] });
    const fromA = Array.from({ length: 20 }, () => makeHighlight({ factEntities: [['wechat']] }));
    const fromB = Array.from({ length: 20 }, () => makeHighlight({ factEntities: [['douyin']] }));

    const results = await Promise.all([
      ...fromA.map((h) => tabA.saveHighlight(h)),
      ...fromB.map((h) => tabB.saveHighlight(h)),
      tabA.saveHighlight(shared),
      tabB.saveHighlight(structuredClone(shared)),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);

    const ids = value(await tabA.allHighlights()).map((h) => h.id);
    expect(ids).toHaveLength(41);
    expect(new Set(ids)).toEqual(new Set([...fromA, ...fromB, shared].map((h) => h.id)));
    expect(value(await tabB.allFacts())).toHaveLength(42);
    expect(value(await tabB.countsByEntity(['cac']))).toEqual({ cac: { highlights: 1, facts: 1 } });
  });
});

describe('a service worker stopped in the middle of a save', () => {
  it('writes nothing when the transaction dies part-way, and the retry saves it exactly once', async () => {
    const factory = new IDBFactory();
    const { store: worker } = await freshStore(factory);
    const h = makeHighlight({ factEntities: [['kuaishou'], ['qinglang']] });

    // The highlight is put, then the worker goes away before its facts are written.
    onPut('facts', (store) => {
      store.transaction.abort();
      throw new DOMException('The transaction was aborted.', 'AbortError');
    });
    const lost = await worker.saveHighlight(h);
    expect(lost).toMatchObject({ ok: false, error: { kind: 'write' } });
    vi.restoreAllMocks();
    worker.close();

    const { store: restarted } = await freshStore(factory);
    expect(value(await restarted.getHighlight(h.id))).toBeUndefined();
    expect(value(await restarted.saveHighlight(h)).outcome).toBe('added');
    expect(value(await restarted.allHighlights())).toEqual([h]);
    expect(value(await restarted.allFacts())).toHaveLength(2);
  });

  it('keeps one record when the save landed but its answer was lost', async () => {
    const factory = new IDBFactory();
    const { store: worker } = await freshStore(factory);
    const h = makeHighlight({ factEntities: [['weibo']] });
    value(await worker.saveHighlight(h));
    worker.close();

    const { store: restarted } = await freshStore(factory);
    expect(value(await restarted.saveHighlight(h)).outcome).toBe('unchanged');
    expect(value(await restarted.allHighlights())).toHaveLength(1);
    expect(value(await restarted.allFacts())).toHaveLength(1);
  });

  it('opens the connection again when it turns out to be closed', async () => {
    const { store } = await freshStore();
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementationOnce(() => {
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    });
    const h = makeHighlight();
    expect(value(await store.saveHighlight(h)).outcome).toBe('added');
    expect(value(await store.getHighlight(h.id))).toEqual(h);
  });

  it('does not block another context deleting or upgrading the database, and works on afterwards', async () => {
    const factory = new IDBFactory();
    const { store } = await freshStore(factory);
    value(await store.saveHighlight(makeHighlight()));
    // A blocked delete would never finish and the test would time out.
    await wrap(factory.deleteDatabase('qinglang-lens'));
    const h = makeHighlight();
    value(await store.saveHighlight(h));
    expect(value(await store.allHighlights())).toEqual([h]);
  });
});

describe('a full disk', () => {
  it('reports the quota as such, with what to do, and leaves no half-saved highlight', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ factEntities: [['cac']] });
    onPut('facts', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    const result = await store.saveHighlight(h);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('quota');
      expect(result.error.message).toMatch(/no storage space/);
      expect(result.error.message).toMatch(/Export a backup/);
    }
    vi.restoreAllMocks();
    expect(value(await store.getHighlight(h.id))).toBeUndefined();
    expect(value(await store.allPages())).toEqual([]);
  });

  it('reports a quota error on a page snapshot the same way', async () => {
    const { store } = await freshStore();
    onPut('pages', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const result = await store.putPage({ url: 'https://example.com/a', title: 'A', text: 'x'.repeat(1000) });
    expect(result).toMatchObject({ ok: false, error: { kind: 'quota' } });
  });
});

describe('opening', () => {
  it('names the problem when the database cannot be opened', async () => {
    const factory = new IDBFactory();
    vi.spyOn(factory, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const result = await openStore(factory);
    expect(result).toMatchObject({ ok: false, error: { kind: 'open', message: expect.stringMatching(/SecurityError/) } });
  });
});
