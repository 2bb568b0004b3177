/**
 * The background's work for highlights, on a store handed in: the handlers behind the
 * highlight messages. Pure (no browser APIs), so it runs the same in the service worker
 * and in tests on fake-indexeddb.
 */
import { detect as detectMentions } from '../detect';
import { fail } from '../store/errors';
import { storeRunner, type StoreSource } from '../store/store-source';
import type { StoredPage, StoreResult } from '../store/types';
import { SCHEMA_VERSION, type EntityId, type Highlight, type Mention } from '../types';
import { passageKey } from '../import/plan-merge';
import { anchoredAt, handFact, keepSavedText, mergeReextracted, takeFoundText, type HandFactInput } from '../facts';
import { entitiesOf, factsOfQuote } from './facts-of-quote';
import type { CardEdit, ChangeChoice, HighlightDraft, MovedPassage, PageCapture, SaveReceipt, TextPart } from './types';

export interface HighlightServiceOptions {
  /** Mentions in a quote (default: lib/detect with the built-in entities). */
  detect?: (text: string) => Mention[];
  now?: () => number;
  /** Ids for facts added by hand (default: crypto.randomUUID). */
  newId?: () => string;
}

export interface HighlightService {
  /**
   * Stores a new highlight with the entities and facts of its quote, and with a page's
   * first highlight the page's metadata and text. Resolves only after the store's
   * transaction completed. Saving the same id again (a retry) stores nothing new and
   * answers with the highlight as stored; so does saving a passage the page already
   * holds (the same quote at the same place, from another tab), with `existing` set.
   * The request is checked by the router's schema before it gets here.
   */
  save(draft: HighlightDraft, capture?: PageCapture): Promise<StoreResult<SaveReceipt>>;
  update(id: string, edit: CardEdit): Promise<StoreResult<Highlight>>;
  delete(id: string): Promise<StoreResult<Highlight>>;
  /** Puts back a highlight exactly as the delete returned it (undo). */
  restore(highlight: Highlight): Promise<StoreResult<Highlight>>;
  forUrl(url: string): Promise<StoreResult<Highlight[]>>;
  /**
   * Records what re-anchoring found: flags the orphans, unflags those found again, and
   * for passages found at other text (`moved`) marks or forgets a change of figures
   * (lib/facts anchoredAt).
   */
  anchored(url: string, found: readonly string[], orphaned: readonly string[], moved?: readonly MovedPassage[]): Promise<StoreResult<{ changed: number }>>;
  /** The user's answer to a change since saved: keep the saved text, or take the page's new text (its facts follow). */
  resolveChange(id: string, choice: ChangeChoice): Promise<StoreResult<Highlight>>;
  /** Adds a fact the user states by hand to a highlight; no re-extraction removes it. */
  addFact(highlightId: string, input: HandFactInput): Promise<StoreResult<Highlight>>;
  /** How many facts the user has collected about an entity, over all pages. */
  factCount(entity: EntityId): Promise<StoreResult<number>>;
  /**
   * One later part of a page's captured text (see PageCapture). The text is stored
   * once every part arrived, in one write: a page never keeps half a text. A part that
   * does not follow the one before (the worker restarted and forgot the first ones) is
   * refused, and the sender may begin again with the save's capture.
   */
  textPart(part: TextPart): Promise<StoreResult<{ complete: boolean }>>;
}

const sameChange = (a: Highlight, b: Highlight) => JSON.stringify(a.changed ?? null) === JSON.stringify(b.changed ?? null);
/** A long page text being received in parts. */
interface PendingText {
  captured: number;
  parts: string[];
  received: number;
  length: number;
  /** When the last part came: one left unfinished for long is dropped. */
  touched: number;
}

/** How long an unfinished text waits for its next part. */
const PENDING_TEXT_MS = 60_000;

/** The store itself, or a way to open it on the first message (see lib/store/store-source). */
export type { StoreSource };

