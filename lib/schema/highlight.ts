import * as v from 'valibot';
import { LIMITS } from './limits';
import { idText, isoDay, label, list, longText, offset, pageUrl, shortText, tagText, text, time, webUrl } from './text';

/*
 * What a highlight, its facts and its page may hold: the one declaration of these
 * shapes. lib/types.ts derives its types from here, the store checks every write
 * against these schemas, and an import checks what it built against them too, so a
 * file can never hold what could not have been saved (nor the reverse).
 */

/** The version of the record shape (lib/types' Highlight), written into every export. */
export const SCHEMA_VERSION = 1 as const;

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** What a figure counts. */
export const FIGURE_UNITS = ['accounts', 'posts', 'people', 'clues', 'days', 'platforms', 'cases', 'items'] as const;

/** W3C Web Annotation TextQuoteSelector: the quoted text with some context on either side. */
export const TextQuoteSelectorSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(longText, v.minLength(1)),
  prefix: v.optional(longText),
  suffix: v.optional(longText),
});

/** W3C Web Annotation TextPositionSelector: UTF-16 offsets into the page's text. */
export const TextPositionSelectorSchema = v.pipe(
  v.object({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
  v.check((s) => s.end >= s.start, 'a TextPositionSelector with an end not before its start'),
);

export const SelectorSchema = v.variant('type', [TextQuoteSelectorSchema, TextPositionSelectorSchema]);

/** What a researcher needs to cite a page and find it again. */
export const PageMetaSchema = v.object({
  /** Normalised URL (lib/url): no tracking parameters, no fragment unless it is a route. The store's key for a page. */
  url: pageUrl,
  title: shortText,
  /** Outlet / site name. */
  site: v.optional(shortText),
  author: v.optional(shortText),
  /** Publication date (ISO date or date-time) from the page's metadata. */
  published: v.optional(text(LIMITS.dateText)),
  canonical: v.optional(webUrl),
});

/** A page as the store keeps it: its metadata, and its text when it was first highlighted. */
export const StoredPageSchema = v.object({
  ...PageMetaSchema.entries,
  /** The article's text when the page was first highlighted (capped: LIMITS.snapshot); kept once, never overwritten. */
  text: v.optional(text(LIMITS.snapshot)),
  /** When `text` was captured (ms since epoch). */
  captured: v.optional(time),
});

/** ISO dates (YYYY-MM-DD); either end may be open. */
export const PeriodSchema = v.object({ from: v.optional(isoDay), to: v.optional(isoDay) });

/** A campaign figure tied to a highlight, with its source. */
export const FactSchema = v.object({
  id: idText,
  highlightId: idText,
  /** The sentence it comes from. */
  text: longText,
  /** Plain number, exact to the digits written (141.09萬 → 1410900). */
  value: v.pipe(v.number(), v.finite()),
  unit: v.optional(v.picklist(FIGURE_UNITS)),
  /** Normalised qualifier: 'more than' | 'nearly' | 'around' | 'at least' | … */
  qualifier: v.optional(label),
  /** Normalised action verb: 'closed' | 'removed' | 'banned' | 'summoned' | … */
  action: v.optional(label),
  /** The figure as written ("6.66萬"). */
  figureText: label,
  date: v.optional(isoDay),
  period: v.optional(PeriodSchema),
  entities: list(label),
  source: PageMetaSchema,
  /** Facts the user unlinked from this one by hand (ids). */
  unlinked: v.optional(list(idText, LIMITS.maxItems)),
  /** 'hand' when the user added the fact; absent for facts extracted from the quote. */
  origin: v.optional(v.literal('hand')),
  /** The fields the user corrected by hand (value, unit, action, …): re-extraction keeps them. */
  corrected: v.optional(list(label)),
  /** ms since epoch */
  created: time,
});

const firstQuote = (selectors: readonly v.InferOutput<typeof SelectorSchema>[]) =>
  selectors.find((s): s is v.InferOutput<typeof TextQuoteSelectorSchema> => s.type === 'TextQuoteSelector');

/** The fields of a highlight (HighlightSchema adds the checks across fields). */
export const HighlightFieldsSchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  /** Client-generated (crypto.randomUUID), so a retried save is never saved twice. */
  id: idText,
  /** Normalised page URL (see PageMeta.url). */
  url: pageUrl,
  page: PageMetaSchema,
  selectors: list(SelectorSchema),
  /** The quoted text, as selected: the first TextQuoteSelector's `exact`. */
  quote: v.pipe(longText, v.minLength(1)),
  note: longText,
  tags: list(tagText),
  color: v.picklist(HIGHLIGHT_COLORS),
  /** Entities the quote mentions. */
  entities: list(label),
  /** Facts extracted from the quote when it was saved. */
  facts: list(FactSchema),
  /** Set when re-anchoring could not find the quote on the page any more. */
  orphaned: v.optional(v.boolean()),
  /**
   * Set when re-anchoring found the passage only approximately and its figures differ
   * from those saved ("67,000" became "66,600"): the text found, and the figures as
   * written before and now. Taking the new text removes it; keeping the saved text
   * marks it `kept`, so the same change is not raised again on the next visit (a further
   * change is).
   */
  changed: v.optional(v.object({ text: longText, was: list(label), now: list(label), kept: v.optional(v.literal(true)) })),
  /** ms since epoch */
  created: time,
  updated: time,
});

/** A passage the user saved. */
export const HighlightSchema = v.pipe(
  HighlightFieldsSchema,
  // An export carries the quote as its TextQuoteSelector; the two must agree for an import to give it back.
  v.check((h) => firstQuote(h.selectors)?.exact === h.quote, 'a highlight whose first TextQuoteSelector quotes its text'),
  v.check((h) => new Set(h.tags).size === h.tags.length, 'a highlight with each tag once'),
  // Facts travel inside their highlight: each must name it, and appear once (the store's facts are keyed by id).
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const h = dataset.value;
    const seen = new Set<string>();
    for (const f of h.facts) {
      if (f.highlightId !== h.id) return addIssue({ message: `a highlight whose facts are its own (fact “${f.id}” belongs to highlight “${f.highlightId}”)` });
      if (seen.has(f.id)) return addIssue({ message: `a highlight with each fact once (fact “${f.id}” is listed twice)` });
      seen.add(f.id);
    }
  }),
);

/** A delete the store remembers, so that no older copy of the highlight brings it back. */
export const TombstoneSchema = v.object({
  id: idText,
  /** When it was deleted (ms since epoch). */
  deleted: time,
});

const HIGHLIGHT_EDIT_KEYS = ['note', 'tags', 'color', 'orphaned'] as const;
const FACT_EDIT_KEYS = ['text', 'value', 'unit', 'qualifier', 'action', 'figureText', 'date', 'period', 'entities', 'unlinked', 'corrected'] as const;

/** What the user can change about a highlight (`orphaned` is set by re-anchoring). Nothing else is accepted. */
export const HighlightEditSchema = v.pipe(
  v.strictObject(v.partial(v.pick(HighlightFieldsSchema, HIGHLIGHT_EDIT_KEYS)).entries),
  v.check((e) => e.tags === undefined || new Set(e.tags).size === e.tags.length, 'tags, each once'),
);

/** Corrections the user can make to a fact. Nothing else is accepted. */
export const FactEditSchema = v.strictObject(v.partial(v.pick(FactSchema, FACT_EDIT_KEYS)).entries);
