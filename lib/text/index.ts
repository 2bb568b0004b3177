export { foldCode, foldLowerCode, foldTables, foldString, foldKeepingLength, isCombiningMark, IGNORABLE, SPACE, HYPHEN, MIDDLE_DOT } from './fold';
export type { FoldTables } from './fold';
export { normalize, toOriginalRange } from './normalize';
export type { NormalizedText, NormalizeOptions } from './normalize';
export { wordCharTable, isWordChar } from './word-chars';
export { hanLeads } from './han-fold';
export { addressEnd, findUrlRanges, schemeStart } from './urls';
export type { TextRanges } from './urls';
