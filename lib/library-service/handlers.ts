import type { Router } from '../messages';
import type { LibraryService } from './service';
import './messages';

export interface LibraryHandlerOptions<Sender> {
  /**
   * Whether a message comes from one of the extension's own pages (the library, the
   * options). Deleting everything and importing are never taken from a content script,
   * which runs beside page code we do not control.
   */
  fromExtensionPage: (sender: Sender) => boolean;
  /**
   * Told after highlights changed: the pages (normalised URLs) an import touched, or
   * 'all' after everything was deleted, so open tabs can repaint.
   */
  changed?: (urls: readonly string[] | 'all') => void;
}

const refused = {
  ok: false as const,
  error: { kind: 'invalid' as const, message: 'Only the Qinglang Lens library and options pages may do this.' },
};

/** Wires the library messages to the service, on the background's router. */
export function registerLibraryHandlers<Sender>(
  router: Router<Sender>,
  service: LibraryService,
  { fromExtensionPage, changed }: LibraryHandlerOptions<Sender>,
): void {
  router.on('facts/update', (m, sender) => (fromExtensionPage(sender) ? service.updateFact(m.id, m.edit) : refused));
  router.on('library/import', async (m, sender) => {
    if (!fromExtensionPage(sender)) return refused;
    const result = await service.importHighlights(m.highlights, m.pages, { restore: m.restore });
    if (result.ok) changed?.([...new Set(m.highlights.map((h) => h.url))]);
    return result;
  });
  router.on('library/delete-all', async (_m, sender) => {
    if (!fromExtensionPage(sender)) return refused;
    const result = await service.deleteAll();
    if (result.ok) changed?.('all');
    return result;
  });
}