export function createHighlightService(source: StoreSource, options: HighlightServiceOptions = {}): HighlightService {
  const detect = options.detect ?? ((text: string) => detectMentions(text));
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const withStore = storeRunner(source);
  /** The facts a text of highlight `h` states, as a save would extract them. */
  const factsOfText = (h: Highlight, text: string, at: number) => {
    const mentions = detect(text);
    return { mentions, facts: factsOfQuote(text, mentions, h.page, h.id, at) };
  };
  /** A change the user made: later than any copy an import or an old retried save may bring. */
  const edited = (h: Highlight): Highlight => ({ ...h, updated: Math.max(now(), h.updated + 1) });
  // Saves of one page wait for each other, so two tabs saving the same passage at the
  // same moment cannot both find it absent and store it twice.
  const queues = new Map<string, Promise<unknown>>();
  const pending = new Map<string, PendingText>();
  const forgetStale = () => {
    for (const [url, text] of pending) if (now() - text.touched > PENDING_TEXT_MS) pending.delete(url);
  };
  const oneAtATime = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const turn = (queues.get(key) ?? Promise.resolve()).then(work, work);
    const settled = turn.then(() => undefined, () => undefined);
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return turn;
  };

  return {
    save: (draft, capture) => oneAtATime(draft.page.url, () => withStore(async (store) => {
      // A retry of a save whose answer was lost: the first one stored it; answer with that.
      const existing = await store.getHighlight(draft.id);
      if (!existing.ok) return existing;
      if (existing.value) return { ok: true, value: { highlight: existing.value } };

      // The same passage saved already (another tab, a double click): that one is the answer.
      const onPage = await store.highlightsForUrl(draft.page.url);
      if (!onPage.ok) return onPage;
      const key = passageKey({ url: draft.page.url, quote: draft.quote, selectors: draft.selectors });
      const same = onPage.value.find((h) => passageKey(h) === key);
      if (same) return { ok: true, value: { highlight: same, existing: true } };

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
        const length = capture.length ?? capture.text.length;
        if (length > capture.text.length) {
          // More parts follow: the metadata now, the text once all of it came.
          const { text: _text, captured: _captured, ...meta } = page;
          pending.set(page.url, { captured: capture.captured, parts: [capture.text], received: capture.text.length, length, touched: now() });
          const put = await store.putPage(meta);
          if (!put.ok) receipt.pageError = put.error;
        } else {
          const put = await store.putPage(page);
          if (!put.ok) receipt.pageError = put.error;
        }
      }
      return { ok: true, value: receipt };
    })),

    update: (id, edit) => withStore((store) => store.updateHighlight(id, edit, now())),

    delete: (id) => withStore((store) => store.deleteHighlight(id)),

    // On purpose: the store forgets the delete this undoes.
    restore: (highlight) => withStore((store) => store.restoreHighlight(highlight)),

    forUrl: (url) => withStore((store) => store.highlightsForUrl(url)),

    anchored: (url, found, orphaned, moved = []) => withStore(async (store) => {
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
      for (const { id, text } of moved) {
        const h = stored.value.find((x) => x.id === id);
        if (!h) continue;
        // Extraction runs here, outside the store's transaction, which must not wait; the
        // revision itself is worked out again on the copy stored at that moment.
        const figures = text === h.quote ? [] : factsOfText(h, text, h.created).facts.map((f) => f.figureText);
        // Bookkeeping of what the page says, not the user's edit: `updated` stays.
        const result = await store.reviseHighlight(id, (current) => anchoredAt(current, text, figures), 'record that the passage changed');
        if (!result.ok) return result;
        if (!sameChange(result.value, h)) changed++;
      }
      return { ok: true, value: { changed } };
    }),

    resolveChange: (id, choice) => withStore(async (store) => {
      const got = await store.getHighlight(id);
      if (!got.ok) return got;
      const h = got.value;
      if (!h?.changed) return { ok: false, error: { kind: 'not-found', message: 'This passage has no change to decide on any more: it may have been decided in another tab.' } };
      if (choice === 'keep') return store.reviseHighlight(id, (current) => (current.changed ? edited(keepSavedText(current)) : current), 'keep the saved text');
      const text = h.changed.text;
      const fresh = factsOfText(h, text, now());
      return store.reviseHighlight(
        id,
        (current) =>
          // Decided already, or the page moved on again since: nothing is taken unseen.
          current.changed?.text !== text
            ? current
            : edited(takeFoundText(current, mergeReextracted(current.facts, fresh.facts), entitiesOf(fresh.mentions))),
        'take the new text',
      );
    }),

    addFact: (highlightId, input) => withStore((store) =>
      store.reviseHighlight(highlightId, (current) => edited({ ...current, facts: [...current.facts, handFact(current, input, newId(), now())] }), 'add the fact'),
    ),

    factCount: (entity) => withStore(async (store) => {
      const counts = await store.countsByEntity([entity]);
      if (!counts.ok) return counts;
      return { ok: true, value: counts.value[entity]?.facts ?? 0 };
    }),

    textPart: (part) => oneAtATime(part.url, async () => {
      forgetStale();
      if (part.offset === 0) pending.set(part.url, { captured: part.captured, parts: [], received: 0, length: part.length, touched: now() });
      const text = pending.get(part.url);
      const follows = text && text.captured === part.captured && text.length === part.length && text.received === part.offset;
      if (!text || !follows || text.received + part.text.length > text.length) {
        return fail<{ complete: boolean }>({ kind: 'invalid', message: 'Its parts were interrupted on their way (Qinglang Lens restarted in between).' });
      }
      text.parts.push(part.text);
      text.received += part.text.length;
      text.touched = now();
      if (text.received < text.length) return { ok: true as const, value: { complete: false } };
      pending.delete(part.url);
      return withStore(async (store) => {
        // The save stored the page's metadata; the text joins it (a text kept before stays).
        const stored = await store.getPage(part.url);
        if (!stored.ok) return stored;
        const page: StoredPage = { ...(stored.value ?? { url: part.url, title: '' }), text: text.parts.join(''), captured: text.captured };
        const put = await store.putPage(page);
        return put.ok ? { ok: true as const, value: { complete: true } } : put;
      });
    }),
  };
}
