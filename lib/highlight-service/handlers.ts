import type { Router, ToBackground } from '../messages';
import type { StoreResult } from '../store/types';
import type { HighlightService } from './service';

export interface HighlightHandlerOptions<Sender> {
  /**
   * Told after a highlight of the page at `url` was saved, changed, deleted or put back,
   * so other views of that page can repaint. Only after the write succeeded.
   */
  changed?: (url: string, sender: Sender) => void;
}

/**
 * Wires the highlight messages to the service, on the background's router. Who may
 * send them, and whether a private window may write, the router has decided already.
 */
export function registerHighlightHandlers<Sender>(
  router: Router<ToBackground, Sender>,
  service: HighlightService,
  { changed }: HighlightHandlerOptions<Sender> = {},
): void {
  const tell = <R extends StoreResult<unknown>>(result: R, url: (value: Extract<R, { ok: true }>['value']) => string, sender: Sender): R => {
    if (result.ok && changed) changed(url(result.value as Extract<R, { ok: true }>['value']), sender);
    return result;
  };
  router.on('highlights/save', async (m, sender) => {
    const result = await service.save(m.draft, m.capture);
    // A passage the page already held changed nothing: no tab needs to repaint.
    return result.ok && result.value.existing ? result : tell(result, (receipt) => receipt.highlight.url, sender);
  });
  router.on('highlights/update', async (m, sender) => tell(await service.update(m.id, m.edit), (h) => h.url, sender));
  router.on('highlights/delete', async (m, sender) => tell(await service.delete(m.id), (h) => h.url, sender));
  router.on('highlights/restore', async (m, sender) => tell(await service.restore(m.highlight), (h) => h.url, sender));
  router.on('highlights/for-url', (m) => service.forUrl(m.url));
  router.on('highlights/anchored', async (m, sender) => {
    const result = await service.anchored(m.url, m.found, m.orphaned, m.moved);
    // A change of figures marked or forgotten is news for the popup and the library; an orphan flag is not.
    return result.ok && m.moved?.length && result.value.changed > 0 ? tell(result, () => m.url, sender) : result;
  });
  router.on('highlights/resolve-change', async (m, sender) => tell(await service.resolveChange(m.id, m.choice), (h) => h.url, sender));
  router.on('facts/add', async (m, sender) => tell(await service.addFact(m.highlightId, m.fact), (h) => h.url, sender));
  router.on('highlights/fact-count', (m) => service.factCount(m.entity));
  router.on('pages/text-part', ({ type: _type, ...part }) => service.textPart(part));
}
