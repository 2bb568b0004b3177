/**
 * The Firefox build in firefox-esr: marks and the badge on served pages, a highlight saved
 * from a selection and painted again after a reload, and the popup's data for a page.
 * The save goes through the handler the keyboard shortcut reaches (a headless browser
 * cannot press an extension shortcut); the popup is opened as an extension page for a
 * tab (popup.html?tab=<id>), as a test cannot open the toolbar popup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, readHighlightsInPage, readMentionMarksInPage, settle } from '../harness';
import { evaluateIn, select, squeeze } from '../page-text';
import { readStoredHighlights } from '../stored';
import { launchFirefoxLens, type FirefoxLens } from './harness';

interface Expected {
  entity: string;
  text: string;
}

const expectedOf = (name: string): Expected[] =>
  JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.expected.json`), 'utf8')) as Expected[];

let lens: FirefoxLens;
beforeAll(async () => {
  lens = await launchFirefoxLens();
});
afterAll(async () => {
  await lens?.close();
});

const savedTexts = async (page: Page) => (await readHighlightsInPage(page, 'qinglang-saved-')).map((h) => squeeze(h.text));

describe('marks in Firefox', () => {
  for (const fixture of ['english', 'simplified', 'traditional', 'mixed']) {
    it(`marks exactly the mentions a reader sees on the ${fixture} page, and counts them on the badge`, async () => {
      const expected = expectedOf(fixture);
      const page = await lens.openPage(`${fixture}.html`);
      const marks = await settle(() => readMentionMarksInPage(page), (m) => m.length >= expected.length);
      expect(marks.map(({ name, text }) => ({ entity: name, text }))).toEqual(expected);
      expect(await lens.waitForBadge(page, String(expected.length))).toBe(String(expected.length));
      await page.close();
    });
  }

  it('shows an empty badge on a page without mentions', async () => {
    lens.server.put('plain.html', '<!doctype html><meta charset="utf-8"><p>Nothing about any platform here.</p>');
    const page = await lens.openPage('plain.html');
    expect(await lens.waitForBadge(page, '')).toBe('');
    expect(await readMentionMarksInPage(page)).toEqual([]);
    await page.close();
  });
});

describe('highlights and the popup in Firefox', () => {
  const FIGURE =
    'The Cyberspace Administration of China said on Tuesday that Weibo had closed more than 1,200 accounts that spread rumours between March 10 and May 22.';
  let first: Page;
  let second: Page;

  it('saves a selected passage, stores it in the extension and paints it', async () => {
    first = await lens.openPage('popup/rumours.html');
    // Weibo twice, the CAC and self-media: counted once the content script is listening.
    expect(await lens.waitForBadge(first, '4')).toBe('4');
    expect(squeeze(await select(first, 'The Cyberspace Administration', 'May 22.'))).toBe(FIGURE);
    expect(await lens.highlightSelection(first)).toMatchObject({ ok: true, highlight: { quote: FIGURE } });

    const stored = await lens.inExtension(readStoredHighlights, lens.server.url('popup/rumours.html'));
    expect(stored.map((h) => h.quote)).toEqual([FIGURE]);
    expect(await settle(() => savedTexts(first), (t) => t.length === 1)).toEqual([FIGURE]);
  });

  it('paints it again on the same text after a reload', async () => {
    await first.reload({ waitUntil: 'load' });
    expect(await settle(() => savedTexts(first), (t) => t.length === 1)).toEqual([FIGURE]);
  });

  it('shows, in another page’s popup, the page’s mentions, what was saved there and the fact from the first page', async () => {
    second = await lens.openPage('popup/follow-up.html');
    // Qinglang and Weibo twice each, the CAC once.
    expect(await lens.waitForBadge(second, '5')).toBe('5');
    await select(second, 'Weibo said', 'online rumours.');
    expect(await lens.highlightSelection(second)).toMatchObject({ ok: true });

    const popup = await lens.openExtensionPage(`popup.html?tab=${await lens.tabIdOf(second)}`);
    const read = () =>
      evaluateIn(
        popup,
        () => {
          const section = (heading: string) =>
            [...document.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent?.includes(heading))?.innerText ?? '';
          return {
            main: document.querySelector<HTMLElement>('.popup__main')?.innerText ?? '',
            counts: [...document.querySelectorAll('.ql-entity')].map(
              (b) => `${b.querySelector('.ql-entity__label')?.textContent}: ${b.querySelector('.ql-entity__count')?.textContent}`,
            ),
            saved: section('Saved here'),
            facts: section('Related facts'),
            source: document.querySelector('.ql-fact__source a')?.getAttribute('href') ?? null,
          };
        },
        undefined,
      );
    const view = await settle(read, (v) => v.main !== '' && !v.main.includes('Loading'), 10_000);
    expect(view.counts).toEqual(['Qinglang: 2 mentions', 'Weibo: 2 mentions', 'CAC: 1 mention']);
    expect(view.saved).toContain("Weibo said it would keep working with the CAC on this year's Qinglang campaign");
    expect(view.facts).toContain('1,200 accounts closed');
    expect(view.facts).toContain('2023-03-10 – 2023-05-22');
    expect(view.facts).toContain('Lantern Post');
    expect(view.source).toBe(lens.server.url('popup/rumours.html'));
    await popup.close();
  });

  it('makes no request outside 127.0.0.1 and the extension', () => {
    expect(lens.network.outside).toEqual([]);
  });
});
