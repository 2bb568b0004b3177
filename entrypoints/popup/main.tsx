import '@/components/theme.css';
import './popup.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { pickLocale, setLocale, getLocale } from '@/components/i18n';
import { PopupApp } from './App';
import { createBrowserEnv } from './browser-env';
import { targetTab } from './page-reading';
import { panelOpener } from './side-panel';

setLocale(pickLocale(navigator.languages));
document.documentElement.lang = getLocale() === 'zh' ? 'zh-CN' : 'en';

async function start(): Promise<void> {
  const tabId = await targetTab(location.search, async () => {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    return active?.id;
  });
  // Opened as a page for a given tab (?tab=), this is not the toolbar popup and stays open.
  const asPage = new URLSearchParams(location.search).has('tab');
  const openPanel = panelOpener(browser, async () => (await browser.windows.getCurrent()).id);
  const env = createBrowserEnv({ currentTab: () => tabId, closeAfterOpening: !asPage, openPanel });
  render(<PopupApp env={env} />, document.getElementById('app')!);
}

void start();
