import type { Router } from '../messages';
import type { StoreResult } from '../store/types';
import type { HighlightService } from './service';
import './messages';

export interface HighlightHandlerOptions<Sender> {
  /**
   * Why a new highlight from `sender` must not be stored (a sentence for the user), or
   * null when it may be: the background refuses saves from private windows unless the
   * user allowed them. Asked on every save, so a changed setting counts at once.
   */
  refuseSave?: (sender: Sender) => string | null | Promise<string | null>;
  /**
   * Told after a highlight of the page at `url` was saved, changed, deleted or put back,
   * so other views of that page can repaint. Only after the write succeeded.
   */
  changed?: (url: string, sender: Sender) => void;
}

/** Wires the highlight messages to the service, on the background's router. */
export function registerHighlightHandlers<Sender>(
  router: Router<Sender>,
  service: HighlightService,
  { refuseSave, changed }: HighlightHandlerOptions<Sender> = {},
): void {
  const tell = <R extends StoreResult<unknown>>(result: R, url: (value: Extract<R, { ok: true }>['value']) => string, sender: Sender): R => {
    if (result.ok && changed) changed(url(result.value as Extract<R, { ok: true }>['value']), sender);
    return result;
  };
  router.on('highlights/save', async (m, sender) => {
    const refusal = refuseSave ? await refuseSave(sender) : null;
    if (refusal !== null) return { ok: false, error: { kind: 'invalid', message: refusal } };
    return tell(await service.save(m.draft, m.capture), (receipt) => receipt.highlight.url, sender);
  });
  router.on('highlights/update', async (m, sender) => tell(await service.update(m.id, m.edit), (h) => h.url, sender));
  router.on('highlights/delete', async (m, sender) => tell(await service.delete(m.id), (h) => h.url, sender));
  router.on('highlights/restore', async (m, sender) => tell(await service.restore(m.highlight), (h) => h.url, sender));
  router.on('highlights/for-url', (m) => service.forUrl(m.url));
  router.on('highlights/anchored', (m) => service.anchored(m.url, m.found, m.orphaned));
  router.on('highlights/fact-count', (m) => service.factCount(m.entity));
}
