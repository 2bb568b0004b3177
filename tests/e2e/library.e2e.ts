/**
 * The library page in the built extension: highlights saved on real pages, exported
 * as JSON-LD, Markdown and CSV through the page's downloads, and the JSON imported
 * into a fresh profile, where the same highlights are found again.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS_DIR, ROOT, launchLens, settle, type Lens } from './harness';
import { OTHER_ARTICLES, highlightSelection, seedThroughBackground, select } from './popup-steps';

const SCREENSHOTS = SCREENSHOTS_DIR;
const FIGURE = 'The Cyberspace Administration of China said on Tuesday that Weibo had closed more than 1,200 accounts that spread rumours between March 10 and May 22.';
const PASSAGE = "Weibo said it would keep working with the CAC on this year's Qinglang campaign against online rumours.";

let lens: Lens;
let downloads: string;
beforeAll(async () => {
  lens = await launchLens();
  downloads = mkdtempSync(join(tmpdir(), 'qinglang-downloads-'));
});
afterAll(async () => {
  await lens?.close();
  rmSync(downloads, { recursive: true, force: true });
});

const quotesOn = (library: Page) => library.locator('.ql-highlight__quote').allInnerTexts();

async function openLibrary(target: Lens): Promise<Page> {
  const library = await target.openExtensionPage('library.html');
  await library.setViewportSize({ width: 1200, height: 900 });
  await library.locator('.library__body').waitFor();
  return library;
}

/** What the import panel reports once the import is over: its result, or its error in full. */
async function importOutcome(library: Page): Promise<string> {
  const notice = library.locator('.ql-transfer [role="status"], .ql-transfer [role="alert"]').filter({ hasNotText: 'Working' });
  await notice.first().waitFor();
  return (await notice.first().innerText()).trim();
}

