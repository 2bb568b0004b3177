/**
 * Campaign facts (pure): figures, dates and periods, the sentences that state them, and
 * the links between facts that say the same thing in different outlets.
 */
export { extractFacts, findFacts, type ExtractOptions, type FactFinding } from './extract';
export { dedupeFacts } from './dedupe';
export { linkAction } from './link-action';
export { createLinker, linkFacts, sameFact, sameQuantity, overlapping, articleOf, describeGroup, headlineFact, type Linker } from './link';
export { yearsOf, sameYear, spanOf, publishedYear } from './fact-years';
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
export { excerptAround } from './excerpt';
export { campaignNames } from './campaigns';
export { rankRelated, type RankedGroup, type ReadingContext, type RelatedReason } from './related';
export { handFact, correctedFields, mergeReextracted, parseHandFigure, CORRECTABLE, type HandFactInput } from './hand-facts';
export { figureChange, changeToDecide, anchoredAt, keepSavedText, takeFoundText, type FigureChange } from './changed';
