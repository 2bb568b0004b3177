/**
 * Saving when the background fails, in the real extension: the service worker stopped
 * (through the DevTools protocol, as Chromium stops an idle one) in the middle of a save,
 * before its write landed and after it landed but before it could answer; two tabs
 * saving the same passage at the same moment; and a background that never answers.
 *
 * To stop the worker at a known point of the save, the test first makes the worker
 * stall there: it patches IndexedDB in the worker so that the save's write (or the
 * commit of that write) busy-waits, raising a flag in chrome.storage first. The stop
 * then ends the stalled worker; the next worker starts unpatched, as after a real stop.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inContentWorld, launchLens, readHighlights, settle, type Lens } from './harness';
import { squeeze } from './page-text';

/** The `chrome.*` calls this test makes in the service worker and in an extension page. */
declare const chrome: {
  tabs: { sendMessage(tabId: number, message: object, options: { frameId: number }): Promise<unknown> };
  storage: { local: { set(items: object): Promise<void>; get(key: string): Promise<Record<string, unknown>>; remove(key: string): Promise<void> } };
};

const PATH = 'highlights/article.html';
const PASSAGE = 'Several bloggers said they had moved their paid groups to private chats before the sweep began.';
const STALL_FLAG = 'qinglang-test-stalled';

let lens: Lens;
/** An extension page, to read chrome.storage while the worker is stalled. */
let extensionPage: Page;

beforeAll(async () => {
  lens = await launchLens();
  extensionPage = await lens.openExtensionPage('options.html');
});
afterAll(async () => {
  await lens?.close();
});

/** Selects the passage (a whole paragraph's text) in `page`, as a reader would with the mouse. */
async function selectPassage(page: Page, passage: string): Promise<void> {
  const found = await page.evaluate((text) => {
    for (const p of document.querySelectorAll('p')) {
      if (p.textContent?.trim() !== text) continue;
      const range = document.createRange();
      range.selectNodeContents(p);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
    return false;
  }, passage);
  if (!found) throw new Error(`"${passage}" is not a paragraph of the page`);
}

/** Asks the tab to highlight its selection, as the keyboard command does, and waits for its answer. */
function highlightSelection(tabId: number): Promise<{ ok: boolean; value?: { id: string }; error?: { kind: string; message: string } }> {
  return lens.inWorker(
    (id: number) => chrome.tabs.sendMessage(id, { type: 'highlights/from-selection', via: 'command' }, { frameId: 0 }),
    tabId,
  ) as Promise<{ ok: boolean; value?: { id: string }; error?: { kind: string; message: string } }>;
}

/** The same, without waiting: the worker that passes it on is about to be stopped. */
function startHighlighting(tabId: number): Promise<void> {
  return lens.inWorker((id: number) => {
    void chrome.tabs.sendMessage(id, { type: 'highlights/from-selection', via: 'command' }, { frameId: 0 }).catch(() => undefined);
  }, tabId);
}

/** The page's highlights in the extension's database, read in the service worker. */
function storedQuotes(url: string): Promise<string[]> {
  return lens.inWorker(async (pageUrl: string) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('qinglang-lens');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<Array<{ url: string; quote: string }>>((resolve, reject) => {
      const request = db.transaction('highlights').objectStore('highlights').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return all.filter((h) => h.url === pageUrl).map((h) => h.quote);
  }, url);
}

type StallPoint = 'before-write' | 'after-commit';

/**
 * Makes the worker's next write of a highlight stall for `ms`: before the write is made
 * (so stopping the worker loses it), or once its transaction committed (so stopping the
 * worker loses only the answer). The flag in chrome.storage says the stall has begun.
 */
function stallNextSave(point: StallPoint, ms: number): Promise<void> {
  return lens.inWorker(
    ({ point, ms, flag }: { point: StallPoint; ms: number; flag: string }) => {
      const spin = () => {
        void chrome.storage.local.set({ [flag]: point });
        const until = Date.now() + ms;
        while (Date.now() < until) {
          // Busy: the worker does nothing else until it is stopped.
        }
      };
      let armed = true;
      if (point === 'before-write') {
        const put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
          if (armed && this.name === 'highlights') {
            armed = false;
            spin();
          }
          return put.apply(this, args);
        };
      } else {
        const listen = IDBTransaction.prototype.addEventListener;
        IDBTransaction.prototype.addEventListener = function (
          this: IDBTransaction,
          type: string,
          listener: EventListenerOrEventListenerObject,
          options?: boolean | AddEventListenerOptions,
        ) {
          const savesHighlights = this.mode === 'readwrite' && this.objectStoreNames.contains('highlights');
          if (type === 'complete' && savesHighlights && typeof listener === 'function') {
            const completed = listener;
            listener = function (this: IDBTransaction, event: Event) {
              if (armed) {
                armed = false;
                spin();
              }
              completed.call(this, event);
            };
          }
          return listen.call(this, type, listener, options);
        };
      }
    },
    { point, ms, flag: STALL_FLAG },
  );
}

/** Waits until the stalled worker raised its flag (read from an extension page: the worker itself is busy). */
async function waitForStall(): Promise<string | undefined> {
  const read = () => extensionPage.evaluate((flag) => chrome.storage.local.get(flag).then((items) => items[flag] as string | undefined), STALL_FLAG);
  return settle(read, (v) => v !== undefined, 20_000);
}

/** Stops the extension's service worker as Chromium stops an idle one, through the DevTools protocol. */
async function stopWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach();
  }
  await extensionPage.evaluate((flag) => chrome.storage.local.remove(flag), STALL_FLAG);
}

