/**
 * The background's router, wired as the service worker wires it, on a real store
 * (fake-indexeddb): who may send what, and the private-window policy over every write.
 * The policy is checked for every message type of the catalogue: adding a message
 * without a sample here does not compile, and a sample that writes from a private
 * window fails the store comparison below, whatever its route says.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { BACKGROUND_ROUTES, tabSender, type Message, type ToBackground } from '../../lib/messages';
import { openStore, type LensStore } from '../../lib/store';
import { createHighlightService, registerHighlightHandlers, type HighlightDraft } from '../../lib/highlight-service';
import { createLibraryService, registerLibraryHandlers } from '../../lib/library-service';
import { saveSettings, storageKeyOf } from '../../lib/settings';
import { createBackgroundRouter, type BackgroundRouter } from '../../entrypoints/background/router';
import { registerTabMentions } from '../../entrypoints/background/tab-mentions';
import { PRIVATE_WINDOW_REFUSAL } from '../../entrypoints/background/private-windows';
import { SCHEMA_VERSION, type Highlight } from '../../lib/types';
import { createSharingHub, memorySharingState, memoryTeamCache, registerSharingHandlers } from '../../lib/sharing';

type Sender = Browser.runtime.MessageSender;
const ORIGIN = 'chrome-extension://lens/';
const URL_A = 'https://news.example.net/douyin';

/** A content script's message, from a tab of a web page. */
const fromContent = (incognito = false): Sender => ({
  id: fakeBrowser.runtime.id,
  url: `${URL_A}#section`,
  tab: { id: 7, incognito } as Browser.tabs.Tab,
  frameId: 0,
});
/** An extension page's message: the library in a tab (the popup has no tab). */
const fromPage = (incognito = false): Sender => ({
  id: fakeBrowser.runtime.id,
  url: `${ORIGIN}library.html`,
  tab: { id: 8, incognito } as Browser.tabs.Tab,
});

let ids = 0;
const draft = (quote = 'Douyin said it had removed 3,000 accounts during the Qinglang campaign.'): HighlightDraft => ({
  id: `private-${++ids}`,
  page: { url: URL_A, title: 'Douyin clean-up' },
  selectors: [
    { type: 'TextQuoteSelector', exact: quote },
    { type: 'TextPositionSelector', start: 100 + ids * 200, end: 100 + ids * 200 + quote.length },
  ],
  quote,
  note: '',
  tags: [],
  color: 'yellow',
  created: 1_710_000_000_000,
});

const stored = (id: string, url = URL_A): Highlight => ({
  schemaVersion: SCHEMA_VERSION,
  id,
  url,
  page: { url, title: 'Elsewhere' },
  selectors: [{ type: 'TextQuoteSelector', exact: 'Weibo closed 1,200 accounts.' }],
  quote: 'Weibo closed 1,200 accounts.',
  note: '',
  tags: [],
  color: 'green',
  entities: ['weibo'],
  facts: [
    {
      id: `${id}:fact-1`,
      highlightId: id,
      text: 'Weibo closed 1,200 accounts.',
      value: 1200,
      unit: 'accounts',
      action: 'closed',
      figureText: '1,200',
      entities: ['weibo'],
      source: { url, title: 'Elsewhere' },
      created: 1_700_000_000_000,
    },
  ],
  created: 1_700_000_000_000,
  updated: 1_700_000_000_000,
});

