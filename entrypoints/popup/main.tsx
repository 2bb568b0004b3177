import '@/components/theme.css';
import './popup.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { pickLocale, setLocale, getLocale } from '@/components/i18n';
import { createPageWrites } from '@/lib/library-service';
import type { Message, MentionRevealed, PageMentions } from '@/lib/messages';
import { defaultSettings, loadSettings } from '@/lib/settings';
import { openStore } from '@/lib/store';
import { PopupApp, type PopupEnv } from './App';
import { readPage, targetTab } from './page-reading';

setLocale(pickLocale(navigator.languages));
document.documentElement.lang = getLocale() === 'zh' ? 'zh-CN' : 'en';

const send = (message: unknown): Promise<unknown> => browser.runtime.sendMessage(message);
const sendToTab = (tabId: number, message: Message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 });

/** Opens an extension page in a tab and, when this is the toolbar popup, closes the popup. */
function openTab(path: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(path as `/library.html${string}`) }).then(() => {
    if (!new URLSearchParams(location.search).has('tab')) window.close();
  });
}

async function start(): Promise<void> {
  const tabId = await targetTab(location.search, async () => {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    return active?.id;
  });
  const env: PopupEnv = {
    readPage: () =>
      readPage(tabId, {
        fromBackground: async (id) => (await send({ type: 'mentions/of-tab', tabId: id })) as PageMentions | null,
        fromTab: async (id) => (await sendToTab(id, { type: 'mentions/report' })) as PageMentions,
      }),
    openStore: () => openStore(indexedDB),
    loadSettings: async () => {
      const loaded = await loadSettings(browser.storage.local);
      return loaded.ok ? loaded.value.settings : defaultSettings();
    },
    isPrivate: async () => (tabId === undefined ? false : (await browser.tabs.get(tabId)).incognito),
    writes: createPageWrites(send),
    reveal: async (entity) => {
      if (tabId === undefined) throw new Error('no tab');
      const shown = (await sendToTab(tabId, { type: 'mentions/reveal', entity })) as MentionRevealed | undefined;
      // A content script without a handler for this message answers nothing.
      if (!shown) throw new Error('this page does not support it yet; reload it');
      return shown;
    },
    openLibrary: (entity) => openTab(entity ? `/library.html?entity=${encodeURIComponent(entity)}` : '/library.html'),
    openOptions: () => void browser.runtime.openOptionsPage(),
  };
  render(<PopupApp env={env} />, document.getElementById('app')!);
}

void start();
