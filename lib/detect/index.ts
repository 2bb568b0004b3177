/**
 * Detection: every mention of the watched entities in a text, as offsets into that
 * text (★ contract: DESIGN.md). The content script, the scan command and the facts
 * extractor all call `detect`.
 */
import type { EntityId, Mention } from '../types';
import { compileMatcher, type EntityInfo, type Matcher } from './compile-matcher';
import { scanText } from './scan';

export { compileMatcher } from './compile-matcher';
export type { EntityInfo, Matcher, MatcherOptions, SkippedTerm } from './compile-matcher';
export { USER_COLORS } from './user-terms';
export type { UserTerms } from './user-terms';

let builtin: Matcher | undefined;

/** The matcher for the seven built-in entities, compiled once. */
export function defaultMatcher(): Matcher {
  builtin ??= compileMatcher();
  return builtin;
}

/**
 * The mentions in `text`, in order: leftmost first, the longest form at each place,
 * never overlapping, none inside a web address. `text === source.slice(start, end)`.
 */
export function detect(text: string, matcher: Matcher = defaultMatcher()): Mention[] {
  return scanText(text, matcher.tables);
}

/** Label, description and colour of an entity, for marks and hover cards; user ids need their matcher. */
export function entityInfo(id: EntityId, matcher: Matcher = defaultMatcher()): EntityInfo | undefined {
  return matcher.entities.find((e) => e.id === id) ?? defaultMatcher().entities.find((e) => e.id === id);
}
