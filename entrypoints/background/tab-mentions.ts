import { browser } from 'wxt/browser';
import { ok, type FrameMentions, type PageMentions, type Result, type Sender, type ToContent } from '@/lib/messages';
import { badgeText } from './badge-text';
import type { BackgroundRouter } from './router';

/**
 * The mentions each tab's page reported, and the toolbar badge that shows them. The
 * content script runs in the top frame and in the same-origin frames inside it; each
 * frame pushes its own count as it changes, and the badge shows their sum: one badge
 * per tab, never one per frame.
 *
 * Which page a report belongs to is told by `pageLoad`, the top document's load time
 * (every frame of one page load reads the same one): a report of a newer page load
 * starts the tab afresh (frames of the old page are forgotten), a late report of an
 * older one is dropped. A frame that leaves (navigated, removed) reports nothing, and is
 * forgotten. The badge is cleared when a tab starts loading, and the top frame asked
 * again once it loaded (a page restored from the back/forward cache says so itself too).
 */
/** Which pages the tabs that reported mentions are showing. */
export interface TabPages {
  /** Each frame that reported mentions, with its page's address as its content script last reported it. */
  entries(): Array<[tabId: number, url: string, frameId: number]>;
}

interface TabFrames {
  /** The top document's load time all current frames reported. */
  pageLoad: number | undefined;
  frames: Map<number, PageMentions>;
}

/** The page of a tab as one count: the top frame's address, every frame's mentions summed. */
export function summed(tab: TabFrames): PageMentions | null {
  const top = tab.frames.get(0);
  if (tab.frames.size === 0) return null;
  let total = 0;
  const byEntity: PageMentions['byEntity'] = {};
  for (const frame of tab.frames.values()) {
    total += frame.total;
    for (const [entity, n] of Object.entries(frame.byEntity) as Array<[keyof typeof byEntity, number]>) {
      byEntity[entity] = (byEntity[entity] ?? 0) + n;
    }
  }
  // Before the top frame spoke, a frame's own address is the best we know.
  const url = top?.url ?? [...tab.frames.values()][0]!.url;
  return { url, total, byEntity };
}

/**
 * `reported`: told when a tab's summed mentions differ from what it showed last (a frame
 * finished reading, or changed), so the side panel showing that tab can read it again: a
 * panel that asked before the content script started (Firefox runs it after the tab says
 * it is complete) would otherwise keep saying nothing is known.
 */
export function registerTabMentions(
  router: BackgroundRouter,
  toTab: (tabId: number) => Sender<ToContent>,
  reported?: (tabId: number) => void,
): TabPages {
  const byTab = new Map<number, TabFrames>();

  const showTab = (tabId: number): Promise<void> => {
    const tab = byTab.get(tabId);
    const mentions = tab ? summed(tab) : null;
    return browser.action.setBadgeText({ tabId, text: badgeText(mentions?.total ?? 0) });
  };

  /** Takes one frame's report; false when it belongs to a page the tab has left. */
  const take = (tabId: number, frameId: number, report: FrameMentions): boolean => {
    const { pageLoad, ...mentions } = report;
    let tab = byTab.get(tabId);
    if (!tab) byTab.set(tabId, (tab = { pageLoad, frames: new Map() }));
    if (pageLoad !== undefined && pageLoad !== tab.pageLoad) {
      // The top frame always speaks for the page it shows (back/forward cache included);
      // another frame only for a page load newer than the one known.
      const newer = tab.pageLoad === undefined || pageLoad > tab.pageLoad;
      if (frameId !== 0 && !newer) return false;
      tab.pageLoad = pageLoad;
      tab.frames.clear();
    }
    // A frame with nothing to count (or gone) is forgotten; the top frame stays, for its address.
    if (mentions.total === 0 && frameId !== 0) tab.frames.delete(frameId);
    else tab.frames.set(frameId, mentions);
    return true;
  };

  /** Asks a tab's top frame for its count; null when none runs there (a browser page, a PDF). */
  const ask = async (tabId: number): Promise<Result<FrameMentions | null>> => {
    const answer = await toTab(tabId).send({ type: 'mentions/report' });
    return !answer.ok && answer.error.kind === 'unreachable' ? ok(null) : answer;
  };

  router.on('mentions/changed', async (message, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return ok(undefined);
    const { url, total, byEntity, pageLoad } = message;
    const known = byTab.get(tabId);
    const before = JSON.stringify(known ? summed(known) : null);
    if (take(tabId, sender.frameId ?? 0, { url, total, byEntity, pageLoad })) {
      await showTab(tabId);
      const now = byTab.get(tabId);
      if (JSON.stringify(now ? summed(now) : null) !== before) reported?.(tabId);
    }
    return ok(undefined);
  });

  router.on('mentions/of-tab', async ({ tabId }) => {
    const known = byTab.get(tabId);
    const mentions = known ? summed(known) : null;
    if (mentions) return ok(mentions);
    const answer = await ask(tabId);
    if (!answer.ok || !answer.value) return answer.ok ? ok(null) : answer;
    const { pageLoad: _load, ...page } = answer.value;
    return ok(page);
  });

  const warn = (error: unknown) => console.warn('Qinglang Lens: could not update the toolbar badge:', error);
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // Loading may be the top page or only a frame in it: the badge empties meanwhile, and
    // the top frame's answer once loaded tells which (its page load kept or new).
    if (change.status === 'loading') browser.action.setBadgeText({ tabId, text: '' }).catch(warn);
    else if (change.status === 'complete') {
      ask(tabId)
        .then((answer) => {
          if (!answer.ok) throw new Error(answer.error.message);
          if (!answer.value) {
            byTab.delete(tabId);
            return showTab(tabId);
          }
          take(tabId, 0, answer.value);
          return showTab(tabId);
        })
        .catch(warn);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => byTab.delete(tabId));
  return {
    entries: () => [...byTab].flatMap(([tabId, tab]) => [...tab.frames].map(([frameId, m]): [number, string, number] => [tabId, m.url, frameId])),
  };
}
