import '@/components/theme.css';
import './popup.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { pickLocale, setLocale, getLocale } from '@/components/i18n';
import { createPageWrites } from '@/lib/library-service';
import { pageSender, tabSender } from '@/lib/messages';
import { defaultSettings, loadSettings } from '@/lib/settings';
import { openStore } from '@/lib/store';
import { PopupApp, type PopupEnv } from './App';
import { readPage, targetTab } from './page-reading';

setLocale(pickLocale(navigator.languages));
document.documentElement.lang = getLocale() === 'zh' ? 'zh-CN' : 'en';

// The popup's one sender to the background, and one to its tab's content script.
const toBackground = pageSender((message) => browser.runtime.sendMessage(message));
const toTab = (tabId: number) => tabSender((message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }));

/** The value of a Result, or its sentence thrown (the popup's status line shows it). */
function valueOf<T>(answer: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

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
        fromBackground: async (id) => valueOf(await toBackground.send({ type: 'mentions/of-tab', tabId: id })),
        fromTab: async (id) => valueOf(await toTab(id).send({ type: 'mentions/report' })),
      }),
    openStore: () => openStore(indexedDB),
    loadSettings: async () => {
      const loaded = await loadSettings(browser.storage.local);
      return loaded.ok ? loaded.value.settings : defaultSettings();
    },
    isPrivate: async () => (tabId === undefined ? false : (await browser.tabs.get(tabId)).incognito),
    writes: createPageWrites(toBackground),
    reveal: async (entity) => {
      if (tabId === undefined) throw new Error('no tab');
      return valueOf(await toTab(tabId).send({ type: 'mentions/reveal', entity }));
    },
    openLibrary: (entity) => openTab(entity ? `/library.html?entity=${encodeURIComponent(entity)}` : '/library.html'),
    openOptions: () => void browser.runtime.openOptionsPage(),
  };
  render(<PopupApp env={env} />, document.getElementById('app')!);
}

void start();
