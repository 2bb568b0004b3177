import type { Router } from '../messages';
import type { HighlightService } from './service';
import './messages';

export interface HighlightHandlerOptions<Sender> {
  /**
   * Why a new highlight from `sender` must not be stored (a sentence for the user), or
   * null when it may be: the background refuses saves from private windows unless the
   * user allowed them. Asked on every save, so a changed setting counts at once.
   */
  refuseSave?: (sender: Sender) => string | null | Promise<string | null>;
}

/** Wires the highlight messages to the service, on the background's router. */
export function registerHighlightHandlers<Sender>(
  router: Router<Sender>,
  service: HighlightService,
  { refuseSave }: HighlightHandlerOptions<Sender> = {},
): void {
  router.on('highlights/save', async (m, sender) => {
    const refusal = refuseSave ? await refuseSave(sender) : null;
    if (refusal !== null) return { ok: false, error: { kind: 'invalid', message: refusal } };
    return service.save(m.draft, m.capture);
  });
  router.on('highlights/update', (m) => service.update(m.id, m.edit));
  router.on('highlights/delete', (m) => service.delete(m.id));
  router.on('highlights/restore', (m) => service.restore(m.highlight));
  router.on('highlights/for-url', (m) => service.forUrl(m.url));
  router.on('highlights/anchored', (m) => service.anchored(m.url, m.found, m.orphaned));
  router.on('highlights/fact-count', (m) => service.factCount(m.entity));
}
