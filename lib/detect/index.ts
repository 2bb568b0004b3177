/**
 * Detection: every mention of the watched entities in a text, as offsets into that
 * text (★ contract: DESIGN.md). The content script, the scan command and the facts
 * extractor all call `detect`.
 */
import type { EntityId, Mention } from '../types';
import { compileMatcher, type EntityInfo, type Matcher } from './compile-matcher';
import { PageContext } from './page-context';
import { DetectRun, type DetectOptions } from './detect-run';
import { scanText } from './scan';

export { compileMatcher } from './compile-matcher';
export type { EntityInfo, Matcher, MatcherOptions, SkippedTerm } from './compile-matcher';
export { USER_COLORS } from './user-terms';
export type { UserTerms } from './user-terms';
export { PageContext } from './page-context';
export type { Definition } from './page-context';
export { describe as describeDecision } from './detect-run';
export type { DetectOptions, Explanation } from './detect-run';
export { lastBlockOf } from './senses';
export type { Decision, Tier } from './senses';

let builtin: Matcher | undefined;

/** The matcher for the seven built-in entities, compiled once. */
export function defaultMatcher(): Matcher {
  builtin ??= compileMatcher();
  return builtin;
}

/**
 * The mentions in `text`, in order: leftmost first, the longest form at each place,
 * never overlapping, none inside a web address. `text === source.slice(start, end)`.
 * Ambiguous words (快手, 清朗, bare CAC) are decided by their block, the block before it
 * (`options.before` for the first block of the text) and the page's record (`options.page`).
 */
export function detect(text: string, matcher: Matcher = defaultMatcher(), options: DetectOptions = {}): Mention[] {
  return scanText(text, matcher.tables, new DetectRun(text, options));
}

/**
 * A whole page or file at once, as the scan command reads one: a first reading teaches
 * the page's record what the page defines and names, the second decides every
 * ambiguous word with all of it.
 */
export function detectPage(text: string, matcher: Matcher = defaultMatcher(), options: Omit<DetectOptions, 'page' | 'before'> = {}): Mention[] {
  const page = new PageContext();
  detect(text, matcher, { page });
  return detect(text, matcher, { ...options, page });
}

/** Label, description and colour of an entity, for marks and hover cards; user ids need their matcher. */
export function entityInfo(id: EntityId, matcher: Matcher = defaultMatcher()): EntityInfo | undefined {
  return matcher.entities.find((e) => e.id === id) ?? defaultMatcher().entities.find((e) => e.id === id);
}
