import type { Result } from '../result';
import type { EntityId, Fact, Highlight, PageMeta } from '../types';
import type { Settings } from './settings';

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
  /** The database could not be opened (a newer version owns it, or storage is unavailable). */
  | 'open';

export interface StoreError {
  kind: StoreErrorKind;
  /** A sentence for the user, saying what failed and what to do. */
  message: string;
}

/** Every store operation resolves to one of these; none rejects. */
export type StoreResult<T> = Result<T, StoreError>;

/** A page the user highlighted on: what is needed to cite it, and its text when first highlighted. */
export interface StoredPage extends PageMeta {
  /** The article's text when the page was first highlighted; kept once, never overwritten. */
  text?: string;
  /** When `text` was captured (ms since epoch). */
  captured?: number;
}

/** What a save did. */
export type SaveOutcome =
  | 'added'
  | 'updated'
  /** The same record was already there (a retried save). */
  | 'unchanged'
  /** The store holds a newer version of this highlight (by `updated`), which was kept. */
  | 'kept-newer';

export interface Saved {
  /** The highlight as it is now in the store. */
  highlight: Highlight;
  outcome: SaveOutcome;
}

/** What the user can change about a highlight. `orphaned` is set by re-anchoring. */
export type HighlightEdit = Partial<Pick<Highlight, 'note' | 'tags' | 'color' | 'orphaned'>>;

/** Corrections the user can make to a fact. */
export type FactEdit = Partial<
  Pick<Fact, 'text' | 'value' | 'unit' | 'qualifier' | 'action' | 'figureText' | 'date' | 'period' | 'entities' | 'unlinked'>
>;

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

/** Counts for highlights, and for pages under `pages`. */
export interface ImportOutcome extends ImportCounts {
  pages: ImportCounts;
}

export interface StoreOptions {
  /**
   * The IDBKeyRange of the same IndexedDB implementation as the factory. Defaults to the
   * global one: idb's wrappers rely on the IndexedDB interface globals anyway, so they
   * exist wherever the store runs (fake-indexeddb/auto provides them in Node).
   */
  keyRange?: typeof IDBKeyRange;
}

/** The typed store. Writes resolve after their transaction completed. */
export interface LensStore {
  /** Puts a highlight (client id: a retried save leaves one record) with its facts and page. */
  saveHighlight(highlight: Highlight): Promise<StoreResult<Saved>>;
  getHighlight(id: string): Promise<StoreResult<Highlight | undefined>>;
  /** Changes note, tags, colour or the orphaned flag; a user's change moves `updated` forward. */
  updateHighlight(id: string, edit: HighlightEdit, now?: number): Promise<StoreResult<Highlight>>;
  /** Removes a highlight and its facts; returns it, so that saving it again is an undo. */
  deleteHighlight(id: string): Promise<StoreResult<Highlight>>;
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
  allFacts(): Promise<StoreResult<Fact[]>>;
  allPages(): Promise<StoreResult<StoredPage[]>>;
  /** Adds or completes a page's metadata; the first text snapshot is kept. */
  putPage(page: StoredPage): Promise<StoreResult<StoredPage>>;
  getPage(url: string): Promise<StoreResult<StoredPage | undefined>>;
  getSettings(): Promise<StoreResult<Settings>>;
  putSettings(patch: Partial<Settings>): Promise<StoreResult<Settings>>;
  /** Deletes every highlight, fact and page; settings too when asked. */
  deleteAll(options?: { settings?: boolean }): Promise<StoreResult<void>>;
  /** Merges an import in one transaction: all of it or, on any error, nothing. */
  bulkImport(highlights: readonly Highlight[], pages?: readonly StoredPage[]): Promise<StoreResult<ImportOutcome>>;
  /** Closes the connection; a later call opens it again. */
  close(): void;
}
