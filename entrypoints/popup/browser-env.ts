/**
 * The popup's and the side panel's way into the browser: one env for both, about
 * whichever tab `currentTab` names at the moment each call is made (the popup's tab
 * never changes; the side panel's follows the user from tab to tab).
 */
import { browser } from 'wxt/browser';
import { createPageWrites } from '@/lib/library-service';
import { pageSender, tabSender } from '@/lib/messages';
import { defaultSettings, loadSettings } from '@/lib/settings';
import { openStore } from '@/lib/store';
import type { PopupEnv } from './App';
import { readPage } from './page-reading';

// One sender to the background, and one to a tab's content script (deadline, retry, a Result).
const toBackground = pageSender((message) => browser.runtime.sendMessage(message));
const toTab = (tabId: number) => tabSender((message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }));

/** The value of a Result, or its sentence thrown (the popup's status line shows it). */
function valueOf<T>(answer: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

export interface BrowserEnvOptions {
  /** The tab being shown (undefined: none the extension may read). */
  currentTab: () => number | undefined;
  /** Close this window after opening the library or settings in a tab (the toolbar popup does; a panel stays). */
  closeAfterOpening: boolean;
  /** Tells the page to reload when something it shows has changed (the side panel). */
  subscribe?: PopupEnv['subscribe'];
  /** Offer to keep the panel open beside the page (the popup does, when the browser has one). */
  openPanel?: PopupEnv['openPanel'];
}

export function createBrowserEnv({ currentTab, closeAfterOpening, subscribe, openPanel }: BrowserEnvOptions): PopupEnv {
  const openTab = (path: string) =>
    void browser.tabs.create({ url: browser.runtime.getURL(path as `/library.html${string}`) }).then(() => {
      if (closeAfterOpening) window.close();
    });
  return {
    readPage: () =>
      readPage(currentTab(), {
        fromBackground: async (id) => valueOf(await toBackground.send({ type: 'mentions/of-tab', tabId: id })),
        fromTab: async (id) => valueOf(await toTab(id).send({ type: 'mentions/report' })),
      }),
    openStore: () => openStore(indexedDB),
    loadSettings: async () => {
      const loaded = await loadSettings(browser.storage.local);
      return loaded.ok ? loaded.value.settings : defaultSettings();
    },
    isPrivate: async () => {
      const tabId = currentTab();
      return tabId === undefined ? false : (await browser.tabs.get(tabId)).incognito;
    },
    writes: createPageWrites(toBackground),
    reveal: async (entity) => {
      const tabId = currentTab();
      if (tabId === undefined) throw new Error('no tab');
      return valueOf(await toTab(tabId).send({ type: 'mentions/reveal', entity }));
    },
    openLibrary: (entity) => openTab(entity ? `/library.html?entity=${encodeURIComponent(entity)}` : '/library.html'),
    openOptions: () => void browser.runtime.openOptionsPage(),
    subscribe,
    openPanel,
    sharing: {
      status: async (ids) => valueOf(await toBackground.send({ type: 'sharing/status', ids })),
      share: async (id) => valueOf(await toBackground.send({ type: 'sharing/share', id })),
      retry: async (id) => valueOf(await toBackground.send({ type: 'sharing/retry', id })),
      team: async (url, uri, refresh) => valueOf(await toBackground.send({ type: 'sharing/team', url, uri, refresh })),
    },
  };
}
