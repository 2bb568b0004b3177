/**
 * Highlights in the real extension: select a passage with the mouse, save it with the
 * floating button, and find it painted again after reloads, page edits and deletion.
 * Only the keyboard command is called as the background would call it (headless
 * Chromium has no way to press an extension shortcut).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, inContentWorld, launchLens, readHighlights, settle, type Lens } from './harness';
import { centreOfText, selectWithMouse, squeeze } from './page-text';
import { byClass, byLabel, clickInCard, clickOurs, readOurs } from './our-ui';
import { readStoredHighlights, type StoredHighlight } from './stored';

/** The one `chrome.*` call this test makes in the service worker. */
declare const chrome: {
  tabs: { sendMessage(tabId: number, message: object, options: { frameId: number }): Promise<unknown> };
};

const PATH = 'highlights/article.html';
const ORIGINAL = readFileSync(join(FIXTURES_DIR, PATH), 'utf8');

// From the middle of one paragraph into the next, across <em>, <strong> and a link.
const FIRST_WORDS = 'platforms closed';
const LAST_WORDS = 'review their ranking rules';

let lens: Lens;
beforeAll(async () => {
  lens = await launchLens();
});
afterAll(async () => {
  await lens?.close();
});


/** The saved highlights painted on the page, as their text. */
async function paintedTexts(page: Page): Promise<string[]> {
  return (await readHighlights(page, 'saved:')).map((h) => squeeze(h.text));
}

/** What the extension's database holds for the page (read in the service worker). */
function storedHighlights(url: string): Promise<StoredHighlight[]> {
  return lens.inWorker(readStoredHighlights, url);
}

/** Clicks the middle of the first box of the painted highlight. */
async function clickHighlight(page: Page): Promise<void> {
  // Saved highlights are drawn out of the page's reach: ask our own world where one is.
  const at = await inContentWorld<{ x: number; y: number } | null>(
    page,
    `(() => {
      for (const [, range] of globalThis.__lensInspection.saved()) {
        const r = range.getClientRects()[0];
        if (r) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    })()`,
  );
  if (!at) throw new Error('no saved highlight painted');
  await page.mouse.click(at.x, at.y);
}

async function reload(page: Page): Promise<void> {
  await page.reload({ waitUntil: 'load' });
}

