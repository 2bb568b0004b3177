/**
 * How the extension pages (popup, library, options) ask the background to change the
 * store: every write goes through the service worker, which owns them, by the page's
 * one sender (deadline, retry, a Result with a sentence for the user).
 */
import type { PageToBackground, Result, Sender } from '../messages';
import type { CardEdit, ChangeChoice } from '../highlight-service/types';
import type { HandFactInput } from '../facts/hand-facts';
import type { FactEdit, ImportOutcome, StoredPage } from '../store/types';
import type { Fact, Highlight } from '../types';

export interface PageWrites {
  updateHighlight(id: string, edit: CardEdit): Promise<Result<Highlight>>;
  /** Resolves with the deleted highlight, which `restoreHighlight` puts back (undo). */
  deleteHighlight(id: string): Promise<Result<Highlight>>;
  restoreHighlight(highlight: Highlight): Promise<Result<Highlight>>;
  updateFact(id: string, edit: FactEdit): Promise<Result<Fact>>;
  /** The user's answer to a passage changed since saved: keep the saved text, or take the page's new text. */
  resolveChange(id: string, choice: ChangeChoice): Promise<Result<Highlight>>;
  /** Adds a fact by hand to highlight `id`; answers with the highlight. */
  addFact(id: string, fact: HandFactInput): Promise<Result<Highlight>>;
  /** `restore`: ids of highlights deleted here that the user chose to bring back from the file. */
  importHighlights(highlights: Highlight[], pages: StoredPage[], restore?: string[]): Promise<Result<ImportOutcome>>;
  /** `takeBackShared`: also take the user's shared highlights back from the team's group. */
  deleteAll(options?: { takeBackShared?: boolean }): Promise<Result<void>>;
}

export function createPageWrites(sender: Sender<PageToBackground>): PageWrites {
  return {
    updateHighlight: (id, edit) => sender.send({ type: 'highlights/update', id, edit }),
    deleteHighlight: (id) => sender.send({ type: 'highlights/delete', id }),
    restoreHighlight: (highlight) => sender.send({ type: 'highlights/restore', highlight }),
    updateFact: (id, edit) => sender.send({ type: 'facts/update', id, edit }),
    resolveChange: (id, choice) => sender.send({ type: 'highlights/resolve-change', id, choice }),
    addFact: (highlightId, fact) => sender.send({ type: 'facts/add', highlightId, fact }),
    importHighlights: (highlights, pages, restore) => sender.send({ type: 'library/import', highlights, pages, ...(restore ? { restore } : {}) }),
    deleteAll: ({ takeBackShared } = {}) => sender.send({ type: 'library/delete-all', ...(takeBackShared ? { takeBackShared } : {}) }),
  };
}
