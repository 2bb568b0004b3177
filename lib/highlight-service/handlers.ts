import type { Router } from '../messages';
import type { HighlightService } from './service';
import './messages';

/** Wires the highlight messages to the service, on the background's router. */
export function registerHighlightHandlers<Sender>(router: Router<Sender>, service: HighlightService): void {
  router.on('highlights/save', (m) => service.save(m.draft, m.capture));
  router.on('highlights/update', (m) => service.update(m.id, m.edit));
  router.on('highlights/delete', (m) => service.delete(m.id));
  router.on('highlights/restore', (m) => service.restore(m.highlight));
  router.on('highlights/for-url', (m) => service.forUrl(m.url));
  router.on('highlights/anchored', (m) => service.anchored(m.url, m.found, m.orphaned));
  router.on('highlights/fact-count', (m) => service.factCount(m.entity));
}
