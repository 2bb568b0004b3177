import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import type { Browser } from 'wxt/browser';
import { createRouter } from '@/lib/messages';
import { registerTabMentions } from './tab-mentions';
import { privateWindowGate } from './private-windows';
import { createChangeNotifier } from './highlight-changes';
import { openStore, shareOpen } from '@/lib/store';
import type { LensStore, StoreResult } from '@/lib/store';
import { createLibraryService, registerLibraryHandlers } from '@/lib/library-service';
import {
  createHighlightService,
  createSelectionTrigger,
  registerHighlightHandlers,
  HIGHLIGHT_MENU_ID,
  HIGHLIGHT_MENU_TITLE,
} from '@/lib/highlight-service';

// One router for every message the background answers; each feature registers its own.
export default defineBackground(() => {
  const router = createRouter<Browser.runtime.MessageSender>();
  const tabPages = registerTabMentions(router);
  const notifyTabs = createChangeNotifier(tabPages, (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }));
  // One connection for every service: two would each hold the database open and block
  // each other's upgrades.
  const openShared = shareOpen(() => openStore(indexedDB));
  registerHighlightHandlers(router, createHighlightService(openShared), {
    refuseSave: privateWindowGate(browser.storage.local),
    changed: (url, sender) => void notifyTabs([url], sender.tab?.id),
  });
  const extensionOrigin = browser.runtime.getURL('/');
  registerLibraryHandlers(router, createLibraryService(openShared), {
    fromExtensionPage: (s) => s.id === browser.runtime.id && (s.url ?? '').startsWith(extensionOrigin),
    changed: (urls) => void notifyTabs(urls),
  });
  // The shortcut and the menu item only know the tab: its content script owns the selection.
  const trigger = createSelectionTrigger((tabId, message, options) => browser.tabs.sendMessage(tabId, message, options));
  const told = (outcome: { ok: boolean; message?: string } | undefined) => {
    if (outcome && !outcome.ok) console.warn(`Qinglang Lens: ${outcome.message}`);
  };
  browser.commands.onCommand.addListener((command, tab) => void trigger.onCommand(command, tab).then(told));
  browser.contextMenus.onClicked.addListener((info, tab) => void trigger.onMenuClick(info, tab).then(told));
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: HIGHLIGHT_MENU_ID, title: HIGHLIGHT_MENU_TITLE, contexts: ['selection'] });
  });
  browser.runtime.onMessage.addListener((message, sender) => router.dispatch(message, sender));
});

