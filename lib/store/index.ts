export { openStore, DEFAULT_DB_NAME } from './open-store';
export { DB_VERSION, UPGRADE_STEPS } from './migrations';
export { DEFAULT_SETTINGS } from './settings';
export type { Settings, SitePolicy } from './settings';
export type {
  EntityCounts,
  FactEdit,
  HighlightEdit,
  ImportCounts,
  ImportOutcome,
  LensStore,
  ListCursor,
  ListQuery,
  Listing,
  SaveOutcome,
  Saved,
  StoredPage,
  StoreError,
  StoreErrorKind,
  StoreOptions,
  StoreResult,
} from './types';