/** One well-formed message of every type the background answers. */
const SAMPLES: { [K in keyof ToBackground]: () => Message<ToBackground, K> } = {
  'mentions/changed': () => ({ type: 'mentions/changed', url: URL_A, total: 2, byEntity: { douyin: 2 } }),
  'mentions/of-tab': () => ({ type: 'mentions/of-tab', tabId: 7 }),
  'highlights/save': () => ({ type: 'highlights/save', draft: draft() }),
  'highlights/update': () => ({ type: 'highlights/update', id: 'seed', edit: { note: 'a note' } }),
  'highlights/delete': () => ({ type: 'highlights/delete', id: 'seed' }),
  'highlights/restore': () => ({ type: 'highlights/restore', highlight: stored('restored') }),
  'highlights/for-url': () => ({ type: 'highlights/for-url', url: URL_A }),
  'highlights/anchored': () => ({ type: 'highlights/anchored', url: URL_A, found: [], orphaned: ['seed'] }),
  'highlights/resolve-change': () => ({ type: 'highlights/resolve-change', id: 'seed', choice: 'keep' }),
  'highlights/fact-count': () => ({ type: 'highlights/fact-count', entity: 'weibo' }),
  'facts/add': () => ({ type: 'facts/add', highlightId: 'seed', fact: { value: 900, unit: 'accounts', action: 'closed' } }),
  // A whole text in one part: it is written at once.
  'pages/text-part': () => ({ type: 'pages/text-part', url: URL_A, captured: 1_700_000_000_000, offset: 0, length: 11, text: 'Weibo said.' }),
  'facts/update': () => ({ type: 'facts/update', id: 'seed:fact-1', edit: { value: 1300 } }),
  'library/import': () => ({ type: 'library/import', highlights: [stored('imported', 'https://other.example/')], pages: [] }),
  'library/delete-all': () => ({ type: 'library/delete-all' }),
  'sharing/status': () => ({ type: 'sharing/status', ids: ['seed'] }),
  'sharing/share': () => ({ type: 'sharing/share', id: 'seed' }),
  'sharing/retry': () => ({ type: 'sharing/retry', id: 'seed' }),
  'sharing/team': () => ({ type: 'sharing/team', url: URL_A }),
  'sharing/group': () => ({ type: 'sharing/group' }),
};

/** The messages reviewed as reads: a new message is a write until someone says otherwise here. */
const READS = ['mentions/changed', 'mentions/of-tab', 'highlights/for-url', 'highlights/fact-count', 'sharing/status', 'sharing/team', 'sharing/group'];
const TYPES = Object.keys(BACKGROUND_ROUTES) as Array<keyof ToBackground>;

interface Background {
  router: BackgroundRouter;
  store: LensStore;
  send<K extends keyof ToBackground>(message: Message<ToBackground, K>, sender: Sender): Promise<unknown>;
  /** Everything the store holds, to compare before and after. */
  contents(): Promise<string>;
}

