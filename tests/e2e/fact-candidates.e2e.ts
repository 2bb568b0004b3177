/**
 * Fact candidates in the real extension: the sentence that states a campaign figure is
 * underlined (and the one with an unrelated number is not), and its "Save fact" button
 * saves it as a highlight that carries the figure.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inContentWorld, launchLens, readHighlights, settle, type Lens } from './harness';
import { centreOfText, squeeze } from './page-text';

const CAMPAIGN_SENTENCE =
  'The Cyberspace Administration of China said on Monday that it had closed 42,000 accounts during the latest Qinglang campaign.';

let lens: Lens;
beforeAll(async () => {
  lens = await launchLens();
});
afterAll(async () => {
  await lens?.close();
});


async function candidateTexts(page: Page): Promise<string[]> {
  return (await readHighlights(page, 'fact')).map((h) => squeeze(h.text));
}

interface StoredHighlight {
  quote: string;
  facts: Array<{ value: number; unit?: string; figureText: string }>;
}

function storedHighlights(url: string): Promise<StoredHighlight[]> {
  return lens.inWorker(async (pageUrl: string) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('qinglang-lens');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<Array<StoredHighlight & { url: string }>>((resolve, reject) => {
      const request = db.transaction('highlights').objectStore('highlights').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return all.filter((h) => h.url === pageUrl).map((h) => ({ quote: h.quote, facts: h.facts }));
  }, url);
}

describe('fact candidates on the page', () => {
  it('underlines only the sentence with a campaign figure, and saves it with one click', async () => {
    const page = await lens.openPage('facts/campaign.html');
    const marked = await settle(() => candidateTexts(page), (texts) => texts.length > 0, 10_000);
    expect(marked).toEqual([CAMPAIGN_SENTENCE]);

    // Pointing at the sentence brings up its button, which the page can see only as our host.
    const over = await centreOfText(page, 'closed 42,000 accounts');
    await page.mouse.move(over.x, over.y);
    const tag = await inContentWorld<string>(page, `globalThis.__lensInspection.names.tag('fact-button')`);
    const host = page.locator(tag!);
    await host.waitFor({ state: 'visible', timeout: 5_000 });
    const box = (await host.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);

    const url = page.url().replace(/#.*$/, '');
    const stored = await settle(() => storedHighlights(url), (all) => all.length > 0, 10_000);
    expect(stored.map((h) => squeeze(h.quote))).toEqual([CAMPAIGN_SENTENCE]);
    expect(stored[0]!.facts.map((f) => [f.value, f.unit, f.figureText])).toEqual([[42000, 'accounts', '42,000']]);

    // Painted as a saved highlight now. Its underline stays (a gap in that page-visible
    // layer would tell the page which sentence was saved), but no button is offered again.
    const saved = await settle(() => readHighlights(page, 'saved:'), (all) => all.length > 0);
    expect(saved.map((h) => squeeze(h.text))).toEqual([CAMPAIGN_SENTENCE]);
    expect(await candidateTexts(page)).toEqual([CAMPAIGN_SENTENCE]);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(800);
    await page.mouse.move(over.x, over.y, { steps: 3 });
    await page.waitForTimeout(500);
    expect(await host.isVisible()).toBe(false);
    await page.close();
  });
});
