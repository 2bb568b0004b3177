/**
 * Keyboard first, in the real extension: after a selection made with the keyboard, one
 * Tab reaches the Highlight button (not the page's 50 navigation links, and nothing
 * scrolls), Enter saves, focus is in the card's note, Escape closes the card and puts the
 * caret back in the passage; Save fact is one more Tab; Escape closes a card wherever
 * focus is. Also the hover card's language on a Traditional page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchLens, readHighlights, settle, type Lens } from './harness';
import { byClass, cardAtRest, cardFrame, findOurs, readCard, readOurs, withCdp } from './our-ui';
import { centreOfText, squeeze } from './page-text';

const PATH = 'keyboard/links.html';
const FACT = 'The Cyberspace Administration of China said on Monday that it had closed 42,000 accounts during the latest Qinglang campaign.';
const PLAIN = 'Several bloggers said they had moved their paid groups to private chats before the sweep began.';
const LATER = 'Analysts expect a further round of the campaign before the end of the year.';

let lens: Lens;
beforeAll(async () => {
  lens = await launchLens();
});
afterAll(async () => {
  await lens?.close();
});

function stored(url: string): Promise<Array<{ quote: string; note: string }>> {
  return lens.inWorker(async (pageUrl: string) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('qinglang-lens');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<Array<{ url: string; quote: string; note: string; created: number }>>((resolve, reject) => {
      const request = db.transaction('highlights').objectStore('highlights').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return all.filter((h) => h.url === pageUrl).sort((a, b) => a.created - b.created).map(({ quote, note }) => ({ quote, note }));
  }, url);
}

/**
 * Selects from `word` to one character before the end of its paragraph, then extends the
 * selection by the last character with Shift+ArrowRight, as a keyboard user adjusts a
 * selection (without caret browsing a page has no caret to start one from).
 */
async function selectWithKeyboard(page: Page, word: string): Promise<void> {
  await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = node.textContent!.indexOf(needle);
      if (i < 0) continue;
      getSelection()!.setBaseAndExtent(node, i, node, node.textContent!.length - 1);
      return;
    }
    throw new Error(`"${needle}" is not on the page`);
  }, word);
  await page.keyboard.press('Shift+ArrowRight');
  await page.waitForTimeout(200);
}

