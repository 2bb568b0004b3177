import type { Result } from '../result';
import type { FactEdit, HighlightEdit, StoredPage } from '../schema/types';
import type { EntityId, Fact, Highlight, PageMeta } from '../types';
import type { Settings } from './settings';

export type { FactEdit, HighlightEdit, StoredPage };

/** Why a store operation failed; what the user can do about it differs. */
export type StoreErrorKind =
  /** The browser refused to store more (disk full, quota). */
  | 'quota'
  /** Any other failed write; the transaction was rolled back. */
  | 'write'
  /** A failed read. */
  | 'read'
  /** The highlight or fact is not (or no longer) in the store. */
  | 'not-found'
  /** The data given cannot be stored as it is (a bug in the caller, or a bad import). */
  | 'invalid'
  /** The database could not be opened (a newer version owns it, storage is unavailable, or it did not open in time). */
  | 'open'
  /** The highlight was deleted after this copy of it was made; it stays deleted unless restored on purpose. */
  | 'deleted';

export interface StoreError {
  kind: StoreErrorKind;
  /** A sentence for the user, saying what failed and what to do. */
  message: string;
}

/** Every store operation resolves to one of these; none rejects. */
export type StoreResult<T> = Result<T, StoreError>;

/** What a save did. */
export type SaveOutcome =
  | 'added'
  | 'updated'
  /** The same record was already there (a retried save). */
  | 'unchanged'
  /** The store holds a newer version of this highlight (by `updated`), which was kept. */
  | 'kept-newer'
  /** The same passage of the same page (URL, quote and place) was already saved under another id: that one is the answer. */
  | 'existing';

export interface Saved {
  /** The highlight as it is now in the store. */
  highlight: Highlight;
  outcome: SaveOutcome;
}

/** Where a newest-first listing stopped: the last item of the previous page (any Highlight fits). */
export interface ListCursor {
  created: number;
  id: string;
}

export interface Listing<T> {
  items: T[];
  /** Pass as `after` for the next page; absent when this page was not full. */
  next?: ListCursor;
}

/** A page of the library's list, newest first. */
export interface ListQuery {
  limit: number;
  after?: ListCursor;
  entity?: EntityId;
  tag?: string;
  url?: string;
  /** Outlet (PageMeta.site) or host name. */
  site?: string;
  /** Created at or after (ms since epoch). */
  from?: number;
  /** Created at or before (ms since epoch). */
  to?: number;
  orphaned?: boolean;
  /** Case-insensitive words that must all appear in the quote, note, tags, title or outlet. */
  text?: string;
  /** Any further test, e.g. the library's search that finds 網信辦 for 网信办. */
  match?: (h: Highlight) => boolean;
}

export interface EntityCounts {
  highlights: number;
  facts: number;
}

export interface ImportCounts {
  added: number;
  updated: number;
  skipped: number;
}

/** A highlight of an import that was deleted here after the file's copy of it was made. */
export interface DeletedHere {
  id: string;
  /** Its quote, for the import report. */
  quote: string;
  /** When it was deleted here (ms since epoch). */
  deleted: number;
}

/** Counts for highlights, and for pages under `pages`. */
export interface ImportOutcome extends ImportCounts {
  pages: ImportCounts;
  /** Highlights left out because they were deleted here after the file's copy was made (restore them with `restore`). */
  deleted: DeletedHere[];
  /** Ids (as stored) of the highlights this import added or replaced: what may need following elsewhere (sharing). */
  written: string[];
}

export interface ImportOptions {
  /** Ids of highlights deleted here that the user chose to bring back from this file. */
  restore?: readonly string[];
}

export interface StoreOptions {
  /**
   * The IDBKeyRange of the same IndexedDB implementation as the factory. Defaults to the
   * global one: idb's wrappers rely on the IndexedDB interface globals anyway, so they
   * exist wherever the store runs (fake-indexeddb/auto provides them in Node).
   */
  keyRange?: typeof IDBKeyRange;
  /** Give up opening the database after this long (lib/store/connection OPEN_TIMEOUT_MS). */
  openTimeoutMs?: number;
}

