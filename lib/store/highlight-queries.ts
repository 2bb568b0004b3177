import { unwrap } from 'idb';
import type { Highlight } from '../types';
import { fail } from './errors';
import { fromHighlightRecord } from './records';
import type { HighlightRecord } from './schema';
import type { RunTransaction } from './transaction';
import type { ListCursor, ListQuery, Listing, LensStore } from './types';

/** IndexedDB's getAllRecords (Chromium 141+; not yet in every browser nor in fake-indexeddb). */
export interface NewestRecords {
  getAllRecords(options: { query?: IDBKeyRange | null; count?: number; direction?: IDBCursorDirection }): IDBRequest<Array<{ value: HighlightRecord }>>;
}

/** Newest first, ties by id: the order of every listing and of its cursor. */
export const newestFirst = (a: { created: number; id: string }, b: { created: number; id: string }) =>
  b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

function positionOf(h: Highlight): number {
  const p = h.selectors.find((s) => s.type === 'TextPositionSelector');
  return p?.type === 'TextPositionSelector' ? p.start : Number.MAX_SAFE_INTEGER;
}

/** A page's highlights in the order they appear on it (orphans, with no place, last). */
const pageOrder = (a: Highlight, b: Highlight) => positionOf(a) - positionOf(b) || a.created - b.created;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Whether a highlight passes the filters that its index did not already apply. */
function matches(h: Highlight, q: ListQuery): boolean {
  if (q.entity !== undefined && !h.entities.includes(q.entity)) return false;
  if (q.tag !== undefined && !h.tags.includes(q.tag)) return false;
  if (q.url !== undefined && h.url !== q.url) return false;
  if (q.from !== undefined && h.created < q.from) return false;
  if (q.to !== undefined && h.created > q.to) return false;
  if (q.orphaned !== undefined && Boolean(h.orphaned) !== q.orphaned) return false;
  if (q.site !== undefined) {
    const site = q.site.toLowerCase();
    const host = hostOf(h.url);
    if ((h.page.site ?? '').toLowerCase() !== site && host !== site && !host.endsWith(`.${site}`)) return false;
  }
  if (q.text !== undefined && q.text.trim() !== '') {
    const haystack = [h.quote, h.note, h.tags.join(' '), h.page.title, h.page.site ?? ''].join('\n').toLowerCase();
    if (!q.text.toLowerCase().split(/\s+/).filter(Boolean).every((word) => haystack.includes(word))) return false;
  }
  return q.match ? q.match(h) : true;
}

/** What a walk needs of an idb cursor, whichever index it runs on. */
interface RecordCursor {
  value: HighlightRecord;
  continue(): Promise<RecordCursor | null>;
}

const isBefore = (h: { created: number; id: string }, cursor: ListCursor) => newestFirst(cursor, h) < 0;

export function highlightQueries(
  run: RunTransaction,
  range: typeof IDBKeyRange,
): Pick<
  LensStore,
  'getHighlight' | 'highlightsForUrl' | 'highlightsByEntity' | 'highlightsByTag' | 'recentHighlights' | 'listHighlights' | 'allHighlights' | 'highlightBatch'
