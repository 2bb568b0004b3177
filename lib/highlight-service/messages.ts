/**
 * The messages of highlights, added to lib/messages' MessageMap from here. Requests
 * come from the content script and the extension pages; every answer is a store
 * result, so a failure arrives as a value with a sentence for the user.
 */
import type { EntityId, Highlight, HighlightColor, PageMeta, Selector } from '../types';
import type { StoreError, StoreResult } from '../store/types';

/** What the content script knows of a new highlight; the background adds its entities and facts. */
export interface HighlightDraft {
  /** Client-generated random UUID (see the content script's new-id.ts), so a retried save is never saved twice. */
  id: string;
  page: PageMeta;
  selectors: Selector[];
  quote: string;
  note: string;
  tags: string[];
  color: HighlightColor;
  /** When the user saved it (ms since epoch); a retry sends the same time. */
  created: number;
}

/** The page as it was when its first highlight was made, for citing it after it changes or goes. */
export interface PageCapture {
  meta: PageMeta;
  /** The article's text (lib/page-meta articleText). */
  text: string;
  /** ms since epoch */
  captured: number;
}

/** A saved highlight, and what went wrong keeping its page's text if anything did (the highlight is saved all the same). */
export interface SaveReceipt {
  highlight: Highlight;
  pageError?: StoreError;
}

/** What the user edits on a highlight's card. */
export type CardEdit = Partial<Pick<Highlight, 'note' | 'tags' | 'color'>>;

/** The background could not be reached even after retries (only ever made on the sending side). */
export interface UnreachableError {
  kind: 'unreachable';
  message: string;
}

/** A failure as the sender sees it: the store's, or no answer at all. */
export type HighlightError = StoreError | UnreachableError;

declare module '../messages' {
  interface MessageMap {
    /** Saves a new highlight; idempotent by `draft.id`. `capture` is sent with a page's first highlight. */
    'highlights/save': { request: { draft: HighlightDraft; capture?: PageCapture }; reply: StoreResult<SaveReceipt> };
    /** Edits note, tags or colour. */
    'highlights/update': { request: { id: string; edit: CardEdit }; reply: StoreResult<Highlight> };
    /** Deletes a highlight and its facts; the reply holds it, for an undo. */
    'highlights/delete': { request: { id: string }; reply: StoreResult<Highlight> };
    /** Puts a deleted highlight back exactly as it was (undo). */
    'highlights/restore': { request: { highlight: Highlight }; reply: StoreResult<Highlight> };
    /** The saved highlights of a page (normalised URL). */
    'highlights/for-url': { request: { url: string }; reply: StoreResult<Highlight[]> };
    /** What re-anchoring found on the page: ids found again and ids that could not be found. */
    'highlights/anchored': {
      request: { url: string; found: string[]; orphaned: string[] };
      reply: StoreResult<{ changed: number }>;
    };
    /** How many facts the user has collected about an entity. */
    'highlights/fact-count': { request: { entity: EntityId }; reply: StoreResult<number> };
    /**
     * Background → content script (tabs.sendMessage): the keyboard command or the context
     * menu asks to highlight the current selection.
     */
    'highlights/from-selection': { request: { via: 'command' | 'context-menu' }; reply: SelectionOutcome };
    /**
     * Background → content script (tabs.sendMessage, top frame): the saved highlights of
     * the page at `url` (normalised) changed elsewhere; a tab showing it repaints them.
     */
    'highlights/changed': { request: { url: string }; reply: void };
  }
}

/** What the content script did with a request to highlight the selection. */
export type SelectionOutcome =
  | { ok: true; highlight: Highlight }
  | { ok: false; reason: 'no-selection' | 'failed'; message: string };
