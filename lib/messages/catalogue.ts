/**
 * Every message between the contexts of the extension, declared once: what it carries,
 * what it is answered with, who may send it, whether it writes the user's data, how
 * long its sender waits and what to tell the user when it fails. The maps per
 * direction (ContentToBackground, PageToBackground, ToContent) are derived from these
 * tables, so a context's sender cannot even name a message it may not send, and the
 * background's router refuses one that arrives from the wrong context anyway.
 *
 * To add a message: add it to the interface of its direction and to the table beside
 * it (the compiler asks for both), and to the samples of
 * tests/unit/messages-policy.test.ts, which checks its private-window decision.
 */
import type { Fact, EntityId, Highlight } from '../types';
import type { FactEdit, ImportOutcome, StoredPage } from '../store/types';
import type { CardEdit, ChangeChoice, HighlightDraft, MovedPassage, PageCapture, SaveReceipt, TextPart } from '../highlight-service/types';
import type { HandFactInput } from '../facts/hand-facts';
import type { FrameMentions, MentionRevealed, PageMentions } from './types';
import type { ShareState, ShareStatus, TeamView } from '../sharing';
import * as s from './schemas';
import type { v } from './schemas';

/** Where a message to the background comes from, as the router decides from its sender. */
export type SenderContext =
  /** A content script: runs in a web page, beside code we do not control. */
  | 'content'
  /** One of the extension's own pages: the popup, the library, the options. */
  | 'page';

/** A request and what it is answered with (the answer travels as a Result of it). */
interface Call<Request, Reply> {
  request: Request;
  reply: Reply;
}

/** Messages answered by the background. */
export type ToBackground = {
  /** The mentions in one frame of the page changed (or were counted anew): the badge follows, summed over the frames. */
  'mentions/changed': Call<FrameMentions, void>;
  /** The mentions a tab last reported (its frames summed), or null if none did. */
  'mentions/of-tab': Call<{ tabId: number }, PageMentions | null>;
  /** Saves a new highlight; idempotent by `draft.id`, and by passage (see SaveReceipt.existing). `capture` comes with a page's first highlight. */
  'highlights/save': Call<{ draft: HighlightDraft; capture?: PageCapture }, SaveReceipt>;
  /** Edits note, tags or colour. */
  'highlights/update': Call<{ id: string; edit: CardEdit }, Highlight>;
  /** Deletes a highlight and its facts; the reply holds it, for an undo. */
  'highlights/delete': Call<{ id: string }, Highlight>;
  /** Puts a deleted highlight back exactly as it was (undo). */
  'highlights/restore': Call<{ highlight: Highlight }, Highlight>;
  /** The saved highlights of a page (normalised URL). */
  'highlights/for-url': Call<{ url: string }, Highlight[]>;
  /**
   * What re-anchoring found on the page: ids found again and ids that could not be found
   * (flags them), and passages found at other text than their quote (`moved`: marks or
   * forgets a change of their figures since they were saved).
   */
  'highlights/anchored': Call<{ url: string; found: string[]; orphaned: string[]; moved?: MovedPassage[] }, { changed: number }>;
  /** The user's answer to a passage changed since saved: keep the saved text, or take the page's new text (its facts follow). */
  'highlights/resolve-change': Call<{ id: string; choice: ChangeChoice }, Highlight>;
  /** How many facts the user has collected about an entity. */
  'highlights/fact-count': Call<{ entity: EntityId }, number>;
  /** Adds a fact the user states by hand (figure, unit, action, period) to a highlight; answers with the highlight. */
  'facts/add': Call<{ highlightId: string; fact: HandFactInput }, Highlight>;
  /** A later part of the text a page's first highlight began to keep (see PageCapture); `complete` once all came and were stored. */
  'pages/text-part': Call<TextPart, { complete: boolean }>;
  /** Corrects a fact (figure, unit, period …) or records which facts it must not be linked with. */
  'facts/update': Call<{ id: string; edit: FactEdit }, Fact>;
  /** Merges parsed, validated highlights and pages into the store: all of them, or on any error none. */
  /** `restore`: ids of highlights deleted here that the user chose to bring back from the file. */
  'library/import': Call<{ highlights: Highlight[]; pages: StoredPage[]; restore?: string[] }, ImportOutcome>;
  /**
   * Deletes every highlight, fact and page (the settings stay). `takeBackShared`: also take
   * the user's shared highlights back from the team's group (else they stay there).
   */
  'library/delete-all': Call<{ takeBackShared?: boolean }, void>;
  /** Where each highlight stands with the team's group (all ever shared, without `ids`), and the group's name (null: sharing not connected). */
  'sharing/status': Call<{ ids?: string[] }, ShareStatus>;
  /** "Share with <group>": queued and tried at once; answered with where it stands (null: no such highlight). */
  'sharing/share': Call<{ id: string }, ShareState | null>;
  /** "Retry" on a share that failed. */
  'sharing/retry': Call<{ id: string }, ShareState | null>;
  /** The team's highlights on a page (normalised `url`; `uri`: its canonical address), cached for a few minutes unless `refresh`. */
  'sharing/team': Call<{ url: string; uri?: string; refresh?: boolean }, TeamView>;
  /** The whole group's highlights (the library's read-only copies), newest first, cached for a few minutes unless `refresh`. */
  'sharing/group': Call<{ refresh?: boolean }, TeamView>;
};

