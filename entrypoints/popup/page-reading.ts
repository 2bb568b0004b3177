import type { MentionCount, PageMentions } from '@/lib/messages';

/** What the popup learns of its tab's page from the content script. */
export type PageReading =
  | { kind: 'page'; url: string; mentions: MentionCount }
  /** No content script answers: a browser page, the web store, or a page opened before install. */
  | { kind: 'unreadable' };

export interface PageSources {
  /** The background's `mentions/of-tab`: the count the tab last reported (it asks the tab if it has none). */
  fromBackground(tabId: number): Promise<PageMentions | null>;
  /** The content script's own `mentions/report`. */
  fromTab(tabId: number): Promise<PageMentions>;
}

/**
 * The page in `tabId` and its mentions. The content script gives its page's address,
 * which the popup cannot read itself without the `tabs` permission. The background
 * answers first; should it fail, the tab is asked directly; no answer at all means no
 * content script runs there.
 */
export async function readPage(tabId: number | undefined, sources: PageSources): Promise<PageReading> {
  if (tabId === undefined) return { kind: 'unreadable' };
  let found: PageMentions | null;
  try {
    found = await sources.fromBackground(tabId);
  } catch {
    // The background's answer is a convenience; the tab itself is the authority.
    found = await sources.fromTab(tabId).catch(() => null);
  }
  if (!found || typeof found.url !== 'string') return { kind: 'unreadable' };
  return { kind: 'page', url: found.url, mentions: { total: found.total, byEntity: found.byEntity } };
}

/**
 * The tab the popup is about: `?tab=<id>` when it was opened as a page for a given tab
 * (tests, or a pinned copy), else the active tab of the current window.
 */
export async function targetTab(search: string, activeTab: () => Promise<number | undefined>): Promise<number | undefined> {
  const asked = new URLSearchParams(search).get('tab');
  if (asked !== null && /^\d+$/.test(asked)) return Number(asked);
  return activeTab();
}
