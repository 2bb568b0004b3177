import { describe, expect, it, vi } from 'vitest';
// idb's wrappers look for the IndexedDB interfaces on the global object.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openStore, type LensStore } from '../../lib/store';
import { BACKGROUND_ROUTES, contentSender, createRouter, tabSender, type ToBackground } from '../../lib/messages';
import {
  createHighlightService,
  createSelectionTrigger,
  registerHighlightHandlers,
  HIGHLIGHT_COMMAND,
  HIGHLIGHT_MENU_ID,
  type HighlightDraft,
  type PageCapture,
} from '../../lib/highlight-service';
import type { PageMeta } from '../../lib/types';

async function freshStore(): Promise<LensStore> {
  const opened = await openStore(new IDBFactory(), 'highlight-service-test', { keyRange: IDBKeyRange });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

const page: PageMeta = {
  url: 'https://news.example.org/2023/05/purge',
  title: 'China purges 1.4m posts',
  site: 'Example News',
  published: '2023-05-26',
};

const SENTENCE =
  'In a statement released on Friday, the CAC disclosed that between March 10 and May 22, it closed down 67,000 social media accounts and removed 1.4 million posts.';

let ids = 0;
function draft(overrides: Partial<HighlightDraft> = {}): HighlightDraft {
  const quote = overrides.quote ?? SENTENCE;
  return {
    id: `h-${++ids}`,
    page,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: 'account. ', suffix: ' China has' },
      { type: 'TextPositionSelector', start: 400, end: 400 + quote.length },
    ],
    quote,
    note: '',
    tags: [],
    color: 'yellow',
    created: 1_700_000_000_000,
    ...overrides,
  };
}