/** The typed store. Writes resolve after their transaction completed. */
export interface LensStore {
  /** Puts a highlight (client id: a retried save leaves one record) with its facts and page. */
  saveHighlight(highlight: Highlight): Promise<StoreResult<Saved>>;
  getHighlight(id: string): Promise<StoreResult<Highlight | undefined>>;
  /** Changes note, tags, colour or the orphaned flag; a user's change moves `updated` forward. */
  updateHighlight(id: string, edit: HighlightEdit, now?: number): Promise<StoreResult<Highlight>>;
  /**
   * Changes a highlight as `revise` says, from the copy stored now, in one transaction
   * with its facts and counts (re-anchoring's change flag, taking a page's new text, a
   * fact added by hand). `revise` must not wait: it runs inside the transaction. It
   * sets `updated` itself when the change is the user's. `doing` ends "Could not …".
   */
  reviseHighlight(id: string, revise: (current: Highlight) => Highlight, doing: string): Promise<StoreResult<Highlight>>;
  /**
   * Removes a highlight and its facts and remembers the delete (a tombstone: id and
   * time), so no copy made before it comes back; returns the highlight for an undo.
   */
  deleteHighlight(id: string, now?: number): Promise<StoreResult<Highlight>>;
  /** Puts a deleted highlight back on purpose (undo, or the user's choice after an import), forgetting its delete. */
  restoreHighlight(highlight: Highlight): Promise<StoreResult<Highlight>>;
  /** When a highlight was deleted, if it was. */
  deletedAt(id: string): Promise<StoreResult<number | undefined>>;
  /** Corrects a fact, in the facts store and in its highlight alike. */
  updateFact(id: string, edit: FactEdit, now?: number): Promise<StoreResult<Fact>>;
  /** The highlights of a page, in page order. */
  highlightsForUrl(url: string): Promise<StoreResult<Highlight[]>>;
  highlightsByEntity(entity: EntityId, limit: number): Promise<StoreResult<Highlight[]>>;
  highlightsByTag(tag: string, limit: number): Promise<StoreResult<Highlight[]>>;
  /** Newest first; `before` is the last item of the previous page. */
  recentHighlights(limit: number, before?: ListCursor): Promise<StoreResult<Highlight[]>>;
  listHighlights(query: ListQuery): Promise<StoreResult<Listing<Highlight>>>;
  /** Facts about any of `entities` from pages other than `excludeUrl`, newest first. */
  relatedFacts(entities: readonly EntityId[], excludeUrl: string, limit: number): Promise<StoreResult<Fact[]>>;
  /** Highlights and facts per entity: the given ones, or every entity that has any. */
  countsByEntity(entities?: readonly EntityId[]): Promise<StoreResult<Record<string, EntityCounts>>>;
  factsForHighlight(highlightId: string): Promise<StoreResult<Fact[]>>;
  allHighlights(): Promise<StoreResult<Highlight[]>>;
  /**
   * Up to `count` highlights in id order, after the id `after`: every highlight in
   * batches, so a page reading all of them never holds one long task (read one batch,
   * let the page paint, read the next).
   */
  highlightBatch(count: number, after?: string): Promise<StoreResult<Highlight[]>>;
  allFacts(): Promise<StoreResult<Fact[]>>;
  allPages(): Promise<StoreResult<StoredPage[]>>;
  /** Adds or completes a page's metadata; the first text snapshot is kept. */
  putPage(page: StoredPage): Promise<StoreResult<StoredPage>>;
  getPage(url: string): Promise<StoreResult<StoredPage | undefined>>;
  getSettings(): Promise<StoreResult<Settings>>;
  putSettings(patch: Partial<Settings>): Promise<StoreResult<Settings>>;
  /**
   * Deletes every highlight, fact and page, and the tombstones of earlier deletes (a
   * clean slate: importing a backup afterwards brings all of it back); settings too
   * when asked.
   */
  deleteAll(options?: { settings?: boolean }): Promise<StoreResult<void>>;
  /**
   * Merges an import in one transaction: all of it or, on any error, nothing. A
   * highlight deleted here after the file's copy was made stays deleted (listed in
   * `deleted`) unless its id is in `options.restore`.
   */
  bulkImport(highlights: readonly Highlight[], pages?: readonly StoredPage[], options?: ImportOptions): Promise<StoreResult<ImportOutcome>>;
  /** Closes the connection; a later call opens it again. */
  close(): void;
}
