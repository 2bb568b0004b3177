import * as v from 'valibot';
import { FactSchema as StoredFactSchema, HIGHLIGHT_COLORS, PageMetaSchema as StoredPageMetaSchema } from '../schema/highlight';
import { LIMITS } from '../schema/limits';

/*
 * The shapes an import file may have (ours, other W3C tools', Hypothesis'), with the
 * same limits as saving (lib/schema/limits); what is built from them is then checked
 * against the store's own schema (lib/schema) before it is offered to the store.
 * Valibot schemas are plain data checked by
 * plain functions, so validation compiles no code at run time (the MV3 content
 * security policy forbids the `new Function` that ajv relies on). `v.object` keeps
 * only the keys it declares, so anything else in a file never reaches the store.
 */

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const longText = text(LIMITS.longText);
const shortText = text(LIMITS.shortText);
const label = text(LIMITS.label);
const urlText = text(LIMITS.url);
const list = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(LIMITS.listItems));
// The list first: valibot takes an array for an object whose keys are all optional.
const oneOrMany = <T extends v.GenericSchema>(item: T) => v.union([list(item), item]);

const dateTime = v.pipe(
  v.string(),
  v.maxLength(64),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'a date and time'),
);
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

/*
 * A page and a fact as the store's schema has them (lib/schema), except where a file
 * writes them otherwise: addresses and ids as other tools write them (made ours, then
 * checked against lib/schema, after parsing) and times as ISO dates. Derived, so a field
 * or limit added to the store reaches the import without being restated here.
 */
export const PageMetaSchema = v.object({
  ...StoredPageMetaSchema.entries,
  url: urlText,
  canonical: v.optional(urlText),
});

export const FactSchema = v.object({
  ...v.omit(StoredFactSchema, ['id', 'highlightId', 'source', 'created']).entries,
  id: label,
  highlightId: label,
  source: PageMetaSchema,
  created: dateTime,
});

export const SelectorSchema = v.pipe(
  v.object({
    type: label,
    exact: v.optional(longText),
    prefix: v.optional(longText),
    suffix: v.optional(longText),
    start: v.optional(offset),
    end: v.optional(offset),
  }),
  v.check(
    (s) => s.type !== 'TextQuoteSelector' || s.exact !== undefined,
    'a TextQuoteSelector with its quoted text (“exact”)',
  ),
  v.check(
    (s) =>
      s.type !== 'TextPositionSelector' || (s.start !== undefined && s.end !== undefined && s.end >= s.start),
    'a TextPositionSelector with a start and an end not before it',
  ),
);

const TargetObjectSchema = v.object({
  id: v.optional(urlText),
  source: v.optional(urlText),
  selector: v.optional(oneOrMany(SelectorSchema)),
});

// A note and up to the most tags a highlight may have: one body each.
const bodies = <T extends v.GenericSchema>(item: T) => v.union([v.pipe(v.array(item), v.maxLength(LIMITS.listItems + 1)), item]);

const BodyObjectSchema = v.object({
  type: v.optional(oneOrMany(label)),
  value: v.optional(longText),
  purpose: v.optional(oneOrMany(label)),
});

/** A W3C Web Annotation, ours or another tool's (Hypothesis API fields included). */
export const AnnotationSchema = v.object({
  id: v.optional(urlText),
  type: v.optional(oneOrMany(label)),
  created: v.optional(dateTime),
  modified: v.optional(dateTime),
  body: v.optional(bodies(v.union([longText, BodyObjectSchema]))),
  bodyValue: v.optional(longText),
  target: oneOrMany(v.union([urlText, TargetObjectSchema])),
  // Hypothesis API: note, tags, page address, last edit and page title.
  text: v.optional(longText),
  tags: v.optional(list(label)),
  uri: v.optional(urlText),
  updated: v.optional(dateTime),
  document: v.optional(v.object({ title: v.optional(oneOrMany(shortText)) })),
  // Our own fields.
  'ql:schemaVersion': v.optional(v.number()),
  'ql:color': v.optional(v.picklist(HIGHLIGHT_COLORS)),
  'ql:entities': v.optional(list(label)),
  'ql:facts': v.optional(list(FactSchema)),
  'ql:orphaned': v.optional(v.boolean()),
  'ql:page': v.optional(PageMetaSchema),
});

export type AnnotationInput = v.InferOutput<typeof AnnotationSchema>;
export type SelectorInput = v.InferOutput<typeof SelectorSchema>;
export type FactInput = v.InferOutput<typeof FactSchema>;
export type PageMetaInput = v.InferOutput<typeof PageMetaSchema>;

/** A page of our collection's `ql:pages`, with the text kept of it (lib/export/vocabulary ExportedPage). */
export const StoredPageInputSchema = v.object({
  ...PageMetaSchema.entries,
  text: v.optional(text(LIMITS.snapshot)),
  captured: v.optional(dateTime),
});
export type StoredPageInput = v.InferOutput<typeof StoredPageInputSchema>;

export const PageListSchema = v.pipe(v.array(StoredPageInputSchema), v.maxLength(LIMITS.maxItems));
