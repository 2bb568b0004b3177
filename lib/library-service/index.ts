export { createLibraryService, type LibraryService, type LibraryStoreSource } from './service';
export { registerLibraryHandlers, type LibraryHandlerOptions } from './handlers';
export { createPageWrites, type PageWrites } from './client';
