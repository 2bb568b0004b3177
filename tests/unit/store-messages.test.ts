// When the browser's database fails, the user is told what could not be done, in words:
// every operation names itself in "Could not …", a read is told from a write, and only a
// connection found closed is tried again.
import { IDBDatabase } from 'fake-indexeddb';
import { wrap, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, shareOpen, type LensStore } from '../../lib/store';
import { freshStore, IDBFactory, makeHighlight, value } from './store-fixtures';

afterEach(() => vi.restoreAllMocks());

/** Makes every new transaction fail as a browser does when its database process is gone. */
function breakTransactions() {
  return vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(() => {
    throw new DOMException('The backing store is gone.', 'UnknownError');
  });
}

describe('each operation that fails says what could not be done', () => {
  const h = makeHighlight({ factEntities: [['cac']] });
  const reads: Array<[string, (s: LensStore) => Promise<{ ok: boolean }>]> = [
    ['load the highlight', (s) => s.getHighlight(h.id)],
    ['load the highlights of this page', (s) => s.highlightsForUrl(h.url)],
    ['load the highlights about this entity', (s) => s.highlightsByEntity('cac', 5)],
    ['load the highlights with this tag', (s) => s.highlightsByTag('figures', 5)],
    ['load the latest highlights', (s) => s.recentHighlights(5)],
    ['list the highlights', (s) => s.listHighlights({ limit: 5 })],
    ['load the highlights', (s) => s.highlightBatch(5)],
    ['load all highlights', (s) => s.allHighlights()],
    ['look up the delete', (s) => s.deletedAt(h.id)],
    ['load related facts', (s) => s.relatedFacts(['cac'], 'https://elsewhere.example/', 5)],
    ['count highlights and facts', (s) => s.countsByEntity(['cac'])],
    ['load the facts of the highlight', (s) => s.factsForHighlight(h.id)],
    ['load all facts', (s) => s.allFacts()],
    ['load the page', (s) => s.getPage(h.url)],
    ['load all pages', (s) => s.allPages()],
    ['load the settings', (s) => s.getSettings()],
  ];
  const writes: Array<[string, (s: LensStore) => Promise<{ ok: boolean }>]> = [
    ['restore the highlight', (s) => s.restoreHighlight(h)],
    ['change the highlight', (s) => s.updateHighlight(h.id, { note: 'checked' })],
    ['delete the highlight', (s) => s.deleteHighlight(h.id)],
    ['correct the fact', (s) => s.updateFact(h.facts[0]!.id, { value: 7 })],
    ['save the page', (s) => s.putPage({ url: h.url, title: 'A page' })],
    ['save the settings', (s) => s.putSettings({ privateWindows: 'allow' })],
    ['import the highlights', (s) => s.bulkImport([h])],
    ['delete everything', (s) => s.deleteAll()],
  ];

  it.each(reads)('a read: “Could not %s”, and to try again', async (action, call) => {
    const { store } = await freshStore();
    breakTransactions();
    expect(await call(store)).toEqual({
      ok: false,
      error: {
        kind: 'read',
        message: `Could not ${action}: the browser's database could not be read (UnknownError: The backing store is gone.). Try again.`,
      },
    });
  });

  it.each(writes)('a write: “Could not %s”, and that nothing was changed', async (action, call) => {
    const { store } = await freshStore();
    breakTransactions();
    expect(await call(store)).toEqual({
      ok: false,
      error: {
        kind: 'write',
        message: `Could not ${action}: the browser's database refused the change (UnknownError: The backing store is gone.). Nothing was changed; try again.`,
      },
    });
  });

  it('tries only a connection found closed again: any other failure is answered at once', async () => {
    const { store } = await freshStore();
    const transaction = breakTransactions();
    expect((await store.saveHighlight(makeHighlight())).ok).toBe(false);
    expect(transaction).toHaveBeenCalledTimes(1);
  });
});

