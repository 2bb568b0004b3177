/**
 * How the extension pages (popup, library, options) ask the background to change the
 * store: every write goes through the service worker, which owns them. The transport is
 * handed in (`browser.runtime.sendMessage`), so this stays browser-free.
 */
import type { CardEdit } from '../highlight-service/messages';
import type { Message, MessageType, Reply, SendMessage } from '../messages';
import type { FactEdit, ImportOutcome, StoredPage, StoreError, StoreResult } from '../store/types';
import type { Fact, Highlight } from '../types';
import '../highlight-service/messages';
import './messages';

/** A store error, or no answer from the background at all. */
export type WriteError = StoreError | { kind: 'unreachable'; message: string };
export type WriteResult<T> = { ok: true; value: T } | { ok: false; error: WriteError };

export interface PageWrites {
  updateHighlight(id: string, edit: CardEdit): Promise<WriteResult<Highlight>>;
  /** Resolves with the deleted highlight, which `restoreHighlight` puts back (undo). */
  deleteHighlight(id: string): Promise<WriteResult<Highlight>>;
  restoreHighlight(highlight: Highlight): Promise<WriteResult<Highlight>>;
  updateFact(id: string, edit: FactEdit): Promise<WriteResult<Fact>>;
  /** `restore`: ids of highlights deleted here that the user chose to bring back from the file. */
  importHighlights(highlights: Highlight[], pages: StoredPage[], restore?: string[]): Promise<WriteResult<ImportOutcome>>;
  deleteAll(): Promise<WriteResult<void>>;
}

const UNREACHABLE =
  'The Qinglang Lens background did not answer, so nothing was changed. Reload the extension (or restart the browser) and try again.';

function isStoreResult(value: unknown): value is StoreResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export function createPageWrites(send: SendMessage): PageWrites {
  const ask = async <T extends MessageType>(message: Message<T>): Promise<WriteResult<Reply<T> extends StoreResult<infer V> ? V : never>> => {
    let reply: unknown;
    try {
      reply = await send(message);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return { ok: false, error: { kind: 'unreachable', message: `${UNREACHABLE} (${reason})` } };
    }
    // No answer: the background has no handler for this message (an old or broken build).
    if (!isStoreResult(reply)) return { ok: false, error: { kind: 'unreachable', message: UNREACHABLE } };
    return reply as never;
  };
  return {
    updateHighlight: (id, edit) => ask({ type: 'highlights/update', id, edit }),
    deleteHighlight: (id) => ask({ type: 'highlights/delete', id }),
    restoreHighlight: (highlight) => ask({ type: 'highlights/restore', highlight }),
    updateFact: (id, edit) => ask({ type: 'facts/update', id, edit }),
    importHighlights: (highlights, pages, restore) => ask({ type: 'library/import', highlights, pages, ...(restore ? { restore } : {}) }),
    deleteAll: () => ask({ type: 'library/delete-all' }),
  };
}
