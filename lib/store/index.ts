export { openStore, DEFAULT_DB_NAME } from './open-store';
export { OPEN_TIMEOUT_MS } from './connection';
export { ensurePersisted, type StorageManagerLike, type StorageState } from './persistence';
export { shareOpen, storeRunner, type StoreSource, type WithStore } from './store-source';
export { DB_VERSION, UPGRADE_STEPS } from './migrations';
export { DEFAULT_SETTINGS } from './settings';
export type { Settings, SitePolicy } from './settings';
export type {
  DeletedHere,
  EntityCounts,
  FactEdit,
  HighlightEdit,
  ImportCounts,
  ImportOptions,
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