const capture = (text: string): PageCapture => ({ meta: page, text, captured: 1_700_000_000_500 });

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('saving a highlight', () => {
  it('stores the entities the quote mentions and a fact for each figure it states', async () => {
    const service = createHighlightService(await freshStore());
    const { highlight } = unwrap(await service.save(draft()));
    expect(highlight.entities).toEqual(['cac']);
    expect(highlight.facts.map((f) => [f.value, f.unit, f.action])).toEqual([
      [67000, 'accounts', 'closed'],
      [1400000, 'posts', 'removed'],
    ]);
    expect(highlight.facts[0]).toMatchObject({
      highlightId: highlight.id,
      figureText: '67,000',
      entities: ['cac'],
      period: { from: '2023-03-10', to: '2023-05-22' },
      source: page,
    });
  });

  it('reads figures in a Chinese quote too', async () => {
    const service = createHighlightService(await freshStore());
    const { highlight } = unwrap(await service.save(draft({ quote: '微博平台累计清理违规信息3.2万条，处置账号1200余个。' })));
    expect(highlight.entities).toEqual(['weibo']);
    expect(highlight.facts.map((f) => f.value)).toEqual([32000, 1200]);
  });

  it('keeps the page and its article text with the first highlight, and never replaces that text', async () => {
    const store = await freshStore();
    const service = createHighlightService(store);
    unwrap(await service.save(draft(), capture('The article as it was first read.')));
    unwrap(await service.save(draft({ quote: 'a later passage' }), capture('The article after an edit.')));
    const stored = unwrap(await store.getPage(page.url));
    expect(stored).toMatchObject({ title: page.title, site: 'Example News', text: 'The article as it was first read.' });
  });

  describe('a long page text, kept in parts', () => {
    const whole = 'Paragraph of the report. '.repeat(12); // 300 characters
    const partOf = (offset: number, length = 100) => ({ url: page.url, captured: 1_700_000_000_500, offset, length: whole.length, text: whole.slice(offset, offset + length) });

    it('keeps the metadata with the save and the text once every part came, in one write', async () => {
      const store = await freshStore();
      const service = createHighlightService(store);
      unwrap(await service.save(draft(), { ...capture(whole.slice(0, 100)), length: whole.length }));
      // Never half a text: none until the last part.
      expect(unwrap(await store.getPage(page.url))).toMatchObject({ title: page.title });
      expect(unwrap(await store.getPage(page.url))?.text).toBeUndefined();
      expect(unwrap(await service.textPart(partOf(100)))).toEqual({ complete: false });
      expect(unwrap(await store.getPage(page.url))?.text).toBeUndefined();
      expect(unwrap(await service.textPart(partOf(200)))).toEqual({ complete: true });
      expect(unwrap(await store.getPage(page.url))).toMatchObject({ title: page.title, site: 'Example News', text: whole, captured: 1_700_000_000_500 });
    });

    it('refuses a part that does not follow the one before, with a sentence, and takes the text again from its start', async () => {
      const store = await freshStore();
      unwrap(await createHighlightService(store).save(draft(), { ...capture(whole.slice(0, 100)), length: whole.length }));
      // The worker restarted: a new service has not seen the first part.
      const restarted = createHighlightService(store);
      const refused = await restarted.textPart(partOf(100));
      expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid', message: expect.stringMatching(/interrupted/) } });
      // A gap and an overrun are refused too.
      unwrap(await restarted.textPart(partOf(0)));
      expect((await restarted.textPart(partOf(200))).ok).toBe(false);
      unwrap(await restarted.textPart(partOf(0)));
      expect((await restarted.textPart({ ...partOf(100), text: whole.slice(100) + 'more' })).ok).toBe(false);
      // From the start again, it is kept whole.
      for (const offset of [0, 100]) expect(unwrap(await restarted.textPart(partOf(offset))).complete).toBe(false);
      expect(unwrap(await restarted.textPart(partOf(200))).complete).toBe(true);
      expect(unwrap(await store.getPage(page.url))?.text).toBe(whole);
    });

    it('never replaces a text kept before', async () => {
      const store = await freshStore();
      const service = createHighlightService(store);
      unwrap(await service.save(draft(), capture('The article as it was first read.')));
      for (const offset of [0, 100, 200]) unwrap(await service.textPart(partOf(offset)));
      expect(unwrap(await store.getPage(page.url))?.text).toBe('The article as it was first read.');
    });

    it('forgets a text whose next part did not come for a minute', async () => {
      const store = await freshStore();
      let t = 0;
      const service = createHighlightService(store, { now: () => t });
      unwrap(await service.save(draft(), { ...capture(whole.slice(0, 100)), length: whole.length }));
      t = 61_000;
      expect((await service.textPart(partOf(100))).ok).toBe(false);
    });
  });

  it('answers a repeated save with the stored highlight and stores it once', async () => {
    const store = await freshStore();
    const service = createHighlightService(store);
    const d = draft();
    const first = unwrap(await service.save(d));
    const again = unwrap(await service.save(structuredClone(d)));
    expect(again.highlight).toEqual(first.highlight);
    expect(unwrap(await store.allHighlights())).toHaveLength(1);
    expect(unwrap(await store.allFacts())).toHaveLength(2);
  });

  it('answers two tabs saving the same passage at the same moment with one highlight', async () => {
    const store = await freshStore();
    const service = createHighlightService(store);
    // Two tabs of one page: the same quote at the same place, each with its own id.
    const [a, b] = await Promise.all([service.save(draft()), service.save(draft())]);
    const first = unwrap(a);
    const second = unwrap(b);
    expect(second.highlight.id).toBe(first.highlight.id);
    expect(second.existing).toBe(true);
    expect(first.existing).toBeUndefined();
    expect(unwrap(await store.allHighlights())).toHaveLength(1);
    expect(unwrap(await store.allFacts())).toHaveLength(2);
  });

  it('keeps the same words saved at another place of the page as a highlight of their own', async () => {
    const store = await freshStore();
    const service = createHighlightService(store);
    unwrap(await service.save(draft()));
    const elsewhere = draft();
    elsewhere.selectors = [
      { type: 'TextQuoteSelector', exact: SENTENCE, prefix: 'repeated: ', suffix: '' },
      { type: 'TextPositionSelector', start: 9_000, end: 9_000 + SENTENCE.length },
    ];
    expect(unwrap(await service.save(elsewhere)).existing).toBeUndefined();
    expect(unwrap(await store.allHighlights())).toHaveLength(2);
  });

  it('keeps one record when the service worker stops twice before its answer arrives', async () => {
    const store = await freshStore();
    const service = createHighlightService(store);
    let stops = 2;
    // The worker saves, then MV3 stops it before the reply reaches the tab.
    const send = async (d: HighlightDraft) => {
      const reply = await service.save(d);
      if (stops-- > 0) throw new Error('The message port closed before a response was received.');
      return reply;
    };
    const d = draft();
    const sender = contentSender((message) => send((message as { draft: HighlightDraft }).draft), { backoff: { baseDelayMs: 0, maxDelayMs: 0 } });
    const reply = await sender.send({ type: 'highlights/save', draft: d });
    expect(unwrap(reply).highlight.id).toBe(d.id);
    expect(unwrap(await store.allHighlights()).map((h) => h.id)).toEqual([d.id]);
  });

  it('passes a full disk on to the user as a clear message', async () => {
    const store = await freshStore();
    const full: LensStore = {
      ...store,
      saveHighlight: async () => ({
        ok: false,
        error: { kind: 'quota', message: 'Could not save the highlight: the browser has no storage space left.' },
      }),
    };
    const result = await createHighlightService(full).save(draft());
    expect(result).toEqual({
      ok: false,
      error: { kind: 'quota', message: 'Could not save the highlight: the browser has no storage space left.' },
    });
  });

  it('saves the highlight even when its page text cannot be kept, and says so', async () => {
    const store = await freshStore();
    const failingPages: LensStore = {
      ...store,
      putPage: async () => ({ ok: false, error: { kind: 'write', message: 'Could not keep the page.' } }),
    };
    const receipt = unwrap(await createHighlightService(failingPages).save(draft(), capture('text')));
    expect(receipt.pageError?.message).toBe('Could not keep the page.');
    expect(unwrap(await store.getHighlight(receipt.highlight.id))).toBeDefined();
  });
});

