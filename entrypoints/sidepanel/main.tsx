import '@/components/theme.css';
import '../popup/popup.css';
import './sidepanel.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { getLocale, pickLocale, setLocale } from '@/components/i18n';
import { PopupApp } from '../popup/App';
import { createBrowserEnv } from '../popup/browser-env';
import { targetTab } from '../popup/page-reading';
import { CHANGES_CHANNEL, changedTab } from './changes';
import { createTabFollower } from './tab-follower';

setLocale(pickLocale(navigator.languages));
document.documentElement.lang = getLocale() === 'zh' ? 'zh-CN' : 'en';

/**
 * The side panel: what the popup shows, for the tab the user is reading, kept open
 * beside the page. It follows the active tab of its window (tabs.onActivated), the
 * tab's navigations (tabs.onUpdated, whose status needs no `tabs` permission), and every
 * save, edit or delete (the background's BroadcastChannel).
 */
async function start(): Promise<void> {
  const [win, own] = await Promise.all([browser.windows.getCurrent().catch(() => undefined), browser.tabs.getCurrent()]);
  const first = await targetTab(location.search, async () => {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    return active?.id;
  });
  const follower = createTabFollower({ first, ownTab: own?.id, windowId: win?.id });
  browser.tabs.onActivated.addListener((info) => follower.activated(info));
  browser.tabs.onUpdated.addListener((tabId, info) => follower.updated(tabId, info));
  browser.tabs.onRemoved.addListener((tabId) => follower.removed(tabId));
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const tab = changedTab(event.data);
    if (tab === undefined) follower.changed();
    else follower.reported(tab);
  };

  const env = createBrowserEnv({ currentTab: follower.current, closeAfterOpening: false, subscribe: follower.subscribe });
  render(<PopupApp env={env} layout="panel" />, document.getElementById('app')!);
}

void start();
