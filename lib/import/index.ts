export { parseImport, type ImportFormat, type ImportOptions, type ImportResult } from './parse-import';
export { planMerge, passageKey, type ExistingHighlight, type MergePlan } from './plan-merge';
export { classifyUrl, safeHttpUrl, type UrlKind } from './safe-url';
export { LIMITS as IMPORT_LIMITS } from './limits';
export type { ImportError, ImportErrorCode, ImportWarning, ImportWarningCode } from './notices';
