import { browser } from 'wxt/browser';
import { CONNECTION_KEY, createSharingHub, idbSharingState, loadConnection, openSharingDb, registerSharingHandlers, type SharingHub } from '@/lib/sharing';
import type { LensStore, StoreResult } from '@/lib/store';
import type { BackgroundRouter } from './router';

/** The one alarm that wakes the worker for the sharing queue's next try. */
export const SHARING_ALARM = 'qinglang-sharing-queue';

/**
 * Sharing in the service worker: the queue is drained when something changes, when the
 * worker starts (a restart resumes a queue left waiting), when the user connects or grants
 * the host permission, and by an alarm at the next try's time (back-off, Retry-After). An
 * alarm outlives the worker, a timer would not.
 */
export function registerSharing(router: BackgroundRouter, openStore: () => Promise<StoreResult<LensStore>>): SharingHub {
  const hub = createSharingHub({
    connection: () => loadConnection(browser.storage.local),
    granted: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    fetch: (url, init) => fetch(url, init),
    state: idbSharingState(() => openSharingDb(indexedDB)),
    load: async (id) => {
      const opened = await openStore();
      if (!opened.ok) return undefined;
      const found = await opened.value.getHighlight(id);
      return found.ok ? found.value : undefined;
    },
    wakeAt: (when) => {
      if (when === undefined) void browser.alarms.clear(SHARING_ALARM);
      // Chromium wakes no sooner than 30 s after; a sooner try waits that long at most.
      else void browser.alarms.create(SHARING_ALARM, { when: Math.max(when, Date.now() + 1_000) });
    },
    now: Date.now,
    // Only the error's name: a message could, in some browser, echo a request's headers.
    warn: (message) => console.warn(message),
  });
  registerSharingHandlers(router, hub);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SHARING_ALARM) void hub.drain();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && CONNECTION_KEY in changes) void hub.drain();
  });
  browser.permissions.onAdded.addListener(() => void hub.drain());
  void hub.drain();
  return hub;
}
