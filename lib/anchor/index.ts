export { anchor } from './anchor';
export { describe, CONTEXT_LENGTH } from './describe';
export type { AnchorMethod, AnchorResult } from './types';