/** The text of our in-page UI (its closed shadow root, seen through the DevTools protocol). */
async function ourUiText(page: Page): Promise<string> {
  interface DomNode {
    nodeType: number;
    nodeName: string;
    nodeValue?: string;
    children?: DomNode[];
    shadowRoots?: DomNode[];
  }
  const cdp = await page.context().newCDPSession(page);
  try {
    // Our UI host's tag is random for each page load: the content script's world knows it.
    const tag = (await inContentWorld<string>(page, `globalThis.__lensInspection.names.tag('ui')`))?.toUpperCase();
    if (!tag) return '';
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const textOf = (node: DomNode): string =>
      node.nodeType === 3 ? (node.nodeValue ?? '') : [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf).join(' ');
    const find = (node: DomNode): DomNode | undefined => {
      if (node.nodeName === tag) return node;
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
        const hit = find(child);
        if (hit) return hit;
      }
      return undefined;
    };
    const host = find(root);
    return host ? textOf(host).replace(/\s+/g, ' ').trim() : '';
  } finally {
    await cdp.detach();
  }
}

/** A fresh copy of the article at its own address, so each test starts with no highlights. */
async function freshArticle(name: string): Promise<{ page: Page; url: string }> {
  const page = await lens.openPage(`${PATH}?${name}`);
  return { page, url: page.url() };
}

const savedPainted = async (page: Page) => (await readHighlights(page, 'saved:')).map((h) => squeeze(h.text));

describe('a save when the service worker is stopped in the middle of it', () => {
  it.each<StallPoint>(['before-write', 'after-commit'])('lands exactly once (worker stopped %s)', async (point) => {
    const { page, url } = await freshArticle(`stop-${point}`);
    await selectPassage(page, PASSAGE);
    await stallNextSave(point, 30_000);
    await startHighlighting(await lens.tabIdOf(page));
    expect(await waitForStall()).toBe(point);
    await stopWorker(page);
    // The content script sends the save again; the woken worker stores it, or finds it stored.
    expect(await settle(() => savedPainted(page), (t) => t.length === 1, 20_000)).toEqual([squeeze(PASSAGE)]);
    expect(await settle(() => storedQuotes(url), (q) => q.length >= 1)).toEqual([PASSAGE]);
    await page.close();
  });
});

describe('two tabs saving the same passage at the same moment', () => {
  it('make one highlight, which both tabs show', async () => {
    const first = await freshArticle('two-tabs');
    const second = await lens.openPage(`${PATH}?two-tabs`);
    await selectPassage(first.page, PASSAGE);
    await selectPassage(second, PASSAGE);
    const [a, b] = await Promise.all([highlightSelection(await lens.tabIdOf(first.page)), highlightSelection(await lens.tabIdOf(second))]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toMatchObject({ ok: true });
    expect(a.value!.id).toBe(b.value!.id);
    expect(await storedQuotes(first.url)).toEqual([PASSAGE]);
    expect(await settle(() => savedPainted(second), (t) => t.length === 1)).toEqual([squeeze(PASSAGE)]);

    // Selecting it again opens its card instead of making a second one.
    await selectPassage(second, PASSAGE);
    expect(await highlightSelection(await lens.tabIdOf(second))).toMatchObject({ ok: true, value: { id: a.value!.id } });
    expect(await storedQuotes(first.url)).toEqual([PASSAGE]);
    await first.page.close();
    await second.close();
  });
});

describe('a background that does not answer', () => {
  it('lets the save time out with a sentence the user understands', async () => {
    const { page, url } = await freshArticle('no-answer');
    await selectPassage(page, PASSAGE);
    // Longer than the save's 30-second deadline.
    await stallNextSave('before-write', 50_000);
    await startHighlighting(await lens.tabIdOf(page));
    expect(await waitForStall()).toBe('before-write');
    const text = await settle(() => ourUiText(page), (t) => /did not answer/.test(t), 40_000);
    expect(text).toMatch(/Could not save the highlight: Qinglang Lens did not answer within 30 seconds\. Try again in a moment/);
    await stopWorker(page);
    // Nothing was stored; asked from an extension page, whose message wakes a new worker.
    const stored = await extensionPage.evaluate(
      (pageUrl) => (chrome as unknown as { runtime: { sendMessage(m: object): Promise<unknown> } }).runtime.sendMessage({ type: 'highlights/for-url', url: pageUrl }),
      url,
    );
    expect(stored).toEqual({ ok: true, value: [] });
    await page.close();
  }, 120_000);
});
