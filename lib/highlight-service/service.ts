/**
 * The background's work for highlights, on a store handed in: the handlers behind the
 * highlight messages. Pure (no browser APIs), so it runs the same in the service worker
 * and in tests on fake-indexeddb.
 */
import { detect as detectMentions } from '../detect';
import { storeRunner, type StoreSource } from '../store/store-source';
import type { StoredPage, StoreResult } from '../store/types';
import { SCHEMA_VERSION, type EntityId, type Highlight, type Mention } from '../types';
import { captureProblem, draftProblem, editProblem } from './check-request';
import { entitiesOf, factsOfQuote } from './facts-of-quote';
import type { CardEdit, HighlightDraft, PageCapture, SaveReceipt } from './messages';

export interface HighlightServiceOptions {
  /** Mentions in a quote (default: lib/detect with the built-in entities). */
  detect?: (text: string) => Mention[];
  now?: () => number;
}

export interface HighlightService {
  /**
   * Stores a new highlight with the entities and facts of its quote, and with a page's
   * first highlight the page's metadata and text. Resolves only after the store's
   * transaction completed. Saving the same id again (a retry) stores nothing new and
   * answers with the highlight as stored.
   */
  save(draft: HighlightDraft, capture?: PageCapture): Promise<StoreResult<SaveReceipt>>;
  update(id: string, edit: CardEdit): Promise<StoreResult<Highlight>>;
  delete(id: string): Promise<StoreResult<Highlight>>;
  /** Puts back a highlight exactly as the delete returned it (undo). */
  restore(highlight: Highlight): Promise<StoreResult<Highlight>>;
  forUrl(url: string): Promise<StoreResult<Highlight[]>>;
  /** Records what re-anchoring found: flags the orphans, unflags those found again. */
  anchored(url: string, found: readonly string[], orphaned: readonly string[]): Promise<StoreResult<{ changed: number }>>;
  /** How many facts the user has collected about an entity, over all pages. */
  factCount(entity: EntityId): Promise<StoreResult<number>>;
}

const invalid = <T>(what: string, problem: string): StoreResult<T> => ({
  ok: false,
  error: { kind: 'invalid', message: `Could not ${what}: ${problem}.` },
});

/** The store itself, or a way to open it on the first message (see lib/store/store-source). */
export type { StoreSource };

export function createHighlightService(source: StoreSource, options: HighlightServiceOptions = {}): HighlightService {
  const detect = options.detect ?? ((text: string) => detectMentions(text));
  const now = options.now ?? Date.now;
  const withStore = storeRunner(source);

  return {
    save: (draft, capture) => withStore(async (store) => {
      const problem = draftProblem(draft) ?? captureProblem(capture);
      if (problem) return invalid('save the highlight', problem);

      // A retry of a save whose answer was lost: the first one stored it; answer with that.
      const existing = await store.getHighlight(draft.id);
      if (!existing.ok) return existing;
      if (existing.value) return { ok: true, value: { highlight: existing.value } };

      const mentions = detect(draft.quote);
      const highlight: Highlight = {
        schemaVersion: SCHEMA_VERSION,
        id: draft.id,
        url: draft.page.url,
        page: draft.page,
        selectors: draft.selectors,
        quote: draft.quote,
        note: draft.note,
        tags: draft.tags,
        color: draft.color,
        entities: entitiesOf(mentions),
        facts: factsOfQuote(draft.quote, mentions, draft.page, draft.id, draft.created),
        created: draft.created,
        updated: draft.created,
      };
      const saved = await store.saveHighlight(highlight);
      if (!saved.ok) return saved;

      const receipt: SaveReceipt = { highlight: saved.value.highlight };
      if (capture) {
        // The page's text is worth keeping but is not the user's work: failing to keep it
        // must not undo a saved highlight, only be told. The store keeps the first capture.
        const page: StoredPage = { ...capture.meta, url: draft.page.url, text: capture.text, captured: capture.captured };
        const put = await store.putPage(page);
        if (!put.ok) receipt.pageError = put.error;
      }
      return { ok: true, value: receipt };
    }),

    update: (id, edit) => withStore(async (store) => {
      const problem = editProblem(edit);
      if (problem) return invalid('change the highlight', problem);
      return store.updateHighlight(id, edit, now());
    }),

    delete: (id) => withStore((store) => store.deleteHighlight(id)),

    // On purpose: the store forgets the delete this undoes.
    restore: (highlight) => withStore((store) => store.restoreHighlight(highlight)),

    forUrl: (url) => withStore((store) => store.highlightsForUrl(url)),

    anchored: (url, found, orphaned) => withStore(async (store) => {
      const stored = await store.highlightsForUrl(url);
      if (!stored.ok) return stored;
      const want = new Map<string, boolean>();
      for (const id of found) want.set(id, false);
      for (const id of orphaned) want.set(id, true);
      let changed = 0;
      for (const h of stored.value) {
        const flag = want.get(h.id);
        // Only this page's highlights, and only real changes: no write for a flag already right.
        if (flag === undefined || (h.orphaned ?? false) === flag) continue;
        const result = await store.updateHighlight(h.id, { orphaned: flag }, now());
        if (!result.ok) return result;
        changed++;
      }
      return { ok: true, value: { changed } };
    }),

    factCount: (entity) => withStore(async (store) => {
      const counts = await store.countsByEntity([entity]);
      if (!counts.ok) return counts;
      return { ok: true, value: counts.value[entity]?.facts ?? 0 };
    }),
  };
}
