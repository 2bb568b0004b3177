/**
 * The popup in the built extension: highlights saved on one page show up as related
 * facts, with their source, in the popup of another page about the same entities.
 * The popup is opened as an extension page for a given tab (popup.html?tab=<id>), as
 * headless Chromium cannot open the toolbar popup itself.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS_DIR, ROOT, launchLens, settle, type Lens } from './harness';
import { OTHER_ARTICLES, highlightSelection, seedThroughBackground, select } from './popup-steps';

const SCREENSHOTS = SCREENSHOTS_DIR;

let lens: Lens;
let first: Page;
let second: Page;
beforeAll(async () => {
  lens = await launchLens();
});
afterAll(async () => {
  await lens?.close();
});

const sectionText = (popup: Page, heading: string) =>
  popup.locator('section', { has: popup.locator('h2', { hasText: heading }) }).first().innerText();

async function openPopupFor(page: Page): Promise<Page> {
  const popup = await lens.openExtensionPage(`popup.html?tab=${await lens.tabIdOf(page)}`);
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.locator('.popup__main').waitFor();
  await settle(() => popup.locator('.popup__main').innerText(), (text) => !text.includes('Loading'));
  return popup;
}

describe('the popup', () => {
  it('saves a figure on one page and a passage on another page about the same entities', async () => {
    first = await lens.openPage('popup/rumours.html');
    // Wait for the page's mentions to be counted, so the content script is listening.
    await lens.waitForBadge(first, '4');
    await select(first, 'The Cyberspace Administration', 'May 22.');
    expect(await highlightSelection(lens, first)).toMatchObject({ ok: true });

    second = await lens.openPage('popup/follow-up.html');
    await lens.waitForBadge(second, '5');
    await select(second, 'Weibo said', 'online rumours.');
    expect(await highlightSelection(lens, second)).toMatchObject({ ok: true });
  });

  it('shows, in the second page’s popup, the fact from the first page with its outlet, period and a link to it', async () => {
    const popup = await openPopupFor(second);
    const facts = await sectionText(popup, 'Related facts');
    expect(facts).toContain('1,200 accounts closed');
    expect(facts).toContain('2023-03-10 – 2023-05-22');
    expect(facts).toContain('Lantern Post');
    const source = popup.locator('.ql-fact__source a');
    await expect(source.getAttribute('href')).resolves.toBe(lens.server.url('popup/rumours.html'));
    await expect(source.innerText()).resolves.toBe("Weibo closes rumour accounts after regulator's sweep");

    // The heading and the passage name Qinglang, two paragraphs Weibo, one the CAC.
    const counts = await popup.locator('.ql-entity').evaluateAll((items) =>
      items.map((b) => `${b.querySelector('.ql-entity__label')?.textContent}: ${b.querySelector('.ql-entity__count')?.textContent}`),
    );
    expect(counts).toEqual(['Qinglang: 2 mentions', 'Weibo: 2 mentions', 'CAC: 1 mention']);
    expect(await sectionText(popup, 'Saved here')).toContain("Weibo said it would keep working with the CAC on this year's Qinglang campaign");
    await popup.close();
  });

  it('does not list the page’s own fact as related in the first page’s popup', async () => {
    const popup = await openPopupFor(first);
    expect(await sectionText(popup, 'Saved here')).toContain('more than 1,200 accounts');
    expect(await sectionText(popup, 'Related facts')).toContain('No facts about these names from other pages yet.');
    await popup.close();
  });

  it('says a page closed to extensions cannot be read, and still offers the library', async () => {
    const elsewhere = await lens.openExtensionPage('options.html');
    const popup = await openPopupFor(elsewhere);
    await expect(popup.locator('.popup__main').innerText()).resolves.toContain('This page can’t be read by extensions');
    await popup.getByRole('button', { name: 'Open the library' }).click();
    await settle(async () => lens.context.pages().some((p) => p.url().endsWith('/library.html')), Boolean);
    expect(lens.context.pages().some((p) => p.url().endsWith('/library.html'))).toBe(true);
    await popup.close();
  });

  it('makes no request beyond the test server', () => {
    expect(lens.network.outside).toEqual([]);
  });

  it('looks right in light and dark mode (screenshots)', async () => {
    const seeder = await lens.openExtensionPage('library.html');
    await seedThroughBackground(seeder, OTHER_ARTICLES, Date.UTC(2023, 4, 27, 8));
    await seeder.close();
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await openPopupFor(second);
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: join(SCREENSHOTS, `popup-${scheme}.png`), fullPage: true });
      await popup.close();
    }
  });
});