/** Messages answered by a tab's content script (top frame unless said), sent by the background or the popup. */
export type ToContent = {
  /** The mentions now in the frame asked (the top frame: see ToContent). */
  'mentions/report': Call<Record<never, never>, FrameMentions>;
  /** Scroll to the next mention of `entity` after the one shown last (wrapping round) and flash it. */
  'mentions/reveal': Call<{ entity: EntityId }, MentionRevealed>;
  /** The keyboard command or the context menu asks to highlight the current selection (in the frame that was clicked). */
  'highlights/from-selection': Call<{ via: 'command' | 'context-menu' }, Highlight>;
  /** The saved highlights of the page at `url` (normalised) changed elsewhere; a tab showing it repaints them. */
  'highlights/changed': Call<{ url: string }, void>;
};

/** How a sender treats one message. */
export interface Delivery<Request> {
  request: v.GenericSchema<unknown, Request>;
  /** How long the sender waits for the answer, every retry included. */
  timeoutMs: number;
  /** What the request does, to end "Could not …" in the user's sentence. */
  doing: string;
}

/** How the background's router treats one message, on top of its delivery. */
export interface Route<Request> extends Delivery<Request> {
  /** The contexts that may send it; from any other the router refuses it. */
  from: readonly SenderContext[];
  /**
   * Whether it writes the user's data. Writes from a private window are refused unless
   * the user allowed them in Options (decided once, in the router).
   */
  writes: boolean;
}

export type Routes<M extends CallMap> = { [K in keyof M]: Route<M[K]['request']> };
export type Deliveries<M extends CallMap> = { [K in keyof M]: Delivery<M[K]['request']> };
export type CallMap = { [type: string]: Call<unknown, unknown> };

// Reads answer from memory or one index; writes wait for a transaction. An import of a
// large backup and deleting everything can take long on a slow disk.
const QUICK = 5_000;
const STORE = 15_000;
// A page's first highlight carries the article's text, up to a few megabytes to store.
const SAVE = 30_000;
const BULK = 120_000;

const CONTENT_OR_PAGE = ['content', 'page'] as const;
const PAGE = ['page'] as const;
const CONTENT = ['content'] as const;

