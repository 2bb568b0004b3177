import { IDBObjectStore } from 'fake-indexeddb';
import { wrap, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_VERSION, openStore } from '../../lib/store';
import { problemOf, HighlightSchema } from '../../lib/schema';
import { IDBFactory, pageUrl, value } from './store-fixtures';
import { V1_ENTITIES as ENTITIES, version1Records as version1Data, type V1Fact } from './store-v1-fixture';

/** A database exactly as version 1 of the extension created it, filled through raw idb. */
async function createVersion1(factory: IDBFactory, records: readonly unknown[]): Promise<void> {
  const request = factory.open('qinglang-lens', 1);
  request.onupgradeneeded = () => request.result.createObjectStore('highlights', { keyPath: 'id' }).createIndex('by-url', 'url');
  const db = (await wrap(request)) as IDBPDatabase;
  const tx = db.transaction('highlights', 'readwrite');
  for (const record of records) await tx.store.put(record);
  await tx.done;
  db.close();
}

async function rawOpen(factory: IDBFactory): Promise<IDBPDatabase> {
  return (await wrap(factory.open('qinglang-lens'))) as IDBPDatabase;
}

afterEach(() => vi.restoreAllMocks());

describe('upgrading a version-1 database', () => {
  it('is a chain of one step per version, now at version 3', () => {
    expect(DB_VERSION).toBe(3);
  });

  it('starts from records that today\'s schema accepts as they are (a frozen version-1 fixture)', () => {
    for (const record of version1Data().slice(0, 40)) expect(problemOf(HighlightSchema, record)).toBeNull();
  });

  it('keeps every highlight and copies their facts and pages out, with working indexes', { timeout: 30_000 }, async () => {
    const factory = new IDBFactory();
    const data = version1Data();
    await createVersion1(factory, data);

    const store = value(await openStore(factory));
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(value(await store.allHighlights()).sort(byId)).toEqual([...data].sort(byId));

    const facts = data.flatMap((h) => h.facts);
    expect(facts.length).toBeGreaterThan(400);
    expect(value(await store.allFacts()).sort(byId)).toEqual([...facts].sort(byId));
    expect(value(await store.allPages())).toHaveLength(40);
    expect(value(await store.getPage(pageUrl(3)))).toEqual(data[3]!.page);

    expect(value(await store.highlightsForUrl(pageUrl(7))).map((h) => h.id).sort()).toEqual(
      data.filter((h) => h.url === pageUrl(7)).map((h) => h.id).sort(),
    );
    expect(value(await store.highlightsByTag('to-cite', 1000))).toHaveLength(data.filter((h) => h.tags.length).length);
    const counts = value(await store.countsByEntity());
    for (const entity of ENTITIES) {
      expect(counts[entity]).toEqual({
        highlights: data.filter((h) => h.entities.includes(entity)).length,
        facts: facts.filter((f) => f.entities.includes(entity)).length,
      });
    }
    // Newest first; facts of one highlight share its time and follow their ids backwards.
    const newestAboutDouyin = facts
      .filter((f) => f.entities.includes('douyin'))
      .sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1))
      .slice(0, 5);
    expect(value(await store.relatedFacts(['douyin'], 'elsewhere', 5))).toEqual(newestAboutDouyin);
    store.close();

    const db = await rawOpen(factory);
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames].sort()).toEqual(['counts', 'facts', 'highlights', 'pages', 'settings', 'tombstones']);
    db.close();
  });

  it('opens an upgraded database again without copying anything twice', async () => {
    const factory = new IDBFactory();
    const data = version1Data().slice(0, 50);
    await createVersion1(factory, data);
    value(await openStore(factory)).close();
    const again = value(await openStore(factory));
    expect(value(await again.allFacts())).toHaveLength(data.flatMap((h) => h.facts).length);
  });

  it('repairs what version 1 left out instead of losing the highlight', async () => {
    const factory = new IDBFactory();
    const h = version1Data(2)[1]!;
    const { id: _dropped, ...factWithoutId } = h.facts[0]!;
    const { tags: _tags, ...withoutTags } = h;
    await createVersion1(factory, [{ ...withoutTags, facts: [factWithoutId] }]);

    const store = value(await openStore(factory));
    const upgraded = value(await store.getHighlight(h.id));
    expect(upgraded?.tags).toEqual([]);
    const fact = upgraded?.facts[0];
    expect(fact?.id).toBeTruthy();
    expect(value(await store.allFacts())).toEqual([fact]);
  });

  it('names each unnamed fact apart and fills in, from its highlight, what version 1 left out', async () => {
    const factory = new IDBFactory();
    const h = version1Data(4)[3]!;
    const [f0, f1, f2] = h.facts as [V1Fact, V1Fact, V1Fact];
    const { id: _id, entities: _entities, created: _created, ...bare } = f1;
    const { title: _title, url: _url, ...untitled } = h.page;
    const { entities: _hEntities, ...withoutEntities } = h;
    await createVersion1(factory, [{ ...withoutEntities, page: untitled, facts: [{ ...f0, id: '' }, bare, f2] }]);

    const store = value(await openStore(factory));
    const upgraded = value(await store.getHighlight(h.id))!;
    const ids = upgraded.facts.map((f) => f.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => id.startsWith(h.id))).toBe(true);
    expect(ids[2]).toBe(f2.id);
    expect(upgraded.facts[1]).toMatchObject({ entities: [], created: h.created, highlightId: h.id });
    expect(upgraded.entities).toEqual([]);
    expect(value(await store.allFacts())).toHaveLength(3);
    expect(value(await store.getPage(h.url))).toEqual({ ...untitled, title: '', url: h.url });
  });

  it('keeps the time a version-1 fact was found, when it has one of its own', async () => {
    const factory = new IDBFactory();
    const h = version1Data(3)[2]!;
    const later = h.created + 3_600_000;
    const [f0, ...rest] = h.facts as [V1Fact, ...V1Fact[]];
    await createVersion1(factory, [{ ...h, facts: [{ ...f0, created: later }, ...rest] }]);
    const store = value(await openStore(factory));
    expect(value(await store.getHighlight(h.id))?.facts[0]?.created).toBe(later);
    expect(value(await store.factsForHighlight(h.id)).find((f) => f.id === f0.id)?.created).toBe(later);
  });

  it('keeps a version-1 highlight that has no page record at all, with an untitled page', async () => {
    const factory = new IDBFactory();
    const h = version1Data(2)[1]!;
    const { page: _page, ...pageless } = h;
    await createVersion1(factory, [pageless]);
    const store = value(await openStore(factory));
    expect(value(await store.getHighlight(h.id))?.page).toEqual({ url: h.url, title: '' });
    expect(value(await store.getPage(h.url))).toEqual({ url: h.url, title: '' });
  });

  it('leaves version 1 untouched when the upgrade fails, and says so', async () => {
    const factory = new IDBFactory();
    const data = version1Data().slice(0, 30);
    await createVersion1(factory, data);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'facts') throw new DOMException('disk failure', 'UnknownError');
      return put.apply(this, args);
    });

    const failed = await openStore(factory);
    expect(failed).toMatchObject({ ok: false, error: { kind: 'open', message: expect.stringMatching(/upgrading it from version 1 failed \(UnknownError: disk failure\)/) } });

    const db = await rawOpen(factory);
    expect(db.version).toBe(1);
    expect(await db.count('highlights')).toBe(30);
    db.close();

    vi.restoreAllMocks();
    const store = value(await openStore(factory));
    expect(value(await store.allFacts())).toHaveLength(data.flatMap((h) => h.facts).length);
  });

  it('refuses a database from a newer version of the extension with a clear message', async () => {
    const factory = new IDBFactory();
    const request = factory.open('qinglang-lens', DB_VERSION + 1);
    request.onupgradeneeded = () => request.result.createObjectStore('future');
    ((await wrap(request)) as IDBPDatabase).close();
    expect(await openStore(factory)).toMatchObject({ ok: false, error: { kind: 'open', message: expect.stringMatching(/newer version/) } });
  });
});
