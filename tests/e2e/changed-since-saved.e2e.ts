/**
 * Changed since saved, in the real extension: a saved passage's "67,000" becomes
 * "66,600" on the page between visits. The next visit marks the highlight with the old
 * and the new figure, the page card says so, and "Take new text" makes the new words
 * the quote and its facts; "Keep saved text" keeps the quote and is not asked again.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inContentWorld, launchLens, readHighlights, settle, type Lens } from './harness';
import { selectWithMouse, squeeze } from './page-text';
import { byClass, cardFrame, clickInCard, clickOurs, readCard } from './our-ui';

const PATH = 'changed/article.html';
const sentence = (figure: string) => `Between March 10 and May 22, the Cyberspace Administration of China closed down ${figure} accounts that spread rumours.`;
const article = (figure: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rumour accounts closed | Harbour Ledger</title>
<meta property="article:published_time" content="2023-05-26T08:00:00+08:00"></head>
<body><article><h1>Rumour accounts closed</h1>
<p>The regulator published the figures on Friday.</p>
<p id="figures">${sentence(figure)}</p>
<p>Platforms were told to review how rumours spread.</p>
</article></body></html>`;

interface Stored {
  quote: string;
  changed?: { text: string; was: string[]; now: string[]; kept?: true };
  facts: Array<{ value: number; figureText: string; unit?: string; action?: string; origin?: string }>;
}

/** The page's stored highlights, read in the service worker (sent as source: self-contained). */
async function readStored(pageUrl: string): Promise<Stored[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('qinglang-lens');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const all = await new Promise<Array<Stored & { url: string }>>((resolve, reject) => {
    const request = db.transaction('highlights').objectStore('highlights').getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return all.filter((h) => h.url === pageUrl).map(({ quote, changed, facts }) => ({ quote, changed, facts }));
}


let lens: Lens;
let page: Page;
let url: string;
beforeAll(async () => {
  lens = await launchLens();
});
afterAll(async () => {
  await lens?.close();
});

const stored = (done: (h: Stored[]) => boolean) => settle(() => lens.inWorker(readStored, url), done, 10_000);
const painted = async () => (await readHighlights(page, 'saved:')).map((h) => squeeze(h.text));

async function clickHighlight(): Promise<void> {
  const at = await settle(
    () =>
      inContentWorld<{ x: number; y: number } | null>(
        page,
        `(() => {
          for (const [, range] of globalThis.__lensInspection.saved()) {
            const r = range.getClientRects()[0];
            if (r) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
          }
          return null;
        })()`,
      ),
    (p) => Boolean(p),
  );
  if (!at) throw new Error('no saved highlight painted');
  await page.mouse.click(at.x, at.y);
}

describe('a saved figure that changed on the page', () => {
  it('is saved with its figure', async () => {
    lens.server.put(PATH, article('67,000'));
    page = await lens.openPage(PATH);
    url = lens.server.url(PATH);
    await selectWithMouse(page, 'Between March', 'spread rumours.');
    await clickOurs(page, byClass('ql-selection-button'));
    const [h] = await stored((hs) => hs.length === 1);
    expect(h!.quote).toBe(sentence('67,000'));
    expect(h!.facts.map((f) => f.figureText)).toEqual(['67,000']);
  });

  it('is marked with the old and the new figure on the next visit, and the card says so', async () => {
    lens.server.put(PATH, article('66,600'));
    await page.reload({ waitUntil: 'load' });
    const [h] = await stored((hs) => hs[0]?.changed !== undefined);
    expect(h!.changed).toEqual({ text: sentence('66,600'), was: ['67,000'], now: ['66,600'] });
    // Painted on the new words, as before; the quote is still what the user saved.
    expect(await settle(painted, (p) => p.length === 1)).toEqual([squeeze(sentence('66,600'))]);
    expect(h!.quote).toBe(sentence('67,000'));

    await clickHighlight();
    // The card is the extension's frame inside our closed root (what is typed there stays out of the page's hearing).
    const card = await readCard(page, (t) => t.includes('66,600'));
    expect(card).toContain('the page now says 66,600 where you saved 67,000');
  });

  it('takes the new text on request: the quote and its facts follow', async () => {
    await clickInCard(page, '[title="The quote becomes what the page says now; its facts are read again (yours and your corrections stay)."]');
    const [h] = await stored((hs) => hs[0]?.changed === undefined);
    expect(h!.quote).toBe(sentence('66,600'));
    expect(h!.facts.map((f) => [f.figureText, f.value])).toEqual([['66,600', 66600]]);
    await page.reload({ waitUntil: 'load' });
    expect(await settle(painted, (p) => p.length === 1)).toEqual([squeeze(sentence('66,600'))]);
    // Nothing is raised again: the page says what is saved.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await lens.inWorker(readStored, url))[0]!.changed).toBeUndefined();
  });

  it('keeps the saved text on request, and does not ask again for the same words', async () => {
    lens.server.put(PATH, article('67,000'));
    await page.reload({ waitUntil: 'load' });
    await stored((hs) => hs[0]?.changed !== undefined);
    await clickHighlight();
    await readCard(page, (t) => t.includes('the page now says'));
    await clickInCard(page, '[title="Your quote and its facts stay as saved."]');
    const [h] = await stored((hs) => hs[0]?.changed?.kept === true);
    expect(h!.quote).toBe(sentence('66,600'));
    expect(h!.facts.map((f) => f.figureText)).toEqual(['66,600']);

    await page.reload({ waitUntil: 'load' });
    await settle(painted, (p) => p.length === 1);
    await clickHighlight();
    expect(await readCard(page, (t) => t.includes('Note'))).not.toContain('the page now says');
  });

  it('adds a fact by hand from the page card, kept with the highlight', async () => {
    // The card is still open from the step above; its form lives in the card's frame.
    await clickInCard(page, '.ql-add-fact > summary');
    const frame = cardFrame(page)!;
    await frame.locator('.ql-add-fact__form input:not([type])').fill('1.2 million');
    await frame.locator('.ql-add-fact__form select').first().selectOption('posts');
    await frame.locator('.ql-add-fact__form select').nth(1).selectOption('removed');
    await frame.locator('.ql-add-fact__form button[type="submit"]').click();
    const [h] = await stored((hs) => hs[0]?.facts.length === 2);
    const byHand = h!.facts.find((f) => f.figureText !== '66,600');
    expect(byHand).toMatchObject({ value: 1_200_000, figureText: '1.2 million', unit: 'posts', action: 'removed', origin: 'hand' });
  });
});