/** Clicks an export button and returns the downloaded file's name and text. */
async function exportAs(library: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: button }).click()]);
  const path = join(downloads, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('the library', () => {
  let library: Page;
  let json: { name: string; text: string };

  it('lists highlights saved on two pages, newest first, and finds them by search in either script', async () => {
    const first = await lens.openPage('popup/rumours.html');
    await lens.waitForBadge(first, '4');
    await select(first, 'The Cyberspace Administration', 'May 22.');
    expect(await highlightSelection(lens, first)).toMatchObject({ ok: true });
    const second = await lens.openPage('popup/follow-up.html');
    await lens.waitForBadge(second, '5');
    await select(second, 'Weibo said', 'online rumours.');
    expect(await highlightSelection(lens, second)).toMatchObject({ ok: true });

    library = await openLibrary(lens);
    expect(await quotesOn(library)).toEqual([PASSAGE, FIGURE]);
    await library.getByRole('searchbox').fill('Lantern');
    expect(await quotesOn(library)).toEqual([FIGURE]);
    await library.getByRole('searchbox').fill('');
  });

  it('finds by meaning: a figure however it is written, the CAC by any of its names, and says why', async () => {
    await library.getByRole('searchbox').fill('1200');
    expect(await quotesOn(library)).toEqual([FIGURE]);
    await expect(library.locator('.ql-match').first().innerText()).resolves.toBe('Found because: figure 1,200');
    await library.getByRole('searchbox').fill('国家网信办');
    expect(await quotesOn(library)).toEqual(expect.arrayContaining([FIGURE, PASSAGE]));
    await expect(library.locator('.ql-match').first().innerText()).resolves.toContain('mentions CAC');
    await library.getByRole('searchbox').fill('');
  });

  it('shows the page text kept with a highlight, as plain text, when asked', async () => {
    const item = library.locator('.ql-virtual__row', { hasText: FIGURE });
    await item.getByRole('button', { name: 'Show kept text' }).click();
    const kept = item.locator('.library-kept__text');
    await kept.waitFor();
    // The article as the content script kept it on the first save: more than the passage.
    const text = await kept.innerText();
    expect(text).toContain(FIGURE);
    expect(text).toContain('Users whose accounts were closed can appeal within thirty days');
    expect(await kept.locator('*').count()).toBe(0);
    await item.getByRole('button', { name: 'Hide kept text' }).click();
    await expect(kept.count()).resolves.toBe(0);
  });

  it('shows each highlight’s outlet and publication date, and filters by publication date by default', async () => {
    const source = await library.locator('.ql-highlight__source').allInnerTexts();
    expect(source.some((s) => s.startsWith('Lantern Post · published'))).toBe(true);
    expect(await library.getByLabel('Dates are').inputValue()).toBe('published');
  });

  it('exports everything as W3C Web Annotations with both selectors and the source’s citation', async () => {
    json = await exportAs(library, 'JSON (Web Annotation)');
    expect(json.name).toMatch(/^qinglang-lens-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const doc = JSON.parse(json.text) as { type: string; total: number; first: { items: Array<Record<string, unknown>> } };
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(2);
    const figure = doc.first.items.find((a) => JSON.stringify(a).includes('1,200 accounts'))!;
    const target = figure.target as { source: string; selector: Array<{ type: string; exact?: string; start?: number }> };
    expect(target.source).toBe(lens.server.url('popup/rumours.html'));
    expect(target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact).toBe(FIGURE);
    expect(target.selector.some((s) => s.type === 'TextPositionSelector' && typeof s.start === 'number')).toBe(true);
    expect(JSON.stringify(figure)).toContain('Lantern Post');
  });

  it('exports Markdown notes, one per page with front matter, zipped for a vault', async () => {
    const md = await exportAs(library, 'Markdown');
    // Two pages: a .zip of two notes (stored, so their text reads straight from the file).
    expect(md.name).toMatch(/\.md\.zip$/);
    expect(md.text.startsWith('PK')).toBe(true);
    expect(md.text).toContain('---\ntitle: "Weibo closes rumour accounts after regulator\'s sweep"\noutlet: "Lantern Post"');
    expect(md.text).toContain(`> ${FIGURE}`);
    expect(md.text).toContain("Weibo closes rumour accounts after regulator's sweep");
    expect(md.text).toContain(lens.server.url('popup/rumours.html'));
    expect(md.text.indexOf('Lantern Post')).toBeLessThan(md.text.indexOf(`> ${FIGURE}`));
  });

  it('exports CSV with a byte-order mark, a header and one row per highlight', async () => {
    const csv = await exportAs(library, 'CSV: one row per highlight');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.text.slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(/quote/i);
    expect(csv.text).toContain(FIGURE);
    expect(csv.text).toContain(PASSAGE.replace(/"/g, '""'));
  });

  it('exports a facts CSV with one row per figure and its value as a number', async () => {
    const csv = await exportAs(library, 'CSV: one row per figure');
    expect(csv.name).toMatch(/-facts\.csv$/);
    const [header, ...rows] = csv.text.slice(1).trim().split('\r\n');
    expect(header).toBe('value,figure,qualifier,unit,action,period_from,period_to,date,entities,outlet,published,title,url,sentence,fact_id,highlight_id');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^1200,"?1,200"?,more than,accounts,closed,2023-03-10,2023-05-22,/);
  });

  it('looks right in light and dark mode (screenshots)', async () => {
    await seedThroughBackground(library, OTHER_ARTICLES, Date.UTC(2023, 4, 27, 8));
    await library.reload();
    await library.locator('.library__body').waitFor();
    await settle(() => quotesOn(library), (q) => q.length === 5);
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      await library.emulateMedia({ colorScheme: scheme });
      await library.screenshot({ path: join(SCREENSHOTS, `library-${scheme}.png`), fullPage: true });
    }
    await library.getByRole('tab', { name: /^Facts/ }).click();
    await library.emulateMedia({ colorScheme: 'light' });
    await library.screenshot({ path: join(SCREENSHOTS, 'library-facts-light.png'), fullPage: true });
    // Search by meaning: 网信办 finds the English CAC passages too, each saying why.
    await library.getByRole('tab', { name: /^Highlights/ }).click();
    await library.getByRole('searchbox').fill('网信办');
    await library.locator('.ql-match').first().waitFor();
    await library.screenshot({ path: join(SCREENSHOTS, 'library-search-light.png'), fullPage: true });
    await library.getByRole('searchbox').fill('');
    // The export panel after an export: the formats, the scope and what was written.
    await exportAs(library, 'CSV: one row per figure');
    await library.locator('.library__transfer').screenshot({ path: join(SCREENSHOTS, 'library-export.png') });
  });

  it('shows the settings page in light and dark mode (screenshots)', async () => {
    const options = await lens.openExtensionPage('options.html');
    await options.setViewportSize({ width: 900, height: 900 });
    await options.locator('main').waitFor();
    await options.getByLabel('Name', { exact: true }).fill('Market regulator');
    await options.getByLabel('Variants to look for').fill('SAMR\n市场监管总局\n市場監管總局');
    await options.getByRole('button', { name: 'Add the term' }).click();
    await options.getByText('Now looking for “Market regulator”.').waitFor();
    await options.getByRole('checkbox', { name: 'Look for Kuaishou' }).uncheck();
    await options.getByText('Saved.').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      await options.screenshot({ path: join(SCREENSHOTS, `options-${scheme}.png`), fullPage: true });
    }
    await options.close();
  });

  it('imports the JSON into a fresh profile and finds the same highlights there', async () => {
    const file = join(downloads, 'backup.jsonld');
    writeFileSync(file, json.text);
    const fresh = await launchLens();
    try {
      const empty = await openLibrary(fresh);
      expect(await empty.locator('.library__panel').innerText()).toContain('No highlights yet.');
      await empty.locator('input[type="file"]').setInputFiles(file);
      expect(await importOutcome(empty)).toBe('Import finished: 2 added, 0 updated, 0 skipped.');
      expect(await quotesOn(empty)).toEqual([PASSAGE, FIGURE]);
      // And again: nothing is duplicated.
      await empty.locator('input[type="file"]').setInputFiles(file);
      expect(await importOutcome(empty)).toBe('Import finished: 0 added, 0 updated, 2 skipped.');
      expect(await quotesOn(empty)).toHaveLength(2);
      expect(fresh.network.outside).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('makes no request beyond the test server', () => {
    expect(lens.network.outside).toEqual([]);
  });
});