let dbs = 0;
async function background(): Promise<Background> {
  const opened = await openStore(new IDBFactory(), `router-test-${++dbs}`, { keyRange: IDBKeyRange });
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value;
  // Marked changed since saved, so keeping or taking its new text has something to write.
  const seeded = await store.saveHighlight({ ...stored('seed'), changed: { text: 'Weibo closed 1,300 accounts.', was: ['1,200'], now: ['1,300'] } });
  if (!seeded.ok) throw new Error(seeded.error.message);
  const router = createBackgroundRouter({ id: fakeBrowser.runtime.id, origin: ORIGIN }, fakeBrowser.storage.local);
  registerTabMentions(router, (tabId) => tabSender((message) => fakeBrowser.tabs.sendMessage(tabId, message as never)));
  registerHighlightHandlers(router, createHighlightService(store));
  registerLibraryHandlers(router, createLibraryService(store));
  // Sharing, not connected: a share only queues (its outbox is part of what a write may change).
  const sharing = { ...memorySharingState(), ...memoryTeamCache() };
  // A share that failed for want of the user, so that Retry has something to change.
  await sharing.putEntry({ highlightId: 'seed', op: 'publish', attempts: 1, revision: 1, nextTry: 0, stopped: true });
  registerSharingHandlers(
    router,
    createSharingHub({
      connection: async () => null,
      granted: async () => false,
      fetch: () => Promise.reject(new Error('no request may be made')),
      state: sharing,
      load: async (id) => {
        const h = await store.getHighlight(id);
        return h.ok ? h.value : undefined;
      },
      wakeAt: () => undefined,
      now: () => 1_000,
    }),
  );
  const read = async <T>(r: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> => {
    const result = await r;
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  return {
    router,
    store,
    send: (message, sender) => router.dispatch(message, sender)!,
    contents: async () =>
      JSON.stringify([
        await read(store.allHighlights()),
        await read(store.allFacts()),
        await read(store.allPages()),
        await sharing.entries(),
        await sharing.links(),
      ]),
  };
}

/** The sender of a sample: a content script where the route admits one, else an extension page. */
const senderFor = (type: keyof ToBackground, incognito: boolean): Sender =>
  (BACKGROUND_ROUTES[type].from as readonly string[]).includes('content') ? fromContent(incognito) : fromPage(incognito);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the private-window policy, over every message type', () => {
  it('knows every write: each message is either a reviewed read or a write', () => {
    for (const type of TYPES) expect([type, BACKGROUND_ROUTES[type].writes]).toEqual([type, !READS.includes(type)]);
  });

  it.each(TYPES)('%s from a private window: a write is refused and the store is left as it was', async (type) => {
    const bg = await background();
    const before = await bg.contents();
    const answer = await bg.send(SAMPLES[type](), senderFor(type, true));
    if (BACKGROUND_ROUTES[type].writes) {
      expect(answer).toEqual({ ok: false, error: { kind: 'refused', message: PRIVATE_WINDOW_REFUSAL } });
    } else {
      expect(answer).toMatchObject({ ok: true });
    }
    expect(await bg.contents()).toBe(before);
  });

  it.each(TYPES.filter((t) => BACKGROUND_ROUTES[t].writes))('%s from a private window writes once the user allows it', async (type) => {
    const bg = await background();
    expect(await saveSettings(fakeBrowser.storage.local, { privateWindows: 'allow' })).toMatchObject({ ok: true });
    const before = await bg.contents();
    expect(await bg.send(SAMPLES[type](), senderFor(type, true))).toMatchObject({ ok: true });
    // The sample really writes: so the comparison above would have caught a write let through.
    expect(await bg.contents()).not.toBe(before);
  });

  it('refuses again when the user takes the permission back, and treats an unreadable policy as "store nothing"', async () => {
    const bg = await background();
    await saveSettings(fakeBrowser.storage.local, { privateWindows: 'allow' });
    expect(await bg.send(SAMPLES['highlights/save'](), fromContent(true))).toMatchObject({ ok: true });
    await saveSettings(fakeBrowser.storage.local, { privateWindows: 'never-store' });
    expect(await bg.send(SAMPLES['highlights/save'](), fromContent(true))).toMatchObject({ ok: false, error: { kind: 'refused' } });
    await fakeBrowser.storage.local.set({ [storageKeyOf('privateWindows')]: 'sometimes' });
    expect(await bg.send(SAMPLES['highlights/update'](), fromContent(true))).toMatchObject({
      ok: false,
      error: { kind: 'refused', message: PRIVATE_WINDOW_REFUSAL },
    });
    expect(PRIVATE_WINDOW_REFUSAL).toMatch(/private window/);
    expect(PRIVATE_WINDOW_REFUSAL).toMatch(/options/);
  });

  it('never holds back a normal window', async () => {
    const bg = await background();
    expect(await bg.send(SAMPLES['highlights/save'](), fromContent(false))).toMatchObject({ ok: true });
    expect(await bg.send(SAMPLES['highlights/update'](), fromContent(false))).toMatchObject({ ok: true });
  });
});

describe('who may send what', () => {
  it('refuses library messages from a content script, and leaves the store alone', async () => {
    const bg = await background();
    const before = await bg.contents();
    for (const type of ['library/delete-all', 'library/import', 'facts/update', 'mentions/of-tab'] as const) {
      const answer = await bg.send(SAMPLES[type](), fromContent());
      expect(answer).toMatchObject({ ok: false, error: { kind: 'refused', message: expect.stringMatching(/only takes this from its own pages/) } });
    }
    expect(await bg.contents()).toBe(before);
    expect(await bg.send(SAMPLES['library/delete-all'](), fromPage())).toMatchObject({ ok: true });
  });

  it('counts an extension page in a tab as a page, and a message from another extension as no one’s', async () => {
    const bg = await background();
    expect(await bg.send(SAMPLES['facts/update'](), fromPage())).toMatchObject({ ok: true });
    const stranger = { ...fromPage(), id: 'another-extension' };
    expect(await bg.send(SAMPLES['highlights/for-url'](), stranger)).toMatchObject({ ok: false, error: { kind: 'refused' } });
  });

  it('refuses page-only messages from a content script even when it claims an extension address in the message', async () => {
    const bg = await background();
    const forged = { ...SAMPLES['library/delete-all'](), url: `${ORIGIN}options.html` };
    expect(await bg.send(forged, fromContent())).toMatchObject({ ok: false, error: { kind: 'refused' } });
  });
});

