import type { Router, ToBackground } from '../messages';
import type { LibraryService } from './service';

export interface LibraryHandlerOptions {
  /**
   * Told after highlights changed: the pages (normalised URLs) an import touched, or
   * 'all' after everything was deleted, so open tabs can repaint.
   */
  changed?: (urls: readonly string[] | 'all') => void;
}

/**
 * Wires the library messages to the service, on the background's router. That only
 * the extension's own pages send them (never a content script, which runs beside page
 * code we do not control) is the router's decision, from the catalogue.
 */
export function registerLibraryHandlers<Sender>(
  router: Router<ToBackground, Sender>,
  service: LibraryService,
  { changed }: LibraryHandlerOptions = {},
): void {
  router.on('facts/update', (m) => service.updateFact(m.id, m.edit));
  router.on('library/import', async (m) => {
    const result = await service.importHighlights(m.highlights, m.pages, { restore: m.restore });
    if (result.ok) changed?.([...new Set(m.highlights.map((h) => h.url))]);
    return result;
  });
  router.on('library/delete-all', async () => {
    const result = await service.deleteAll();
    if (result.ok) changed?.('all');
    return result;
  });
}
