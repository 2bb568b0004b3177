export { anchor } from './anchor';
export { describe, describeWithin, CONTEXT_LENGTH, type SliceableText } from './describe';
export type { AnchorMethod, AnchorResult } from './types';
