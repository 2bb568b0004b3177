import type { Router, ToBackground } from '../messages';
import type { LibraryService } from './service';

export interface LibraryHandlerOptions {
  /**
   * Told after highlights changed: the pages (normalised URLs) an import touched, or
   * 'all' after everything was deleted, so open tabs can repaint.
   */
  changed?: (urls: readonly string[] | 'all') => void;
  /** Told the ids of highlights an import or a fact correction wrote, so sharing can follow them. */
  rewritten?: (ids: readonly string[]) => void;
  /** Told after everything was deleted, with the user's choice about their shared highlights. */
  deletedAll?: (takeBackShared: boolean) => void;
}

/**
 * Wires the library messages to the service, on the background's router. That only
 * the extension's own pages send them (never a content script, which runs beside page
 * code we do not control) is the router's decision, from the catalogue.
 */
export function registerLibraryHandlers<Sender>(
  router: Router<ToBackground, Sender>,
  service: LibraryService,
  { changed, rewritten, deletedAll }: LibraryHandlerOptions = {},
): void {
  router.on('facts/update', async (m) => {
    const result = await service.updateFact(m.id, m.edit);
    if (result.ok) rewritten?.([result.value.highlightId]);
    return result;
  });
  router.on('library/import', async (m) => {
    const result = await service.importHighlights(m.highlights, m.pages, { restore: m.restore });
    if (result.ok) {
      changed?.([...new Set(m.highlights.map((h) => h.url))]);
      if (result.value.written.length > 0) rewritten?.(result.value.written);
    }
    return result;
  });
  router.on('library/delete-all', async (m) => {
    const result = await service.deleteAll();
    if (result.ok) {
      changed?.('all');
      deletedAll?.(m.takeBackShared === true);
    }
    return result;
  });
}
