/**
 * The messages of the library and options pages, added to lib/messages' MessageMap
 * from here. Like the highlight messages, every answer is a store result, so a
 * failure arrives as a value with a sentence for the user.
 */
import type { Fact, Highlight } from '../types';
import type { FactEdit, ImportOutcome, StoredPage, StoreResult } from '../store/types';

declare module '../messages' {
  interface MessageMap {
    /** Corrects a fact (figure, unit, period …) or records which facts it must not be linked with. */
    'facts/update': { request: { id: string; edit: FactEdit }; reply: StoreResult<Fact> };
    /**
     * Merges parsed, validated highlights and pages into the store: all of them, or on any
     * error none. Highlights deleted here after the file was made are left out and listed,
     * unless their ids are in `restore` (the user chose to bring them back).
     */
    'library/import': { request: { highlights: Highlight[]; pages: StoredPage[]; restore?: string[] }; reply: StoreResult<ImportOutcome> };
    /** Deletes every highlight, fact and page (the settings stay). */
    'library/delete-all': { request: Record<never, never>; reply: StoreResult<void> };
  }
}

export {};
