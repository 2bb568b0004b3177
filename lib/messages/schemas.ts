/**
 * What a message may carry, as valibot schemas: messages come from other contexts,
 * and a content script runs next to page code we do not control, so every request is
 * checked before a handler sees it. The records (highlight, fact, page) are the one
 * schema of lib/schema, with the same limits as the store and the import; the shapes
 * only messages carry (a draft, a card's edit) are picked from it. Each is typed by the
 * shape it admits (`v.GenericSchema<unknown, T>`), so a schema and its type cannot drift.
 */
import * as v from 'valibot';
import {
  FactEditSchema,
  FactSchema,
  HighlightFieldsSchema,
  HighlightSchema,
  PageMetaSchema,
  SelectorSchema,
  StoredPageSchema,
} from '../schema/highlight';
import { LIMITS } from '../schema/limits';
import type { Fact, Highlight, PageMeta, Selector } from '../types';
import { CAPTURE_PART_CHARS, type CardEdit, type HighlightDraft, type MovedPassage, type PageCapture, type TextPart } from '../highlight-service/types';
import type { HandFactInput } from '../facts/hand-facts';
import type { FactEdit, StoredPage } from '../store/types';
import type { FrameMentions } from './types';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const pageMeta: v.GenericSchema<unknown, PageMeta> = PageMetaSchema;
export const selector: v.GenericSchema<unknown, Selector> = SelectorSchema;

export const highlightDraft: v.GenericSchema<unknown, HighlightDraft> = v.object({
  ...v.pick(HighlightFieldsSchema, ['id', 'page', 'note', 'tags', 'color', 'created']).entries,
  selectors: v.pipe(
    HighlightFieldsSchema.entries.selectors,
    v.check((list) => list.some((s) => s.type === 'TextQuoteSelector'), 'a list with a TextQuoteSelector, or the passage could never be found again'),
  ),
  quote: v.pipe(HighlightFieldsSchema.entries.quote, v.check((q) => q.trim() !== '', 'some text')),
});

const captureLength = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.snapshot));

export const pageCapture: v.GenericSchema<unknown, PageCapture> = v.object({
  meta: PageMetaSchema,
  length: v.optional(captureLength),
  ...v.required(v.pick(StoredPageSchema, ['text', 'captured'])).entries,
});

export const textPart: v.GenericSchema<unknown, TextPart> = v.object({
  url: PageMetaSchema.entries.url,
  offset: captureLength,
  length: captureLength,
  ...v.required(v.pick(StoredPageSchema, ['captured'])).entries,
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(CAPTURE_PART_CHARS)),
});

/** Only the fields a card may change: any other key is refused, never stored. */
export const cardEdit: v.GenericSchema<unknown, CardEdit> = v.strictObject(v.partial(v.pick(HighlightFieldsSchema, ['note', 'tags', 'color'])).entries);

export const factEdit: v.GenericSchema<unknown, FactEdit> = FactEditSchema;

/** A fact the user states by hand: a figure, and what else they give of the stored fact's fields; nothing more. */
export const handFactInput: v.GenericSchema<unknown, HandFactInput> = v.strictObject({
  ...v.pick(FactSchema, ['value']).entries,
  ...v.partial(v.pick(FactSchema, ['figureText', 'unit', 'action', 'qualifier', 'period'])).entries,
});

/** A passage re-anchoring found at other text (the text is the page's, as long as a quote may be). */
export const movedPassage: v.GenericSchema<unknown, MovedPassage> = v.object({ id: v.string(), text: HighlightFieldsSchema.entries.quote });
export const fact: v.GenericSchema<unknown, Fact> = FactSchema;
export const highlight: v.GenericSchema<unknown, Highlight> = HighlightSchema;
export const storedPage: v.GenericSchema<unknown, StoredPage> = StoredPageSchema;

export const frameMentions: v.GenericSchema<unknown, FrameMentions> = v.object({
  url: v.string(),
  total: count,
  byEntity: v.record(v.string(), count),
  pageLoad: v.optional(v.pipe(v.number(), v.finite())),
});

/** A request that carries nothing but its type. */
export const empty: v.GenericSchema<unknown, Record<never, never>> = v.object({});

export { v };
