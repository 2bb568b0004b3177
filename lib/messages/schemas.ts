/**
 * What a message may carry, as valibot schemas: messages come from other contexts,
 * and a content script runs next to page code we do not control, so every request is
 * checked before a handler sees it. Each schema is typed by the shape it admits
 * (`v.GenericSchema<unknown, T>`), so a schema and its TypeScript type cannot drift.
 *
 * Kept to what the messages need; issue 9's shared lib/schema (highlight, fact, page,
 * settings) is meant to replace the record schemas here once it lands.
 */
import * as v from 'valibot';
import { HIGHLIGHT_COLORS, type Fact, type FigureUnit, type Highlight, type PageMeta, type Selector } from '../types';
import type { CardEdit, HighlightDraft, PageCapture } from '../highlight-service/types';
import type { FactEdit, StoredPage } from '../store/types';
import type { PageMentions } from './types';

const FIGURE_UNITS = ['accounts', 'posts', 'people', 'clues', 'days', 'platforms', 'cases', 'items'] as const satisfies readonly FigureUnit[];
// Fails to compile if lib/types.ts gains a unit this list lacks.
const everyUnitListed: Exclude<FigureUnit, (typeof FIGURE_UNITS)[number]> extends never ? true : false = true;
void everyUnitListed;

const text = v.string();
const filled = v.pipe(v.string(), v.minLength(1, 'text that is not empty'));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const strings = v.array(text);

export const pageMeta: v.GenericSchema<unknown, PageMeta> = v.object({
  url: filled,
  title: text,
  site: v.optional(text),
  author: v.optional(text),
  published: v.optional(text),
  canonical: v.optional(text),
});

export const selector: v.GenericSchema<unknown, Selector> = v.variant('type', [
  v.object({ type: v.literal('TextQuoteSelector'), exact: filled, prefix: v.optional(text), suffix: v.optional(text) }),
  v.pipe(
    v.object({ type: v.literal('TextPositionSelector'), start: count, end: count }),
    v.check((s) => s.end > s.start, 'a span of at least one character (end after start)'),
  ),
]);

const selectors = v.pipe(
  v.array(selector),
  v.check((list) => list.some((s) => s.type === 'TextQuoteSelector'), 'a list with a TextQuoteSelector, or the passage could never be found again'),
);

const color = v.picklist(HIGHLIGHT_COLORS);

export const highlightDraft: v.GenericSchema<unknown, HighlightDraft> = v.object({
  id: filled,
  page: pageMeta,
  selectors,
  quote: v.pipe(v.string(), v.check((q) => q.trim() !== '', 'some text')),
  note: text,
  tags: strings,
  color,
  created: time,
});

export const pageCapture: v.GenericSchema<unknown, PageCapture> = v.object({ meta: pageMeta, text, captured: time });

/** Only the fields a card may change: any other key is refused, never stored. */
export const cardEdit: v.GenericSchema<unknown, CardEdit> = v.strictObject({
  note: v.optional(text),
  tags: v.optional(strings),
  color: v.optional(color),
});

const isoDay = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD'));
const period = v.object({ from: v.optional(isoDay), to: v.optional(isoDay) });

export const factEdit: v.GenericSchema<unknown, FactEdit> = v.strictObject({
  text: v.optional(text),
  value: v.optional(v.pipe(v.number(), v.finite())),
  unit: v.optional(v.picklist(FIGURE_UNITS)),
  qualifier: v.optional(text),
  action: v.optional(text),
  figureText: v.optional(text),
  date: v.optional(isoDay),
  period: v.optional(period),
  entities: v.optional(strings),
  unlinked: v.optional(strings),
});

export const fact: v.GenericSchema<unknown, Fact> = v.object({
  id: filled,
  highlightId: filled,
  text,
  value: v.pipe(v.number(), v.finite()),
  unit: v.optional(v.picklist(FIGURE_UNITS)),
  qualifier: v.optional(text),
  action: v.optional(text),
  figureText: text,
  date: v.optional(isoDay),
  period: v.optional(period),
  entities: strings,
  source: pageMeta,
  unlinked: v.optional(strings),
  created: time,
});

/** A whole highlight, as a delete handed it back for an undo, or as an import parsed it. */
export const highlight: v.GenericSchema<unknown, Highlight> = v.object({
  schemaVersion: v.literal(1),
  id: filled,
  url: filled,
  page: pageMeta,
  selectors,
  quote: text,
  note: text,
  tags: strings,
  color,
  entities: strings,
  facts: v.array(fact),
  orphaned: v.optional(v.boolean()),
  created: time,
  updated: time,
});

export const storedPage: v.GenericSchema<unknown, StoredPage> = v.object({
  url: filled,
  title: text,
  site: v.optional(text),
  author: v.optional(text),
  published: v.optional(text),
  canonical: v.optional(text),
  text: v.optional(text),
  captured: v.optional(time),
});

export const pageMentions: v.GenericSchema<unknown, PageMentions> = v.object({
  url: text,
  total: count,
  byEntity: v.record(v.string(), count),
});

/** A request that carries nothing but its type. */
export const empty: v.GenericSchema<unknown, Record<never, never>> = v.object({});

export { v };
