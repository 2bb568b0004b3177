import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { tabSender, type FrameMentions, type PageMentions } from '../../lib/messages';
import { registerTabMentions } from '../../entrypoints/background/tab-mentions';
import { createBackgroundRouter } from '../../entrypoints/background/router';

type Sender = Browser.runtime.MessageSender;

function background(reported?: (tabId: number) => void) {
  const router = createBackgroundRouter({ id: fakeBrowser.runtime.id, origin: 'chrome-extension://lens/' }, fakeBrowser.storage.local);
  registerTabMentions(router, (tabId) => tabSender((message) => fakeBrowser.tabs.sendMessage(tabId, message as never, { frameId: 0 })), reported);
  const fromTab = (tabId: number, frameId = 0): Sender => ({
    id: fakeBrowser.runtime.id,
    url: 'https://news.example/a',
    tab: { id: tabId } as Browser.tabs.Tab,
    frameId,
  });
  return {
    router,
    report: (tabId: number, mentions: FrameMentions, frameId = 0) =>
      router.dispatch({ type: 'mentions/changed', ...mentions }, fromTab(tabId, frameId)),
    badge: (tabId: number) => fakeBrowser.action.getBadgeText({ tabId }),
  };
}

/** The popup, as the browser describes it to the background. */
const fromPopup: Sender = { id: fakeBrowser.runtime.id, url: 'chrome-extension://lens/popup.html' };

const page = (total: number, url = 'https://news.example/a'): PageMentions => ({ url, total, byEntity: total ? { cac: total } : {} });

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the toolbar badge, per tab', () => {
  it('shows each tab’s own count', async () => {
    const bg = background();
    await bg.report(1, page(4));
    await bg.report(2, page(1200));
    expect(await bg.badge(1)).toBe('4');
    expect(await bg.badge(2)).toBe('999+');
  });

  it('is empty for a page without mentions', async () => {
    const bg = background();
    await bg.report(1, page(3));
    await bg.report(1, page(0));
    expect(await bg.badge(1)).toBe('');
  });

  it('sums the frames of one page load: one badge per tab', async () => {
    const bg = background();
    await bg.report(1, { ...page(2), pageLoad: 100 });
    await bg.report(1, { ...page(9, 'https://news.example/frame'), pageLoad: 100 }, 3);
    expect(await bg.badge(1)).toBe('11');
    await expect(bg.router.dispatch({ type: 'mentions/of-tab', tabId: 1 }, fromPopup)).resolves.toEqual({
      ok: true,
      value: { url: 'https://news.example/a', total: 11, byEntity: { cac: 11 } },
    });
    // A frame's new count replaces its old one; it is never added twice.
    await bg.report(1, { ...page(4, 'https://news.example/frame'), pageLoad: 100 }, 3);
    expect(await bg.badge(1)).toBe('6');
  });

  it('forgets a frame that left, and keeps the others', async () => {
    const bg = background();
    await bg.report(1, { ...page(2), pageLoad: 100 });
    await bg.report(1, { ...page(3), pageLoad: 100 }, 3);
    await bg.report(1, { ...page(4), pageLoad: 100 }, 5);
    await bg.report(1, { ...page(0), pageLoad: 100 }, 3);
    expect(await bg.badge(1)).toBe('6');
  });

  it('starts afresh with a newer page load, and drops a late report of the page the tab left', async () => {
    const bg = background();
    await bg.report(1, { ...page(2), pageLoad: 100 });
    await bg.report(1, { ...page(9), pageLoad: 100 }, 3);
    // The new page's frame may speak before its top frame does.
    await bg.report(1, { ...page(1), pageLoad: 200 }, 4);
    expect(await bg.badge(1)).toBe('1');
    await bg.report(1, { ...page(5), pageLoad: 200 });
    expect(await bg.badge(1)).toBe('6');
    await bg.report(1, { ...page(9), pageLoad: 100 }, 3);
    expect(await bg.badge(1)).toBe('6');
    // The top frame always speaks for what it shows (a page back from the back/forward cache).
    await bg.report(1, { ...page(7), pageLoad: 100 });
    expect(await bg.badge(1)).toBe('7');
  });

  it('keeps the frames when only a frame loaded: the top frame, asked once loaded, is the same page', async () => {
    const bg = background();
    await bg.report(1, { ...page(2), pageLoad: 100 });
    await bg.report(1, { ...page(3), pageLoad: 100 }, 3);
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading' }, { id: 1 } as Browser.tabs.Tab);
    expect(await bg.badge(1)).toBe('');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValueOnce({ ok: true, value: { ...page(2), pageLoad: 100 } });
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'complete' }, { id: 1 } as Browser.tabs.Tab);
    await vi.waitFor(async () => expect(await bg.badge(1)).toBe('5'));
  });

  it('clears when the tab starts loading another page, and forgets it when no content script answers there', async () => {
    const bg = background();
    await bg.report(1, page(5));
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading' }, { id: 1 } as Browser.tabs.Tab);
    expect(await bg.badge(1)).toBe('');
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
    send.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'complete' }, { id: 1 } as Browser.tabs.Tab);
    await new Promise((r) => setTimeout(r, 0));
    // Forgotten: the popup is told what the new page says, and here nothing answers.
    send.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(bg.router.dispatch({ type: 'mentions/of-tab', tabId: 1 }, fromPopup)).resolves.toEqual({ ok: true, value: null });
    expect(await bg.badge(1)).toBe('');
  });

  it('asks the page for its count once loaded, and stays empty where no content script answers', async () => {
    const bg = background();
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
    send.mockResolvedValueOnce({ ok: true, value: page(7) });
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'complete' }, { id: 1 } as Browser.tabs.Tab);
    await vi.waitFor(async () => expect(await bg.badge(1)).toBe('7'));
    send.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    await fakeBrowser.tabs.onUpdated.trigger(2, { status: 'complete' }, { id: 2 } as Browser.tabs.Tab);
    await new Promise((r) => setTimeout(r, 0));
    expect(await bg.badge(2)).toBe('');
  });

  it('tells the popup what a tab last reported', async () => {
    const bg = background();
    await bg.report(4, page(2, 'https://news.example/b'));
    await expect(bg.router.dispatch({ type: 'mentions/of-tab', tabId: 4 }, fromPopup)).resolves.toEqual({ ok: true, value: page(2, 'https://news.example/b') });
  });
});

describe('telling the side panel a page was read', () => {
  it('says which tab reported new mentions, once per change, never for the same report again', async () => {
    const told: number[] = [];
    const bg = background((tabId) => told.push(tabId));
    await bg.report(1, page(4));
    await bg.report(1, page(4));
    await bg.report(2, page(0));
    await bg.report(1, page(5));
    await bg.report(1, page(5, 'https://news.example/b'));
    // A same-origin frame's mentions add to its page's: the tab's sum changed.
    await bg.report(2, page(3), 1);
    await bg.report(2, page(3), 1);
    expect(told).toEqual([1, 2, 1, 1, 2]);
  });
});
