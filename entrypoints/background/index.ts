import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { tabSender } from '@/lib/messages';
import { registerTabMentions } from './tab-mentions';
import { createBackgroundRouter } from './router';
import { createChangeNotifier } from './highlight-changes';
import { registerSharing } from './sharing';
import { announceChange, announceTabMentions, CHANGES_CHANNEL } from '../sidepanel/changes';
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

/** The sender to one frame of a tab's content script. */
const toTab = (tabId: number, frameId = 0) => tabSender((message) => browser.tabs.sendMessage(tabId, message, { frameId }));

// One router for every message the background answers; each feature registers its own.
export default defineBackground(() => {
  const router = createBackgroundRouter({ id: browser.runtime.id, origin: browser.runtime.getURL('/') }, browser.storage.local);
  // The extension's own pages (the side panel) hear of changes here; tabs through their content scripts.
  const pageChanges = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANGES_CHANNEL) : undefined;
  const tabPages = registerTabMentions(router, toTab, (tabId) => announceTabMentions(pageChanges, tabId));
  const notifyTabs = createChangeNotifier(tabPages, toTab);
  // One connection for every service: two would each hold the database open and block
  // each other's upgrades.
  const openShared = shareOpen(() => openStore(indexedDB));
  const sharing = registerSharing(router, openShared);
  const sharingFailed = (e: unknown) => console.warn(`Qinglang Lens: sharing could not follow a change: ${e instanceof Error ? e.name : 'error'}`);
  registerHighlightHandlers(router, createHighlightService(openShared), {
    changed: (url, sender) => {
      void notifyTabs([url], sender.tab?.id);
      announceChange(pageChanges, [url]);
    },
    // A shared highlight's edits and deletes follow it to the group; #team shares itself.
    written: (how, highlight) => {
      const follow = how === 'deleted' ? sharing.deleted(highlight) : sharing.changed(highlight);
      follow.catch(sharingFailed);
    },
  });
  registerLibraryHandlers(router, createLibraryService(openShared), {
    changed: (urls) => {
      void notifyTabs(urls);
      announceChange(pageChanges, urls);
    },
    // An import or a fact correction that rewrote a shared highlight is followed to the group.
    rewritten: (ids) => void sharing.rewritten(ids).catch(sharingFailed),
    deletedAll: (takeBack) => void sharing.everythingDeleted(takeBack).catch(sharingFailed),
  });
  // The shortcut and the menu item only know the tab: its content script owns the selection.
  const trigger = createSelectionTrigger(toTab);
  const told = (outcome: { ok: true } | { ok: false; error: { message: string } } | undefined) => {
    if (outcome && !outcome.ok) console.warn(`Qinglang Lens: ${outcome.error.message}`);
  };
  browser.commands.onCommand.addListener((command, tab) => void trigger.onCommand(command, tab).then(told));
  browser.contextMenus.onClicked.addListener((info, tab) => void trigger.onMenuClick(info, tab).then(told));
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: HIGHLIGHT_MENU_ID, title: HIGHLIGHT_MENU_TITLE, contexts: ['selection'] });
  });
  browser.runtime.onMessage.addListener((message, sender) => router.dispatch(message, sender));
});

