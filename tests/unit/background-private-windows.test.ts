import { beforeEach, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { createRouter } from '../../lib/messages';
import { openStore, type LensStore } from '../../lib/store';
import { createHighlightService, registerHighlightHandlers, type HighlightDraft } from '../../lib/highlight-service';
import { saveSettings, storageKeyOf } from '../../lib/settings';
import { privateWindowGate, PRIVATE_WINDOW_REFUSAL } from '../../entrypoints/background/private-windows';

type Sender = Browser.runtime.MessageSender;

const fromTab = (incognito: boolean): Sender => ({ tab: { id: 7, incognito } as Browser.tabs.Tab, frameId: 0 });

let ids = 0;
const draft = (): HighlightDraft => {
  const quote = 'Douyin said it had removed 3,000 accounts during the Qinglang campaign.';
  return {
    id: `private-${++ids}`,
    page: { url: 'https://news.example.net/douyin', title: 'Douyin clean-up' },
    selectors: [{ type: 'TextQuoteSelector', exact: quote }],
    quote,
    note: '',
    tags: [],
    color: 'yellow',
    created: 1_710_000_000_000,
  };
};

async function background(): Promise<{ save: (sender: Sender) => Promise<unknown>; store: LensStore }> {
  const opened = await openStore(new IDBFactory(), 'private-windows-test', { keyRange: IDBKeyRange });
  if (!opened.ok) throw new Error(opened.error.message);
  const router = createRouter<Sender>();
  registerHighlightHandlers(router, createHighlightService(opened.value), {
    refuseSave: privateWindowGate(fakeBrowser.storage.local),
  });
  return { save: (sender) => router.dispatch({ type: 'highlights/save', draft: draft() }, sender)!, store: opened.value };
}

const storedCount = async (store: LensStore) => {
  const all = await store.highlightsForUrl('https://news.example.net/douyin');
  if (!all.ok) throw new Error(all.error.message);
  return all.value.length;
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('saving from a private window', () => {
  it('is refused with a sentence saying why and where to change it, and nothing is stored', async () => {
    const bg = await background();
    const answer = await bg.save(fromTab(true));
    expect(answer).toEqual({ ok: false, error: { kind: 'invalid', message: PRIVATE_WINDOW_REFUSAL } });
    expect(PRIVATE_WINDOW_REFUSAL).toMatch(/private window/);
    expect(PRIVATE_WINDOW_REFUSAL).toMatch(/options/);
    expect(await storedCount(bg.store)).toBe(0);
  });

  it('stores the highlight once the user allows private windows, and refuses again when they take it back', async () => {
    const bg = await background();
    expect(await saveSettings(fakeBrowser.storage.local, { privateWindows: 'allow' })).toMatchObject({ ok: true });
    expect(await bg.save(fromTab(true))).toMatchObject({ ok: true });
    expect(await saveSettings(fakeBrowser.storage.local, { privateWindows: 'never-store' })).toMatchObject({ ok: true });
    expect(await bg.save(fromTab(true))).toMatchObject({ ok: false });
    expect(await storedCount(bg.store)).toBe(1);
  });

  it('treats an unreadable policy as "store nothing"', async () => {
    const bg = await background();
    await fakeBrowser.storage.local.set({ [storageKeyOf('privateWindows')]: 'sometimes' });
    expect(await bg.save(fromTab(true))).toMatchObject({ ok: false, error: { message: PRIVATE_WINDOW_REFUSAL } });
  });
});

describe('saving from a normal window', () => {
  it('is never held back by the private-window policy', async () => {
    const bg = await background();
    expect(await bg.save(fromTab(false))).toMatchObject({ ok: true });
    expect(await bg.save({ frameId: 0 } as Sender)).toMatchObject({ ok: true });
    expect(await storedCount(bg.store)).toBe(2);
  });
});
