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
}

const refused = {
  ok: false as const,
  error: { kind: 'invalid' as const, message: 'Only the Qinglang Lens library and options pages may do this.' },
};

/** Wires the library messages to the service, on the background's router. */
export function registerLibraryHandlers<Sender>(
  router: Router<Sender>,
  service: LibraryService,
  { fromExtensionPage }: LibraryHandlerOptions<Sender>,
): void {
  router.on('facts/update', (m, sender) => (fromExtensionPage(sender) ? service.updateFact(m.id, m.edit) : refused));
  router.on('library/import', (m, sender) =>
    fromExtensionPage(sender) ? service.importHighlights(m.highlights, m.pages) : refused,
  );
  router.on('library/delete-all', (_m, sender) => (fromExtensionPage(sender) ? service.deleteAll() : refused));
}
