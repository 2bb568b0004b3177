import { ok, type Router, type ToBackground } from '../messages';
import type { SharingHub } from './hub';

/** Wires the sharing messages to the hub, on the background's router (which has checked sender and private-window policy). */
export function registerSharingHandlers<Sender>(router: Router<ToBackground, Sender>, hub: SharingHub): void {
  router.on('sharing/status', async (m) => ok(await hub.status(m.ids)));
  router.on('sharing/share', async (m) => ok(await hub.share(m.id)));
  router.on('sharing/retry', async (m) => ok(await hub.retry(m.id)));
  router.on('sharing/team', async (m) => ok(await hub.teamForPage(m.url, m.uri, m.refresh ?? false)));
  router.on('sharing/group', async (m) => ok(await hub.teamGroup(m.refresh ?? false)));
}