describe('editing, deleting and undoing', () => {
  it('changes note, tags and colour, and moves the update time forward', async () => {
    const service = createHighlightService(await freshStore(), { now: () => 1_800_000_000_000 });
    const { highlight } = unwrap(await service.save(draft()));
    const edited = unwrap(await service.update(highlight.id, { note: 'compare with Weibo', tags: ['figures'], color: 'green' }));
    expect(edited).toMatchObject({ note: 'compare with Weibo', tags: ['figures'], color: 'green', updated: 1_800_000_000_000 });
    expect(edited.quote).toBe(highlight.quote);
  });

  it('says so when the highlight to change is gone', async () => {
    const service = createHighlightService(await freshStore());
    const result = await service.update('never-saved', { note: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('not-found');
  });

  it('deletes a highlight with its facts and puts it back exactly on undo', async () => {
    const store = await freshStore();
    const service = createHighlightService(store);
    const { highlight } = unwrap(await service.save(draft({ note: 'keep me', tags: ['cac'] })));
    const removed = unwrap(await service.delete(highlight.id));
    expect(unwrap(await store.allHighlights())).toEqual([]);
    expect(unwrap(await store.allFacts())).toEqual([]);
    unwrap(await service.restore(removed));
    expect(unwrap(await store.getHighlight(highlight.id))).toEqual(highlight);
    expect(unwrap(await store.allFacts())).toHaveLength(2);
  });
});

describe('what re-anchoring found', () => {
  it('flags orphans, unflags passages found again and writes nothing already right', async () => {
    const store = await freshStore();
    const service = createHighlightService(store);
    const a = unwrap(await service.save(draft())).highlight;
    const b = unwrap(await service.save(draft({ quote: 'another passage' }))).highlight;
    expect(unwrap(await service.anchored(page.url, [a.id], [b.id]))).toEqual({ changed: 1 });
    expect(unwrap(await store.getHighlight(b.id))?.orphaned).toBe(true);
    expect(unwrap(await service.anchored(page.url, [a.id], [b.id]))).toEqual({ changed: 0 });
    expect(unwrap(await service.anchored(page.url, [b.id], []))).toEqual({ changed: 1 });
    expect(unwrap(await store.getHighlight(b.id))?.orphaned).toBe(false);
  });

  it('ignores ids that belong to another page', async () => {
    const store = await freshStore();
    const service = createHighlightService(store);
    const elsewhere = unwrap(await service.save(draft({ page: { ...page, url: 'https://other.example/x' } }))).highlight;
    expect(unwrap(await service.anchored(page.url, [], [elsewhere.id]))).toEqual({ changed: 0 });
    expect(unwrap(await store.getHighlight(elsewhere.id))?.orphaned).toBeUndefined();
  });
});

describe('lists and counts', () => {
  it('lists the highlights of one page only', async () => {
    const service = createHighlightService(await freshStore());
    const here = unwrap(await service.save(draft())).highlight;
    unwrap(await service.save(draft({ page: { ...page, url: 'https://other.example/y' } })));
    expect(unwrap(await service.forUrl(page.url)).map((h) => h.id)).toEqual([here.id]);
  });

  it('counts the facts collected about an entity across pages', async () => {
    const service = createHighlightService(await freshStore());
    unwrap(await service.save(draft()));
    unwrap(await service.save(draft({ page: { ...page, url: 'https://other.example/z' }, quote: 'The CAC summoned 12 platforms on Monday.' })));
    expect(unwrap(await service.factCount('cac'))).toBe(3);
    expect(unwrap(await service.factCount('douyin'))).toBe(0);
  });
});

describe('the message handlers', () => {
  it('answers a save message through the background router', async () => {
    const router = createRouter<ToBackground, unknown>(BACKGROUND_ROUTES);
    registerHighlightHandlers(router, createHighlightService(await freshStore()));
    const d = draft();
    const reply = await router.dispatch({ type: 'highlights/save', draft: d }, {});
    expect(reply).toMatchObject({ ok: true, value: { highlight: { id: d.id, quote: d.quote } } });
    expect(router.dispatch({ type: 'mentions/changed' }, {})).toBeUndefined();
  });
});

/** The background's sender to a tab's frame, over a tabs.sendMessage stand-in. */
const triggerSender =
  (sendToTab: (tabId: number, message: unknown, options: { frameId: number }) => Promise<unknown>) => (tabId: number, frameId: number) =>
    tabSender((message) => sendToTab(tabId, message, { frameId }));

describe('the keyboard command and the context menu', () => {
  it('ask the tab they were used in to highlight its selection', async () => {
    const sendToTab = vi.fn(async (_tabId: number, _message: unknown, _options: { frameId: number }) => ({
      ok: false as const,
      error: { kind: 'no-selection' as const, message: 'nothing selected' },
    }));
    const trigger = createSelectionTrigger(triggerSender(sendToTab));
    await trigger.onCommand(HIGHLIGHT_COMMAND, { id: 7 });
    expect(sendToTab).toHaveBeenLastCalledWith(7, { type: 'highlights/from-selection', via: 'command' }, { frameId: 0 });
    await trigger.onMenuClick({ menuItemId: HIGHLIGHT_MENU_ID, frameId: 3 }, { id: 7 });
    expect(sendToTab).toHaveBeenLastCalledWith(7, { type: 'highlights/from-selection', via: 'context-menu' }, { frameId: 3 });
  });

  it('leave other commands and menu items alone', async () => {
    const sendToTab = vi.fn();
    const trigger = createSelectionTrigger(triggerSender(sendToTab));
    expect(await trigger.onCommand('_execute_action', { id: 7 })).toBeUndefined();
    expect(await trigger.onMenuClick({ menuItemId: 'something-else' }, { id: 7 })).toBeUndefined();
    expect(sendToTab).not.toHaveBeenCalled();
  });

  it('explain a page where the extension cannot run', async () => {
    const trigger = createSelectionTrigger(
      triggerSender(async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }),
    );
    const outcome = await trigger.onCommand(HIGHLIGHT_COMMAND, { id: 9 });
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'unreachable', message: expect.stringMatching(/^Could not highlight the selection: Qinglang Lens is not running on this page/) },
    });
  });
});

describe('opening the store', () => {
  it('answers with why the database could not be opened, and tries again with the next message', async () => {
    const store = await freshStore();
    let opens = 0;
    const service = createHighlightService(async () => {
      opens++;
      return opens === 1
        ? { ok: false, error: { kind: 'open', message: 'Could not open the highlights database.' } }
        : { ok: true, value: store };
    });
    expect(await service.forUrl(page.url)).toEqual({
      ok: false,
      error: { kind: 'open', message: 'Could not open the highlights database.' },
    });
    expect(unwrap(await service.save(draft())).highlight.url).toBe(page.url);
    unwrap(await service.forUrl(page.url));
    expect(opens).toBe(2);
  });
});
