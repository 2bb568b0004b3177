/**
 * Saving on a long page: the page's first highlight keeps the article's text, up to the
 * cap (LIMITS.snapshot). A text longer than one message part travels in parts after the
 * save; one longer than the cap is cut to it. Either way the highlight is saved, and the
 * stored text is the article's beginning, whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../lib/schema';
import { CAPTURE_PART_CHARS } from '../../lib/highlight-service/types';
import { launchLens, settle, type Lens } from './harness';
import { select, highlightSelection } from './popup-steps';
import { readStoredHighlights } from './stored';

/** The page record the store keeps for a URL (read in the service worker). */
async function readStoredPage(pageUrl: string): Promise<{ title: string; text?: string } | undefined> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('qinglang-lens');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const page = await new Promise<{ title: string; text?: string } | undefined>((resolve, reject) => {
    const request = db.transaction('pages').objectStore('pages').get(pageUrl);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return page;
}

/** An article of `paragraphs` numbered paragraphs of about 120 characters each. */
function article(paragraphs: number): string {
  const body = Array.from(
    { length: paragraphs },
    (_, i) => `<p>Paragraph ${i}: the Cyberspace Administration of China said platforms closed ${1000 + i} accounts this month.</p>`,
  ).join('\n');
  return `<!doctype html><html><head><title>A long report</title></head><body><article><h1>A long report</h1>${body}</article></body></html>`;
}

let lens: Lens;
beforeAll(async () => {
  lens = await launchLens();
});
afterAll(async () => {
  await lens?.close();
});

describe('the first highlight of a long page', () => {
  it.each([
    ['several message parts', 800, false],
    ['more than the cap', 2_400, true],
  ])('is saved with the article text kept whole up to the cap (%s)', async (_label, paragraphs, overCap) => {
    const path = `long/report-${paragraphs}.html`;
    lens.server.put(path, article(paragraphs));
    const page = await lens.openPage(path);
    const url = lens.server.url(path);
    await select(page, `Paragraph ${paragraphs - 5}:`, 'this month.');
    const saved = await highlightSelection(lens, page);
    expect(saved.ok).toBe(true);
    expect((await lens.inWorker(readStoredHighlights, url)).map((h) => h.quote)).toEqual([saved.value!.quote]);

    // The rest of the text follows the save in parts: wait until the page record has it.
    const stored = await settle(() => lens.inWorker(readStoredPage, url), (p) => typeof p?.text === 'string', 20_000);
    const text = stored!.text!;
    expect(text.startsWith('A long report')).toBe(true);
    if (overCap) {
      expect(text).toHaveLength(LIMITS.snapshot);
    } else {
      expect(text.length).toBeGreaterThan(2 * CAPTURE_PART_CHARS);
      expect(text.length).toBeLessThan(LIMITS.snapshot);
      expect(text.trimEnd().endsWith(`closed ${1000 + paragraphs - 1} accounts this month.`)).toBe(true);
    }
    // Nothing in between was lost or doubled: every paragraph kept appears once, in order.
    const numbers = [...text.matchAll(/Paragraph (\d+):/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(numbers.map((_, i) => i));
    await page.close();
  });
});