describe('why the database could not be opened, whatever the browser threw', () => {
  it('names a cause that is not an error object', async () => {
    for (const thrown of ['storage is disabled', undefined, 42]) {
      const open = shareOpen(() => Promise.reject(thrown));
      expect(await open()).toEqual({
        ok: false,
        error: {
          kind: 'open',
          message: `Could not open the highlights database (${String(thrown)}). In a private window the browser may not allow storage at all.`,
        },
      });
    }
  });

  it('names a cause that is not an error object thrown while working', async () => {
    const { store } = await freshStore();
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(() => {
      throw 'database process crashed';
    });
    expect(await store.getHighlight('any')).toEqual({
      ok: false,
      error: { kind: 'read', message: "Could not load the highlight: the browser's database could not be read (database process crashed). Try again." },
    });
  });
});

describe('what is refused before anything is written', () => {
  it('refuses a page record it could not export again, naming the field', async () => {
    const { store } = await freshStore();
    const result = await store.putPage(JSON.parse('{"url":"https://news.example.com/a","title":7}'));
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', message: expect.stringMatching(/^Could not save the page: “title” /) } });
    expect(value(await store.allPages())).toEqual([]);
  });

  it('says that something which is not a highlight at all is not one', async () => {
    const { store } = await freshStore();
    expect(await store.saveHighlight(null as never)).toEqual({
      ok: false,
      error: { kind: 'invalid', message: 'Could not save the highlight: the highlight should be an object, not null.' },
    });
  });

  it('names the page of an import that is not a page, counting from one, and imports nothing', async () => {
    const { store } = await freshStore();
    const h = makeHighlight();
    const result = await store.bulkImport([h], [{ url: 'https://news.example.com/ok', title: 'Fine' }, null as never]);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'invalid', message: 'Could not import: page 2: the page should be an object, not null. Nothing was imported.' },
    });
    expect(value(await store.allHighlights())).toEqual([]);
  });

  it('tells the day of a delete as a date alone', async () => {
    const { store } = await freshStore();
    const h = makeHighlight();
    value(await store.saveHighlight(h));
    value(await store.deleteHighlight(h.id, Date.UTC(2026, 10, 30, 15, 45)));
    const again = await store.saveHighlight(h);
    expect(again).toMatchObject({
      ok: false,
      error: { kind: 'deleted', message: expect.stringMatching(/^This highlight was deleted on 2026-11-30, after this copy/) },
    });
  });
});

describe('one connection', () => {
  it('opens the database once for many requests, and again after it was closed', async () => {
    const factory = new IDBFactory();
    const open = vi.spyOn(factory, 'open');
    const store = value(await openStore(factory));
    for (let i = 0; i < 3; i++) value(await store.saveHighlight(makeHighlight()));
    value(await store.allHighlights());
    expect(open).toHaveBeenCalledTimes(1);
    store.close();
    expect(value(await store.allHighlights())).toHaveLength(3);
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('replaces a connection the browser closed without a word, instead of failing on it', async () => {
    const { store } = await freshStore();
    const transaction = IDBDatabase.prototype.transaction;
    let used: IDBDatabase | undefined;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, ...args) {
      used ??= this;
      return transaction.apply(this, args as Parameters<typeof transaction>);
    });
    value(await store.allHighlights());
    used?.close();
    const h = makeHighlight();
    expect(value(await store.saveHighlight(h)).outcome).toBe('added');
    expect(value(await store.allHighlights())).toEqual([h]);
  });

  it('opens again once a newer version is gone: a failed reopening is not kept', async () => {
    const factory = new IDBFactory();
    const store = value(await openStore(factory));
    value(await store.saveHighlight(makeHighlight()));
    const newer = (await wrap(factory.open('qinglang-lens', 99))) as IDBPDatabase;
    newer.close();
    expect(await store.allHighlights()).toMatchObject({ ok: false, error: { kind: 'open' } });
    // The newer build was removed again and its database with it: a fresh start works.
    await wrap(factory.deleteDatabase('qinglang-lens'));
    const h = makeHighlight();
    expect(value(await store.saveHighlight(h)).outcome).toBe('added');
    expect(value(await store.allHighlights())).toEqual([h]);
  });
});
