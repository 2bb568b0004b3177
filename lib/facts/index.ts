/**
 * Campaign facts (pure): figures, dates and periods, the sentences that state them, and
 * the links between facts that say the same thing in different outlets.
 */
export { extractFacts, findFacts, type ExtractOptions, type FactFinding } from './extract';
export { dedupeFacts } from './dedupe';
export { linkFacts, sameFact, sameQuantity, compatibleActions, overlapping } from './link';
export { factsFromCandidate, type FactContext } from './to-facts';
export { splitSentences, type TextSpan } from './sentences';
export { findDates, periodOf, type DateFinding, type DateOptions } from './dates';
export { findQuantities, type Quantity } from './quantities';
export { findFigures, type FigureFinding } from './figures';
export { scaleDecimal, significantDigits, roundSignificant } from './decimal';
export { parseChineseNumeral, parseEnglishNumberWords } from './numerals';
export { ACTIONS, ACTION_TABLE, type Action, type ActionRow } from './action-table';
export type { Qualifier } from './qualifiers';
export type { FactGroup } from './types';