> {
  /**
   * Index keys under `prefix` (`[name]` for an entity or tag, `[]` for creation time)
   * created between `from` and `to` (inclusive) and strictly before the cursor `after`.
   * An array sorts after every number and string, so `[...prefix, []]` closes a range.
   */
  const timeRange = (prefix: readonly unknown[], from?: number, to?: number, after?: ListCursor): IDBKeyRange | null => {
    const lower = from !== undefined ? [...prefix, from] : prefix.length > 0 ? [...prefix] : undefined;
    let upper: unknown[] | undefined;
    let open = false;
    if (after && (to === undefined || after.created <= to)) [upper, open] = [[...prefix, after.created, after.id], true];
    else if (to !== undefined) upper = [...prefix, to, []];
    else if (prefix.length > 0) upper = [...prefix, []];
    if (lower && upper) return range.bound(lower, upper, false, open);
    if (lower) return range.lowerBound(lower);
    if (upper) return range.upperBound(upper, open);
    return null;
  };

  /** Walks a cursor (newest first), keeping the records that pass, until `limit` are kept. */
  const walk = async (
    first: Promise<RecordCursor | null>,
    limit: number,
    keep: (h: Highlight) => boolean = () => true,
  ): Promise<Highlight[]> => {
    const out: Highlight[] = [];
    for (let c = await first; c && out.length < limit; c = await c.continue()) {
      const h = fromHighlightRecord(c.value);
      if (keep(h)) out.push(h);
    }
    return out;
  };

  const byName = (index: 'by-entity' | 'by-tag', what: string) => async (name: string, limit: number) => {
    if (limit <= 0) return { ok: true as const, value: [] };
    return run(['highlights'], 'readonly', `load the highlights ${what}`, async (tx) =>
      walk(tx.objectStore('highlights').index(index).openCursor(timeRange([name]), 'prev'), limit),
    );
  };

  return {
    getHighlight: (id) =>
      run(['highlights'], 'readonly', 'load the highlight', async (tx) => {
        const record = await tx.objectStore('highlights').get(id);
        return record ? fromHighlightRecord(record) : undefined;
      }),

    highlightsForUrl: (url) =>
      run(['highlights'], 'readonly', 'load the highlights of this page', async (tx) => {
        const records = await tx.objectStore('highlights').index('by-url').getAll(url);
        return records.map(fromHighlightRecord).sort(pageOrder);
      }),

    highlightsByEntity: byName('by-entity', 'about this entity'),
    highlightsByTag: byName('by-tag', 'with this tag'),

    recentHighlights: async (limit, before) => {
      if (limit <= 0) return { ok: true, value: [] };
      return run(['highlights'], 'readonly', 'load the latest highlights', async (tx) => {
        const index = tx.objectStore('highlights').index('by-created');
        const query = timeRange([], undefined, undefined, before);
        // One request where the browser can read newest first in bulk (Chromium 141+): the
        // library's first screen waits for each answer behind its own code loading, so
        // every trip saved shows up as time to the first screen.
        const native = unwrap(index) as IDBIndex & Partial<NewestRecords>;
        if (typeof native.getAllRecords === 'function') {
          const request = native.getAllRecords({ query, count: limit, direction: 'prev' });
          const records = await new Promise<Array<{ value: HighlightRecord }>>((resolve, reject) => {
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          return records.map((r) => fromHighlightRecord(r.value));
        }
        // Elsewhere three requests rather than one per highlight (each is a trip to the browser's
        // database process): the key `limit` places back, then every record from it on.
        let cursor = await index.openKeyCursor(query, 'prev');
        if (cursor && limit > 1) cursor = await cursor.advance(limit - 1);
        const oldest = cursor?.key;
        const from =
          oldest === undefined ? query : before ? range.bound(oldest, [before.created, before.id], false, true) : range.lowerBound(oldest);
        return (await index.getAll(from)).reverse().map(fromHighlightRecord);
      });
    },

    listHighlights: async (q) => {
      if (!Number.isInteger(q.limit) || q.limit <= 0) {
        return fail({ kind: 'invalid', message: 'Could not list the highlights: the page size must be a positive whole number.' });
      }
      return run(['highlights'], 'readonly', 'list the highlights', async (tx): Promise<Listing<Highlight>> => {
        const store = tx.objectStore('highlights');
        let items: Highlight[];
        if (q.url !== undefined) {
          // One page's highlights are few: read them, then order and cut them here.
          const onPage = (await store.index('by-url').getAll(q.url)).map(fromHighlightRecord);
          items = onPage
            .filter((h) => matches(h, q) && (!q.after || isBefore(h, q.after)))
            .sort(newestFirst)
            .slice(0, q.limit);
        } else if (q.entity !== undefined || q.tag !== undefined) {
          const [index, name] = q.entity !== undefined ? (['by-entity', q.entity] as const) : (['by-tag', q.tag ?? ''] as const);
          const cursor = store.index(index).openCursor(timeRange([name], q.from, q.to, q.after), 'prev');
          items = await walk(cursor, q.limit, (h) => matches(h, q));
        } else {
          const cursor = store.index('by-created').openCursor(timeRange([], q.from, q.to, q.after), 'prev');
          items = await walk(cursor, q.limit, (h) => matches(h, q));
        }
        const last = items[items.length - 1];
        return items.length === q.limit && last ? { items, next: { created: last.created, id: last.id } } : { items };
      });
    },

    highlightBatch: async (count, after) => {
      if (!Number.isInteger(count) || count <= 0) {
        return fail({ kind: 'invalid', message: 'Could not read the highlights: the batch size must be a positive whole number.' });
      }
      return run(['highlights'], 'readonly', 'load the highlights', async (tx) =>
        (await tx.objectStore('highlights').getAll(after === undefined ? undefined : range.lowerBound(after, true), count)).map(fromHighlightRecord),
      );
    },

    allHighlights: () =>
      run(['highlights'], 'readonly', 'load all highlights', async (tx) =>
        (await tx.objectStore('highlights').getAll()).map(fromHighlightRecord),
      ),
  };
}