describe('highlights that last', () => {
  let page: Page;
  let url: string;
  let quote: string;

  it('saves a passage selected across paragraphs, a link and emphasis with the floating button', async () => {
    page = await lens.openPage(PATH);
    url = lens.server.url(PATH);
    const selected = squeeze(await selectWithMouse(page, FIRST_WORDS, LAST_WORDS));
    expect(selected.startsWith(FIRST_WORDS)).toBe(true);
    expect(selected.endsWith(LAST_WORDS)).toBe(true);

    await clickOurs(page, byClass('ql-selection-button'));
    const stored = await settle(() => storedHighlights(url), (h) => h.length === 1);
    expect(stored).toHaveLength(1);
    quote = stored[0]!.quote;
    // The stored quote keeps the paragraph break as a line break.
    expect(quote).toMatch(/posts\.\nWeibo and Douyin were told/);
    expect(squeeze(quote)).toBe(selected);
    expect(await settle(() => paintedTexts(page), (t) => t.length === 1)).toEqual([squeeze(quote)]);
  });

  it('paints the highlight on the same text after a reload', async () => {
    await reload(page);
    expect(await settle(() => paintedTexts(page), (t) => t.length === 1)).toEqual([squeeze(quote)]);
  });

  it('finds it again after a paragraph was inserted before it and a word inside it edited', async () => {
    const changed = ORIGINAL.replace(
      '<p id="figures">',
      '<p>Update: this story was corrected on Saturday to add the number of posts removed by each platform.</p>\n  <p id="figures">',
    ).replace('and removed about', 'and deleted about');
    lens.server.put(PATH, changed);
    await reload(page);
    const painted = await settle(() => paintedTexts(page), (t) => t.length === 1);
    expect(painted).toHaveLength(1);
    expect(painted[0]).toBe(squeeze(quote).replace('removed', 'deleted'));
  });

  it('flags the highlight as orphaned when its passage is gone, and paints nothing in its place', async () => {
    const gone = ORIGINAL.replace(/<p id="figures">[\s\S]*?<\/p>\s*<p id="platforms">[\s\S]*?<\/p>/, '');
    expect(gone).not.toContain('platforms closed');
    lens.server.put(PATH, gone);
    await reload(page);
    const stored = await settle(() => storedHighlights(url), (h) => h[0]?.orphaned === true, 10_000);
    expect(stored.map((h) => h.orphaned)).toEqual([true]);
    expect(await paintedTexts(page)).toEqual([]);
  });

  it('clears the flag when the passage comes back', async () => {
    lens.server.put(PATH, ORIGINAL);
    await reload(page);
    expect(await settle(() => paintedTexts(page), (t) => t.length === 1)).toEqual([squeeze(quote)]);
    const stored = await settle(() => storedHighlights(url), (h) => h[0]?.orphaned === false, 10_000);
    expect(stored.map((h) => h.orphaned)).toEqual([false]);
  });

  it('opens the card on a click on the highlight, changes its colour there, and deletes it for good', async () => {
    await clickHighlight(page);
    await clickInCard(page, '[aria-label="Green"]');
    expect((await settle(() => storedHighlights(url), (h) => h[0]?.color === 'green'))[0]?.color).toBe('green');
    expect((await readHighlights(page, 'saved:')).map((h) => h.name)).toEqual(['green']);

    await clickInCard(page, '.ql-card__delete');
    expect(await settle(() => storedHighlights(url), (h) => h.length === 0)).toEqual([]);
    expect(await paintedTexts(page)).toEqual([]);
    await reload(page);
    // Give restore the time it would need to paint anything.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await paintedTexts(page)).toEqual([]);
  });

  it('highlights the selection when the keyboard command asks the tab to', async () => {
    await selectWithMouse(page, 'Several bloggers', 'private chats');
    const tabId = await lens.tabIdOf(page);
    const outcome = await lens.inWorker(
      (id: number) => chrome.tabs.sendMessage(id, { type: 'highlights/from-selection', via: 'command' }, { frameId: 0 }),
      tabId,
    );
    expect(outcome).toMatchObject({ ok: true, value: { quote: expect.stringMatching(/^Several bloggers.*private chats$/) } });
    expect(await settle(() => paintedTexts(page), (t) => t.length === 1)).toEqual([
      'Several bloggers said they had moved their paid groups to private chats',
    ]);
  });

  it('shows what an entity is and how many facts the user collected about it when the pointer rests on its mark', async () => {
    // The highlight saved by the command above states no figure; save one that does.
    // First close the card the command opened (focus is in it: Escape closes it).
    await page.keyboard.press('Escape');
    await selectWithMouse(page, 'According to', 'posts.');
    await clickOurs(page, byClass('ql-selection-button'));
    await settle(() => storedHighlights(url), (h) => h.length === 2);
    await page.mouse.click(5, 5);

    const mark = await centreOfText(page, 'Cyberspace Administration');
    await page.mouse.move(mark.x, mark.y);
    const card = await readOurs(page, byClass('ql-hover'), (t) => /facts? in your collection/.test(t));
    expect(card).toMatch(/^CAC /);
    expect(card).toMatch(/\b2 facts in your collection\./);
  });

  it('paints a saved passage of an article body that arrives after the page loaded', async () => {
    // The same article, but its body is put in by a script a moment after load.
    const body = /<article>[\s\S]*<\/article>/.exec(ORIGINAL)![0];
    const late = ORIGINAL.replace(
      body,
      `<main id="app">Loading…</main><script>setTimeout(() => { document.getElementById('app').innerHTML = ${JSON.stringify(body)}; }, 1200);</script>`,
    );
    lens.server.put(PATH, late);
    await reload(page);
    expect(await paintedTexts(page)).toEqual([]);
    const painted = await settle(() => paintedTexts(page), (t) => t.length === 2);
    expect(painted).toContain('Several bloggers said they had moved their paid groups to private chats');
    // Found before the page settled: never flagged as orphaned on the way.
    expect((await storedHighlights(url)).map((h) => h.orphaned)).toEqual([false, false]);
    lens.server.put(PATH, ORIGINAL);
  });

  it('follows in-page navigation: highlights belong to their address, and come back with it', async () => {
    await reload(page);
    expect(await settle(() => paintedTexts(page), (t) => t.length === 2)).toHaveLength(2);
    // A single-page app moves to another address; even with the same text on screen,
    // that address has highlights of its own (none).
    await page.evaluate(() => history.pushState({}, '', '/highlights/another-story.html'));
    expect(await settle(() => paintedTexts(page), (t) => t.length === 0)).toEqual([]);
    await page.evaluate(() => history.back());
    expect(await settle(() => paintedTexts(page), (t) => t.length === 2)).toHaveLength(2);
  });

  it('adds nothing to the page but its UI host and overlay, and makes no request outside 127.0.0.1', async () => {
    const ours = (await inContentWorld<string[]>(page, `[globalThis.__lensInspection.names.tag('ui'), globalThis.__lensInspection.names.tag('overlay')]`))!;
    const custom = await page.evaluate(() => [...new Set([...document.querySelectorAll('*')].map((el) => el.localName).filter((n) => n.includes('-')))]);
    expect(custom.filter((name) => !ours.includes(name))).toEqual([]);
    expect(lens.network.outside).toEqual([]);
  });
});

describe('on a plain-http site', () => {
  let plain: Lens;
  beforeAll(async () => {
    // A name that is not localhost: the page is not a secure context, as on many news sites.
    plain = await launchLens({ args: ['--host-resolver-rules=MAP news.lens.test 127.0.0.1'] });
  });
  afterAll(async () => {
    await plain?.close();
  });

  it('saves a highlight even where the page is not a secure context', async () => {
    const page = await plain.context.newPage();
    const address = plain.server.url(PATH).replace('127.0.0.1', 'news.lens.test');
    await page.goto(address, { waitUntil: 'load' });
    expect(await page.evaluate(() => isSecureContext)).toBe(false);
    await selectWithMouse(page, 'Several bloggers', 'private chats');
    await clickOurs(page, byClass('ql-selection-button'));
    expect(await settle(() => paintedTexts(page), (t) => t.length === 1)).toEqual([
      'Several bloggers said they had moved their paid groups to private chats',
    ]);
  });
});
