/**
 * The popup's and the side panel's way into the browser: one env for both, about
 * whichever tab `currentTab` names at the moment each call is made (the popup's tab
 * never changes; the side panel's follows the user from tab to tab).
 */
import { browser } from 'wxt/browser';
import { createPageWrites } from '@/lib/library-service';
import type { Message, MentionRevealed, PageMentions } from '@/lib/messages';
import { defaultSettings, loadSettings } from '@/lib/settings';
import { openStore } from '@/lib/store';
import type { PopupEnv } from './App';
import { readPage } from './page-reading';

const send = (message: unknown): Promise<unknown> => browser.runtime.sendMessage(message);
const sendToTab = (tabId: number, message: Message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 });

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
        fromBackground: async (id) => (await send({ type: 'mentions/of-tab', tabId: id })) as PageMentions | null,
        fromTab: async (id) => (await sendToTab(id, { type: 'mentions/report' })) as PageMentions,
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
    writes: createPageWrites(send),
    reveal: async (entity) => {
      const tabId = currentTab();
      if (tabId === undefined) throw new Error('no tab');
      const shown = (await sendToTab(tabId, { type: 'mentions/reveal', entity })) as MentionRevealed | undefined;
      // A content script without a handler for this message answers nothing.
      if (!shown) throw new Error('this page does not support it yet; reload it');
      return shown;
    },
    openLibrary: (entity) => openTab(entity ? `/library.html?entity=${encodeURIComponent(entity)}` : '/library.html'),
    openOptions: () => void browser.runtime.openOptionsPage(),
    subscribe,
    openPanel,
  };
}
