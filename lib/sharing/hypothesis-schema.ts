/**
 * The parts of Hypothesis API v1 answers that Qinglang Lens reads, checked at run time
 * before anything is used. Written from the published description (hypothesis/h,
 * docs/_extra/api-reference/hypothesis-v1.yaml and schemas/annotation.yaml, group.yaml,
 * profile.yaml); fields we do not read are allowed through untouched.
 */
import * as v from 'valibot';

const TextQuote = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.string(),
  prefix: v.optional(v.string()),
  suffix: v.optional(v.string()),
});
const TextPosition = v.object({
  type: v.literal('TextPositionSelector'),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
/** Selectors we can anchor; others (Range, Fragment…) are kept out, not refused. */
export const KnownSelector = v.variant('type', [TextQuote, TextPosition]);

export const AnnotationAnswer = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  created: v.string(),
  updated: v.string(),
  user: v.string(),
  uri: v.string(),
  text: v.string(),
  tags: v.array(v.string()),
  group: v.string(),
  permissions: v.record(v.string(), v.unknown()),
  target: v.array(
    v.object({
      source: v.optional(v.string()),
      selector: v.optional(v.array(v.looseObject({ type: v.string() }))),
    }),
  ),
  document: v.optional(v.looseObject({ title: v.optional(v.array(v.string())) })),
  user_info: v.optional(v.looseObject({ display_name: v.optional(v.nullable(v.string())) })),
});
export type AnnotationAnswer = v.InferOutput<typeof AnnotationAnswer>;

export const SearchAnswer = v.object({
  rows: v.array(v.unknown()),
  total: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const GroupAnswer = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  name: v.string(),
  type: v.picklist(['private', 'open', 'restricted']),
});
export const GroupsAnswer = v.array(v.looseObject(GroupAnswer.entries));

export const ProfileAnswer = v.looseObject({
  authority: v.string(),
  userid: v.nullable(v.string()),
});

export const DeleteAnswer = v.object({ deleted: v.literal(true), id: v.string() });
