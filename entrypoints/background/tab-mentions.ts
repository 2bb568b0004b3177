import { browser } from 'wxt/browser';
import { ok, type PageMentions, type Result, type Sender, type ToContent } from '@/lib/messages';
import { badgeText } from './badge-text';
import type { BackgroundRouter } from './router';

/**
 * The mentions each tab's page reported, and the toolbar badge that shows them. The
 * content script pushes counts as the page changes; the badge is cleared when a tab
 * starts loading a new document, and the page's count asked for again once it loaded
 * (a page restored from the back/forward cache says so itself too).
 */
/** Which pages the tabs that reported mentions are showing. */
export interface TabPages {
  /** Each tab with its page's address as its content script last reported it. */
  entries(): Array<[tabId: number, url: string]>;
}

/**
 * `reported`: told when a tab's content script reports mentions that differ from what it
 * reported last (its page finished reading, or changed), so the side panel showing that tab
 * can read it again: a panel that asked before the content script started (Firefox runs it
 * after the tab says it is complete) would otherwise keep saying nothing is known.
 */
export function registerTabMentions(
  router: BackgroundRouter,
  toTab: (tabId: number) => Sender<ToContent>,
  reported?: (tabId: number) => void,
): TabPages {
  const byTab = new Map<number, PageMentions>();

  const show = (tabId: number, mentions: PageMentions | null): Promise<void> => {
    if (mentions) byTab.set(tabId, mentions);
    else byTab.delete(tabId);
    return browser.action.setBadgeText({ tabId, text: badgeText(mentions?.total ?? 0) });
  };

  /** Asks a tab's content script for its count; null when none runs there (a browser page, a PDF). */
  const ask = async (tabId: number): Promise<Result<PageMentions | null>> => {
    const answer = await toTab(tabId).send({ type: 'mentions/report' });
    return !answer.ok && answer.error.kind === 'unreachable' ? ok(null) : answer;
  };

  router.on('mentions/changed', async (message, sender) => {
    const tabId = sender.tab?.id;
    // Only the top frame speaks for the page.
    if (tabId === undefined || (sender.frameId ?? 0) !== 0) return ok(undefined);
    const { url, total, byEntity } = message;
    const before = byTab.get(tabId);
    await show(tabId, { url, total, byEntity });
    if (!before || before.url !== url || before.total !== total || JSON.stringify(before.byEntity) !== JSON.stringify(byEntity)) reported?.(tabId);
    return ok(undefined);
  });

  router.on('mentions/of-tab', async ({ tabId }) => {
    const known = byTab.get(tabId);
    return known ? ok(known) : ask(tabId);
  });

  const warn = (error: unknown) => console.warn('Qinglang Lens: could not update the toolbar badge:', error);
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') show(tabId, null).catch(warn);
    else if (change.status === 'complete') {
      ask(tabId)
        .then((answer) => {
          if (!answer.ok) throw new Error(answer.error.message);
          return answer.value ? show(tabId, answer.value) : undefined;
        })
        .catch(warn);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => byTab.delete(tabId));
  return { entries: () => [...byTab].map(([tabId, mentions]) => [tabId, mentions.url]) };
}
