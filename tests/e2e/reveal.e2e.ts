/**
 * The popup's "show me" for an entity, in the built extension: each ask scrolls the
 * page to the entity's next mention (wrapping round), flashes it, and says which one of
 * how many it is, without touching the reader's selection or the page's DOM.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchLens, readHighlights, settle, type Lens } from './harness';

let lens: Lens;
beforeAll(async () => {
  lens = await launchLens();
});
afterAll(async () => {
  await lens?.close();
});

interface Revealed {
  found: boolean;
  index: number;
  total: number;
}

/** What the content script answers: the one Result type of the message layer. */
type Reply = { ok: true; value: Revealed } | { ok: false; error: { kind: string; message: string } };

/**
 * Sends the popup's message to the page's tab from the service worker, as the popup does,
 * and reads the Result's value; a failure fails the test with its sentence.
 */
async function reveal(tabId: number, entity: string): Promise<Revealed> {
  const reply = await lens.inWorker(
    ({ tabId, entity }) =>
      (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown, o: unknown): Promise<Reply> } } }).chrome.tabs.sendMessage(
        tabId,
        { type: 'mentions/reveal', entity },
        { frameId: 0 },
      ),
    { tabId, entity },
  );
  if (!reply?.ok) throw new Error(`mentions/reveal failed: ${reply ? reply.error.message : 'no answer'}`);
  return reply.value;
}

/** Which paragraph (by id) is in the middle of the viewport once scrolling has stopped. */
async function paragraphInView(page: Page): Promise<string> {
  let last = -1;
  await settle(
    () => page.evaluate(() => window.scrollY),
    (y) => {
      const still = y === last;
      last = y;
      return still;
    },
  );
  return page.evaluate(() => {
    for (const p of document.querySelectorAll('p[id]')) {
      const r = p.getBoundingClientRect();
      if (r.bottom > 0 && r.top < window.innerHeight) return p.id;
    }
    return '';
  });
}

describe('revealing the mentions of an entity', () => {
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    page = await lens.openPage('reveal/long-read.html');
    await page.setViewportSize({ width: 1000, height: 700 });
    await lens.waitForBadge(page, '3');
    tabId = await lens.tabIdOf(page);
  });

  it('scrolls to each mention in turn, counts them, and comes back round to the first', async () => {
    await page.bringToFront();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const seen: Array<[Revealed, string, number]> = [];
    for (let i = 0; i < 4; i++) {
      const answer = await reveal(tabId, 'douyin');
      seen.push([answer, await paragraphInView(page), await page.evaluate(() => window.scrollY)]);
    }
    expect(seen.map(([a, p]) => [a.index, a.total, a.found, p])).toEqual([
      [1, 3, true, 'first'],
      [2, 3, true, 'second'],
      [3, 3, true, 'third'],
      [1, 3, true, 'first'],
    ]);
    const ys = seen.map(([, , y]) => y);
    expect(ys[0]).toBeGreaterThan(0);
    expect(ys[1]).toBeGreaterThan(ys[0]!);
    expect(ys[2]).toBeGreaterThan(ys[1]!);
    expect(ys[3]).toBe(ys[0]);
  });

  it('flashes the mention it shows, briefly', async () => {
    await reveal(tabId, 'douyin');
    expect((await readHighlights(page, 'reveal')).map((h) => h.text)).toEqual(['Douyin']);
    const gone = await settle(() => readHighlights(page, 'reveal'), (h) => h.length === 0, 4_000);
    expect(gone).toEqual([]);
  });

  it("leaves the reader's selection and the page's DOM as they were", async () => {
    const before = await page.evaluate(() => {
      const intro = document.getElementById('intro')!.firstChild!;
      const range = document.createRange();
      range.setStart(intro, 5);
      range.setEnd(intro, 10);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return { selected: String(getSelection()), html: document.body.innerHTML };
    });
    expect(before.selected).toBe('essay');
    await reveal(tabId, 'douyin');
    await paragraphInView(page);
    expect(await page.evaluate(() => ({ selected: String(getSelection()), html: document.body.innerHTML }))).toEqual(before);
  });

  it('says so when the page has no mention of the entity', async () => {
    expect(await reveal(tabId, 'kuaishou')).toEqual({ found: false, index: 0, total: 0 });
  });
});
