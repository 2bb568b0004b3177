/**
 * One schema (valibot) for what a highlight, fact, page and setting may hold, used by
 * saving, the store, import and export alike; lib/types and lib/settings/types derive
 * their types from it.
 */
export { LIMITS, TERM_LIMITS } from './limits';
export {
  FactEditSchema,
  FactSchema,
  FIGURE_UNITS,
  HIGHLIGHT_COLORS,
  HighlightEditSchema,
  HighlightSchema,
  PageMetaSchema,
  PeriodSchema,
  SCHEMA_VERSION,
  SelectorSchema,
  StoredPageSchema,
  TextPositionSelectorSchema,
  TextQuoteSelectorSchema,
  TombstoneSchema,
} from './highlight';
export {
  EntityIdSchema,
  HexColorSchema,
  HostSchema,
  PrivateWindowPolicySchema,
  SettingsSchema,
  SitePolicySchema,
  UserTermSchema,
} from './settings';
export { capSnapshotText, isPageUrl } from './text';
export { problemOf } from './check';
export { issuePath, issueProblem, mostSpecificIssue } from './issue-message';
export type * from './types';
