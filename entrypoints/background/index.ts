import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import type { Browser } from 'wxt/browser';
import { createRouter } from '@/lib/messages';
import { registerTabMentions } from './tab-mentions';
import { privateWindowGate } from './private-windows';
import { createChangeNotifier } from './highlight-changes';
import { announceChange, CHANGES_CHANNEL } from '../sidepanel/changes';
import { openStore } from '@/lib/store';
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
  // The extension's own pages (the side panel) hear of changes here; tabs through their content scripts.
  const pageChanges = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANGES_CHANNEL) : undefined;
  const notifyTabs = createChangeNotifier(tabPages, (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }));
  // One connection for every service: two would each hold the database open and block
  // each other's upgrades.
  const openShared = sharedOpener(() => openStore(indexedDB));
  registerHighlightHandlers(router, createHighlightService(openShared), {
    refuseSave: privateWindowGate(browser.storage.local),
    changed: (url, sender) => {
      void notifyTabs([url], sender.tab?.id);
      announceChange(pageChanges, [url]);
    },
  });
  const extensionOrigin = browser.runtime.getURL('/');
  registerLibraryHandlers(router, createLibraryService(openShared), {
    fromExtensionPage: (s) => s.id === browser.runtime.id && (s.url ?? '').startsWith(extensionOrigin),
    changed: (urls) => {
      void notifyTabs(urls);
      announceChange(pageChanges, urls);
    },
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

/** Opens the store on first use and hands every caller that same store; a failed open is tried again next time. */
function sharedOpener(open: () => Promise<StoreResult<LensStore>>): () => Promise<StoreResult<LensStore>> {
  let opening: Promise<StoreResult<LensStore>> | undefined;
  return () => {
    opening ??= open().then((result) => {
      if (!result.ok) opening = undefined;
      return result;
    });
    return opening;
  };
}