describe('keyboard first', () => {
  let page: Page;
  let url: string;

  it('reaches the Highlight button with one Tab after a keyboard selection, without scrolling, and saves with Enter', async () => {
    page = await lens.openPage(PATH);
    url = lens.server.url(PATH);
    await settle(() => readHighlights(page, 'fact'), (f) => f.length > 0, 10_000);
    await selectWithKeyboard(page, 'Several bloggers');
    expect(squeeze(await page.evaluate(() => String(getSelection())))).toBe(PLAIN);
    await page.evaluate(() => window.scrollTo(0, 0));
    const scrolled = await page.evaluate(() => scrollY);
    await page.keyboard.press('Tab');
    // Focus left the page's links for our UI (the page sees only our host), and nothing scrolled.
    const active = await page.evaluate(() => document.activeElement?.localName ?? '');
    expect(active).toMatch(/^[a-z]+-[a-z]+$/);
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
    await page.keyboard.press('Enter');
    expect((await settle(() => stored(url), (s) => s.length === 1, 10_000)).map((h) => h.quote)).toEqual([PLAIN]);
  });

  it('puts focus in the card’s note after saving, and Escape brings the caret back to the passage', async () => {
    await readCard(page, (t) => t.length > 0);
    // The card is drawn in its frame a moment before focus arrives in its note: wait for the focus itself.
    const focused = await settle(
      async () => (await cardFrame(page)?.evaluate(() => document.hasFocus() && document.activeElement?.localName === 'textarea').catch(() => false)) ?? false,
      (inNote) => inNote,
      10_000,
    );
    expect(focused).toBe(true);
    await page.keyboard.type('typed without the mouse');
    await page.keyboard.press('Escape');
    expect(await settle(() => stored(url), (s) => s[0]?.note === 'typed without the mouse', 10_000)).toEqual([
      { quote: PLAIN, note: 'typed without the mouse' },
    ]);
    const after = await page.evaluate(() => {
      const s = getSelection()!;
      return { inOurs: document.activeElement?.localName.includes('-') ?? false, collapsed: s.isCollapsed, where: s.anchorNode?.parentElement?.id };
    });
    expect(after).toEqual({ inOurs: false, collapsed: true, where: 'plain' });
    expect(await readCard(page, (t) => t === '')).toBe('');
  });

  it('offers Save fact one Tab further when the selection lies in a fact sentence, and saves the whole sentence', async () => {
    await selectWithKeyboard(page, 'closed 42,000');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const all = await settle(() => stored(url), (s) => s.length === 2, 10_000);
    expect(all.map((h) => h.quote)).toEqual([PLAIN, FACT]);
    // Pressed as soon as the highlight is stored: the card may not be drawn yet, or not even
    // sent to its frame. Escape closes it all the same.
    await page.keyboard.press('Escape');
    expect(await readCard(page, (t) => t === '', 3_000)).toBe('');
  });

  it('takes the Highlight button away with Escape once Tab has reached it, and saves nothing', async () => {
    await selectWithKeyboard(page, 'Analysts expect');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.localName ?? '')).toMatch(/^[a-z]+-[a-z]+$/);
    await page.keyboard.press('Escape');
    const button = await withCdp(page, (cdp) => settle(() => findOurs(cdp, byClass('ql-selection-button')), (n) => n === null));
    expect(button).toBeNull();
    expect(await stored(url)).toHaveLength(2);
  });

  it('opens no card when Escape is pressed while the highlight is being saved, and saves it all the same', async () => {
    await selectWithKeyboard(page, 'Analysts expect');
    await page.keyboard.press('Tab');
    // Enter, then Escape at once: the save is still on its way to the extension.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const all = await settle(() => stored(url), (s) => s.length === 3, 10_000);
    expect(all.map((h) => h.quote)).toEqual([PLAIN, FACT, LATER]);
    // Long enough for a card to have opened and taken focus.
    await page.waitForTimeout(500);
    expect(await readCard(page, () => false, 0)).toBe('');
    expect(await page.evaluate(() => document.activeElement?.localName.includes('-') ?? false)).toBe(false);
  });

  it('closes a card opened with the mouse when Escape is pressed in the page', async () => {
    const at = await centreOfText(page, 'paid groups');
    await page.mouse.click(at.x, at.y);
    expect(await readCard(page, (t) => t.includes('Several bloggers'))).toContain('Several bloggers');
    // Focus is still in the page (the click did not move it into the card).
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('body');
    await page.keyboard.press('Escape');
    expect(await readCard(page, (t) => t === '')).toBe('');
  });

  it('closes the card when Escape lands on its frame but not in the card (focus there before the note could take it)', async () => {
    const at = await centreOfText(page, 'paid groups');
    await page.mouse.click(at.x, at.y);
    expect(await readCard(page, (t) => t.includes('Several bloggers'))).toContain('Several bloggers');
    // A click on the quote (nothing focusable) gives the frame focus with nothing inside it
    // focused: where Escape lands when it comes before the note has taken focus.
    const frame = cardFrame(page)!;
    await cardAtRest(frame);
    await frame.locator('.ql-card__quote').click();
    expect(await frame.evaluate(() => document.hasFocus() && document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await readCard(page, (t) => t === '', 3_000)).toBe('');
    // And focus is back in the page.
    expect(await settle(() => page.evaluate(() => document.activeElement?.localName.includes('-') ?? false), (inOurs) => !inOurs)).toBe(false);
  });

  it('keeps the card off its passage', async () => {
    const at = await centreOfText(page, 'paid groups');
    await page.mouse.click(at.x, at.y);
    await readCard(page, (t) => t.length > 0);
    const overlap = await withCdp(page, async (cdp) => {
      const card = await findOurs(cdp, byClass('ql-card-frame'));
      const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: card!.nodeId })) as { model: { border: number[] } };
      const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
      const passage = await page.evaluate(() => {
        const p = document.getElementById('plain')!;
        const range = document.createRange();
        range.selectNodeContents(p);
        return [...range.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
      });
      return passage.some((r) => r.left < x3 && r.right > x1 && r.top < y3 && r.bottom > y1);
    });
    expect(overlap).toBe(false);
    await page.keyboard.press('Escape');
  });

  it('speaks Traditional on a Traditional page: 網信辦, not 网信办', async () => {
    const zh = await lens.openPage('traditional.html');
    await settle(() => readHighlights(zh, 'mention:cac'), (m) => m.length > 0, 10_000);
    const mark = await centreOfText(zh, '網信辦');
    await zh.mouse.move(mark.x, mark.y);
    const card = await readOurs(zh, byClass('ql-hover'), (t) => t.length > 0);
    expect(card).toContain('網信辦');
    expect(card).toContain('國家互聯網信息辦公室');
    expect(card).not.toContain('网信办');
    await zh.close();
  });
});