describe('what the router lets through', () => {
  it('refuses a highlight that could never be found again, says why, and stores nothing', async () => {
    const bg = await background();
    const before = await bg.contents();
    const bad = { ...draft(), selectors: [{ type: 'TextPositionSelector' as const, start: 0, end: 5 }] };
    const answer = await bg.send({ type: 'highlights/save', draft: bad }, fromContent());
    expect(answer).toEqual({
      ok: false,
      error: { kind: 'invalid', message: expect.stringMatching(/^Could not save the highlight: the request was malformed \(draft\.selectors .*TextQuoteSelector/) },
    });
    expect(await bg.contents()).toBe(before);
  });

  it('refuses a colour that is not one of ours, naming the field', async () => {
    const bg = await background();
    const answer = await bg.send({ type: 'highlights/save', draft: { ...draft(), color: 'red' as 'yellow' } }, fromContent());
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid', message: expect.stringMatching(/draft\.color should be one of/) } });
  });

  it('does not let an edit change the quote', async () => {
    const bg = await background();
    const answer = await bg.send({ type: 'highlights/update', id: 'seed', edit: { quote: 'rewritten' } as never }, fromContent());
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid', message: expect.stringMatching(/edit\.quote/) } });
    const after = await bg.store.getHighlight('seed');
    expect(after).toMatchObject({ ok: true, value: { quote: 'Weibo closed 1,200 accounts.' } });
  });

  it('keeps only the fields a message declares', async () => {
    const bg = await background();
    const answer = await bg.send({ ...SAMPLES['highlights/save'](), draft: { ...draft(), entities: ['forged'] } as HighlightDraft }, fromContent());
    expect(answer).toMatchObject({ ok: true, value: { highlight: { entities: ['douyin', 'qinglang'] } } });
  });
});

describe('what the library messages tell sharing', () => {
  it('names the highlights an import or a fact correction rewrote, and passes on the choice made on Delete everything', async () => {
    const opened = await openStore(new IDBFactory(), `router-test-${++dbs}`, { keyRange: IDBKeyRange });
    if (!opened.ok) throw new Error(opened.error.message);
    const store = opened.value;
    await store.saveHighlight(stored('seed'));
    const told: string[] = [];
    const router = createBackgroundRouter({ id: fakeBrowser.runtime.id, origin: ORIGIN }, fakeBrowser.storage.local);
    registerLibraryHandlers(router, createLibraryService(store), {
      rewritten: (ids) => told.push(`rewritten ${ids.join(' ')}`),
      deletedAll: (takeBack) => told.push(`deleted all, take back: ${takeBack}`),
    });
    const send = (message: Parameters<BackgroundRouter['dispatch']>[0]) => router.dispatch(message, fromPage())!;

    expect(await send({ type: 'facts/update', id: 'seed:fact-1', edit: { value: 1300 } })).toMatchObject({ ok: true });
    // A newer copy of `seed` and a new highlight are written; the same copy again writes nothing.
    const newer = { ...stored('seed'), note: 'from the backup', updated: 1_800_000_000_000 };
    expect(await send({ type: 'library/import', highlights: [newer, stored('imported', 'https://other.example/')], pages: [] })).toMatchObject({ ok: true });
    expect(await send({ type: 'library/import', highlights: [newer], pages: [] })).toMatchObject({ ok: true, value: { skipped: 1 } });
    expect(await send({ type: 'library/delete-all' })).toMatchObject({ ok: true });
    expect(await send({ type: 'library/delete-all', takeBackShared: true })).toMatchObject({ ok: true });
    expect(told).toEqual(['rewritten seed', 'rewritten seed imported', 'deleted all, take back: false', 'deleted all, take back: true']);
  });
});
