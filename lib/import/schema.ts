import * as v from 'valibot';
import type { FigureUnit } from '../types';
import { HIGHLIGHT_COLORS } from '../types';
import { LIMITS } from './limits';

/*
 * The shapes an import accepts, as valibot schemas: they are plain data checked by
 * plain functions, so validation compiles no code at run time (the MV3 content
 * security policy forbids the `new Function` that ajv relies on). `v.object` keeps
 * only the keys it declares, so anything else in a file never reaches the store.
 */

const FIGURE_UNITS = ['accounts', 'posts', 'people', 'clues', 'days', 'platforms', 'cases', 'items'] as const;
// Fails to compile if lib/types.ts gains a unit this list lacks.
const everyUnitListed: Exclude<FigureUnit, (typeof FIGURE_UNITS)[number]> extends never ? true : false = true;
void everyUnitListed;

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
const isoDay = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD'));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

export const PageMetaSchema = v.object({
  url: urlText,
  title: shortText,
  site: v.optional(shortText),
  author: v.optional(shortText),
  published: v.optional(v.pipe(v.string(), v.maxLength(64))),
  canonical: v.optional(urlText),
});

export const FactSchema = v.object({
  id: label,
  highlightId: label,
  text: longText,
  value: v.pipe(v.number(), v.finite()),
  unit: v.optional(v.picklist(FIGURE_UNITS)),
  qualifier: v.optional(label),
  action: v.optional(label),
  figureText: label,
  date: v.optional(isoDay),
  period: v.optional(v.object({ from: v.optional(isoDay), to: v.optional(isoDay) })),
  entities: list(label),
  source: PageMetaSchema,
  unlinked: v.optional(v.pipe(v.array(label), v.maxLength(LIMITS.maxItems))),
  origin: v.optional(v.picklist(['hand'])),
  corrected: v.optional(v.pipe(v.array(label), v.maxLength(32))),
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
  body: v.optional(oneOrMany(v.union([longText, BodyObjectSchema]))),
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

export const PageListSchema = v.pipe(v.array(PageMetaSchema), v.maxLength(LIMITS.maxItems));