export const BACKGROUND_ROUTES = {
  'mentions/changed': { from: CONTENT, writes: false, timeoutMs: QUICK, doing: 'update the toolbar badge', request: s.frameMentions },
  'mentions/of-tab': {
    from: PAGE,
    writes: false,
    timeoutMs: QUICK,
    doing: 'read what this page mentions',
    request: s.v.object({ tabId: s.v.pipe(s.v.number(), s.v.integer()) }),
  },
  // Extension pages save too: tests seed through them, and a fact added by hand will.
  'highlights/save': {
    from: CONTENT_OR_PAGE,
    writes: true,
    timeoutMs: SAVE,
    doing: 'save the highlight',
    request: s.v.object({ draft: s.highlightDraft, capture: s.v.optional(s.pageCapture) }),
  },
  'highlights/update': {
    from: CONTENT_OR_PAGE,
    writes: true,
    timeoutMs: STORE,
    doing: 'change the highlight',
    request: s.v.object({ id: s.v.string(), edit: s.cardEdit }),
  },
  'highlights/delete': {
    from: CONTENT_OR_PAGE,
    writes: true,
    timeoutMs: STORE,
    doing: 'delete the highlight',
    request: s.v.object({ id: s.v.string() }),
  },
  'highlights/restore': {
    from: CONTENT_OR_PAGE,
    writes: true,
    timeoutMs: STORE,
    doing: 'put the highlight back',
    request: s.v.object({ highlight: s.highlight }),
  },
  'highlights/for-url': {
    from: CONTENT_OR_PAGE,
    writes: false,
    timeoutMs: STORE,
    doing: "load this page's highlights",
    request: s.v.object({ url: s.v.string() }),
  },
  // Flags orphans in the store: a write, though no user asked for it.
  'highlights/anchored': {
    from: CONTENT,
    writes: true,
    timeoutMs: STORE,
    doing: 'record which highlights are missing from the page',
    request: s.v.object({
      url: s.v.string(),
      found: s.v.array(s.v.string()),
      orphaned: s.v.array(s.v.string()),
      moved: s.v.optional(s.v.array(s.movedPassage)),
    }),
  },
  'highlights/resolve-change': {
    from: CONTENT_OR_PAGE,
    writes: true,
    timeoutMs: STORE,
    doing: 'decide on the changed passage',
    request: s.v.object({ id: s.v.string(), choice: s.v.picklist(['keep', 'take']) }),
  },
  'highlights/fact-count': {
    from: CONTENT_OR_PAGE,
    writes: false,
    timeoutMs: STORE,
    doing: 'count your facts',
    request: s.v.object({ entity: s.v.pipe(s.v.string(), s.v.minLength(1)) }),
  },
  'facts/add': {
    from: CONTENT_OR_PAGE,
    writes: true,
    timeoutMs: STORE,
    doing: 'add the fact',
    request: s.v.object({ highlightId: s.v.string(), fact: s.handFactInput }),
  },
  'pages/text-part': { from: CONTENT, writes: true, timeoutMs: STORE, doing: "keep the page's text", request: s.textPart },
  'facts/update': { from: PAGE, writes: true, timeoutMs: STORE, doing: 'correct the fact', request: s.v.object({ id: s.v.string(), edit: s.factEdit }) },
  'library/import': {
    from: PAGE,
    writes: true,
    timeoutMs: BULK,
    doing: 'import the file',
    request: s.v.object({ highlights: s.v.array(s.highlight), pages: s.v.array(s.storedPage), restore: s.v.optional(s.v.array(s.v.string())) }),
  },
  'library/delete-all': {
    from: PAGE,
    writes: true,
    timeoutMs: BULK,
    doing: 'delete everything',
    request: s.v.object({ takeBackShared: s.v.optional(s.v.boolean()) }),
  },
  'sharing/status': {
    from: CONTENT_OR_PAGE,
    writes: false,
    timeoutMs: STORE,
    doing: 'read where your highlights stand with your group',
    request: s.v.object({ ids: s.v.optional(s.v.pipe(s.v.array(s.v.pipe(s.v.string(), s.v.maxLength(200))), s.v.maxLength(5_000))) }),
  },
  // Queues a request to the sharing server: refused from a private window under the user's policy.
  'sharing/share': { from: CONTENT_OR_PAGE, writes: true, timeoutMs: STORE, doing: 'share the highlight', request: s.v.object({ id: s.v.string() }) },
  'sharing/retry': { from: CONTENT_OR_PAGE, writes: true, timeoutMs: STORE, doing: 'share the highlight again', request: s.v.object({ id: s.v.string() }) },
  // A page of the group may take a few requests; each is bounded by the client.
  'sharing/team': {
    from: CONTENT_OR_PAGE,
    writes: false,
    timeoutMs: SAVE,
    doing: "read your team's highlights on this page",
    request: s.v.object({
      url: s.v.pipe(s.v.string(), s.v.maxLength(8_000)),
      uri: s.v.optional(s.v.pipe(s.v.string(), s.v.maxLength(8_000))),
      refresh: s.v.optional(s.v.boolean()),
    }),
  },
  'sharing/group': {
    from: PAGE,
    writes: false,
    timeoutMs: BULK,
    doing: "read your group's highlights",
    request: s.v.object({ refresh: s.v.optional(s.v.boolean()) }),
  },
} as const satisfies Routes<ToBackground>;

export const CONTENT_DELIVERIES = {
  'mentions/report': { timeoutMs: QUICK, doing: 'read what this page mentions', request: s.empty },
  'mentions/reveal': {
    timeoutMs: QUICK,
    doing: 'show the mention on the page',
    request: s.v.object({ entity: s.v.pipe(s.v.string(), s.v.minLength(1)) }),
  },
  // The content script answers once the background saved it: the save's own time, and some.
  'highlights/from-selection': {
    timeoutMs: SAVE + QUICK,
    doing: 'highlight the selection',
    request: s.v.object({ via: s.v.picklist(['command', 'context-menu']) }),
  },
  'highlights/changed': { timeoutMs: QUICK, doing: 'repaint the page', request: s.v.object({ url: s.v.string() }) },
} as const satisfies Deliveries<ToContent>;

/** The messages a context may send to the background, derived from who each route admits. */
type SentBy<C extends SenderContext> = {
  [K in keyof ToBackground as C extends (typeof BACKGROUND_ROUTES)[K]['from'][number] ? K : never]: ToBackground[K];
};
/** Content script → background. */
export type ContentToBackground = SentBy<'content'>;
/** Extension page (popup, library, options) → background. */
export type PageToBackground = SentBy<'page'>;

/** A message of type K of a map: its type and its request's fields. */
export type Message<M extends CallMap, K extends keyof M = keyof M> = {
  [T in K]: { type: T } & M[T]['request'];
}[K];
/** What a message of type K is answered with, when it succeeds. */
export type Reply<M extends CallMap, K extends keyof M> = M[K]['reply'];
