import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { Fact, Highlight, PageMeta } from '../types';
import { contribution } from './entity-counts';
import { toFactRecord, toHighlightRecord } from './records';
import type { EntityCountRecord, LensSchema, StoreName } from './schema';

export type UpgradeTransaction = IDBPTransaction<LensSchema, StoreName[], 'versionchange'>;
/** Brings the database from one version to the next, inside the upgrade transaction. */
export type UpgradeStep = (db: IDBPDatabase<LensSchema>, tx: UpgradeTransaction) => Promise<void>;

/**
 * Version 1, as first shipped: highlights only, found by page, each carrying its facts
 * and its page's metadata.
 */
const toVersion1: UpgradeStep = async (db) => {
  db.createObjectStore('highlights', { keyPath: 'id' }).createIndex('by-url', 'url');
};

const asArray = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/**
 * A version-1 highlight as the current shape. Version 1 wrote what the content script
 * sent, so a field may be missing; a fact without an id gets one derived from its
 * highlight, so that running the upgrade twice cannot make two facts of one.
 */
function fromVersion1(value: Highlight): Highlight {
  const facts = asArray<Partial<Fact>>(value.facts).map(
    (f, i): Fact => ({
      ...(f as Fact),
      id: typeof f.id === 'string' && f.id !== '' ? f.id : `${value.id}#fact-${i}`,
      highlightId: value.id,
      entities: asArray<string>(f.entities),
      created: typeof f.created === 'number' ? f.created : value.created,
    }),
  );
  const page: PageMeta = { ...value.page, title: typeof value.page?.title === 'string' ? value.page.title : '', url: value.url };
  return { ...value, tags: asArray(value.tags), entities: asArray(value.entities), facts, page };
}

/**
 * Version 2: facts get their own store (to find "facts about Weibo from other pages"
 * without reading every highlight), pages keep their metadata and text once, settings
 * move in, per-entity counts are kept, and highlights get indexes by entity, tag and
 * time. The facts and pages already inside version-1 highlights are copied out.
 */
const toVersion2: UpgradeStep = async (db, tx) => {
  const highlights = tx.objectStore('highlights');
  highlights.createIndex('by-entity', 'entityKeys', { multiEntry: true });
  highlights.createIndex('by-tag', 'tagKeys', { multiEntry: true });
  highlights.createIndex('by-created', ['created', 'id']);
  highlights.createIndex('by-updated', 'updated');

  const factStore = db.createObjectStore('facts', { keyPath: 'id' });
  factStore.createIndex('by-entity', 'entityKeys', { multiEntry: true });
  factStore.createIndex('by-url', 'url');
  factStore.createIndex('by-highlight', 'highlightId');
  factStore.createIndex('by-created', 'created');
  db.createObjectStore('pages', { keyPath: 'url' });
  db.createObjectStore('settings');
  db.createObjectStore('counts', { keyPath: 'entity' });

  const facts = tx.objectStore('facts');
  const pageStore = tx.objectStore('pages');
  const counts = new Map<string, EntityCountRecord>();
  for (let cursor = await highlights.openCursor(); cursor; cursor = await cursor.continue()) {
    const h = fromVersion1(cursor.value);
    await cursor.update(toHighlightRecord(h));
    for (const fact of h.facts) await facts.put(toFactRecord(fact, h.url));
    if ((await pageStore.getKey(h.url)) === undefined) await pageStore.put(h.page);
    contribution(h, counts);
  }
  const countStore = tx.objectStore('counts');
  for (const record of counts.values()) await countStore.put(record);
};

/**
 * Version 3: deletes are remembered (id and time of deletion), so that a retried save,
 * a stale tab or an old backup cannot bring a deleted highlight back. Nothing before
 * version 3 remembered its deletes, so the store starts empty.
 */
const toVersion3: UpgradeStep = async (db) => {
  db.createObjectStore('tombstones', { keyPath: 'id' });
};

/** `UPGRADE_STEPS[v]` brings version v to v + 1. Version 4 is one more step here. */
export const UPGRADE_STEPS: readonly UpgradeStep[] = [toVersion1, toVersion2, toVersion3];
export const DB_VERSION = UPGRADE_STEPS.length;

/** Runs the steps from `oldVersion` up to DB_VERSION, inside the upgrade transaction. */
export async function upgradeDatabase(db: IDBPDatabase<LensSchema>, oldVersion: number, tx: UpgradeTransaction): Promise<void> {
  for (const step of UPGRADE_STEPS.slice(oldVersion)) await step(db, tx);
}
