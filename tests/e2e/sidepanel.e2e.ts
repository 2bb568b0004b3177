/**
 * The side panel in the built extension: what the popup shows, kept open beside the page
 * and following it. Headless Chromium has no side panel to open, so its page
 * (sidepanel.html) is opened in a tab of the same window, started on a reading tab with
 * ?tab=; from there it follows saves, and the tab the user moves to, as the real panel does.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS_DIR, launchLens, settle, type Lens } from './harness';
import { highlightSelection, select } from './popup-steps';

let lens: Lens;
let rumours: Page;
let followUp: Page;
let panel: Page;
beforeAll(async () => {
  lens = await launchLens();
});
afterAll(async () => {
  await lens?.close();
});

const section = (heading: string) => panel.locator('section', { has: panel.locator('h2', { hasText: heading }) }).first();
const savedHere = () => section('Saved here').innerText();
const until = (read: () => Promise<string>, wanted: (text: string) => boolean) => settle(read, wanted, 10_000);

describe('the side panel', () => {
  it('opens on the page being read and shows what it mentions', async () => {
    rumours = await lens.openPage('popup/rumours.html');
    await lens.waitForBadge(rumours, '5');
    panel = await lens.openExtensionPage(`sidepanel.html?tab=${await lens.tabIdOf(rumours)}`);
    await panel.setViewportSize({ width: 380, height: 800 });
    await panel.locator('.popup--panel .popup__main').waitFor();
    expect(await until(() => section('On this page').innerText(), (t) => t.includes('CAC'))).toContain('CAC');
    expect(await savedHere()).toContain('No highlights yet');
  });

  it('shows a highlight as soon as it is saved on the page, without being reopened', async () => {
    await select(rumours, 'The Cyberspace Administration', 'May 22.');
    expect(await highlightSelection(lens, rumours)).toMatchObject({ ok: true });
    const text = await until(savedHere, (t) => t.includes('The Cyberspace Administration'));
    expect(text).toContain('The Cyberspace Administration of China said');
    expect(text).toContain('1,200 accounts closed');
    // Announced to screen readers without taking focus.
    await expect(panel.locator('[aria-live="polite"]').first().innerText()).resolves.toContain('1 saved highlights');
  });

  it('follows the user to another tab, with that page’s related facts, and back', async () => {
    followUp = await lens.openPage('popup/follow-up.html');
    await lens.waitForBadge(followUp, '5');
    const facts = await until(() => section('Related facts').innerText(), (t) => t.includes('1,200'));
    expect(facts).toContain('1,200 accounts closed');
    expect(await savedHere()).toContain('No highlights yet');

    await rumours.bringToFront();
    expect(await until(savedHere, (t) => t.includes('The Cyberspace Administration'))).toContain('The Cyberspace Administration');
  });

  it('is usable from the keyboard: its buttons take focus in order', async () => {
    await panel.bringToFront();
    await panel.keyboard.press('Tab');
    const first = await panel.evaluate(() => document.activeElement?.textContent ?? '');
    expect(first).toBe('Library');
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await panel.screenshot({ path: join(SCREENSHOTS_DIR, 'side-panel.png'), fullPage: true });
  });
});
