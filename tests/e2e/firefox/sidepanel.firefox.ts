/**
 * The side panel in Firefox: the build's sidebar_action, and its page following what the
 * user reads. Firefox opens a sidebar only from a click the user makes
 * (sidebarAction.open needs a user gesture, and a headless browser has no sidebar to
 * show), so — as in the Chromium spec — the panel's page is opened as an extension page
 * of the same window, started on a reading tab with ?tab=; from there it follows saves
 * (the background's BroadcastChannel) and the tab the user moves to (tabs.onActivated),
 * exactly as the sidebar does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settle } from '../harness';
import { evaluateIn, select } from '../page-text';
import { FIREFOX_EXTENSION_DIR, launchFirefoxLens, type FirefoxLens } from './harness';

interface Manifest {
  sidebar_action?: { default_panel?: string; default_title?: string };
  side_panel?: unknown;
  permissions?: string[];
  default_locale?: string;
}

const manifest = (): Manifest => JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;

describe('the Firefox build declares a sidebar', () => {
  it('as sidebar_action with the panel page and the localised name, and nothing of Chrome’s side panel', () => {
    const m = manifest();
    expect(m.sidebar_action?.default_panel).toBe('sidepanel.html');
    expect(existsSync(join(FIREFOX_EXTENSION_DIR, m.sidebar_action!.default_panel!))).toBe(true);
    // The sidebar's title in the browser's language, from _locales like the extension's name.
    expect(m.sidebar_action?.default_title).toBe('__MSG_extName__');
    expect(m.default_locale).toBe('en');
    expect(m.side_panel).toBeUndefined();
    expect(m.permissions ?? []).not.toContain('sidePanel');
  });
});

let lens: FirefoxLens;
let rumours: Page;
let followUp: Page;
let panel: Page;
beforeAll(async () => {
  lens = await launchFirefoxLens();
});
afterAll(async () => {
  await lens?.close();
});

/** The text of the panel's section under `heading` ('' while it is not there). */
const section = (heading: string) =>
  evaluateIn(
    panel,
    (h) => [...document.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent?.includes(h))?.innerText ?? '',
    heading,
  );
const savedHere = () => section('Saved here');
const until = (read: () => Promise<string>, wanted: (text: string) => boolean) => settle(read, wanted, 15_000);

describe('the side panel in Firefox', () => {
  it('opens on the page being read and shows the entities it mentions, and that nothing is saved yet', async () => {
    rumours = await lens.openPage('popup/rumours.html');
    expect(await lens.waitForBadge(rumours, '4')).toBe('4');
    panel = await lens.openExtensionPage(`sidepanel.html?tab=${await lens.tabIdOf(rumours)}`);
    const mentions = await until(() => section('On this page'), (t) => t.includes('CAC') && t.includes('Weibo'));
    expect(mentions).toContain('Weibo');
    expect(mentions).toContain('CAC');
    expect(mentions).toContain('Self-media');
    expect(await until(savedHere, (t) => t.includes('No highlights yet'))).toContain('No highlights yet');
  });

  it('shows a highlight saved on the page at once, without being reopened, with its figure', async () => {
    await select(rumours, 'The Cyberspace Administration', 'May 22.');
    expect(await lens.highlightSelection(rumours)).toMatchObject({ ok: true });
    const text = await until(savedHere, (t) => t.includes('The Cyberspace Administration'));
    expect(text).toContain('The Cyberspace Administration of China said on Tuesday');
    expect(text).toContain('1,200 accounts closed');
    expect(text).not.toContain('No highlights yet');
  });

  it('follows the user to another tab, with that page’s own mentions and the related fact, and back', async () => {
    followUp = await lens.openPage('popup/follow-up.html');
    expect(await lens.waitForBadge(followUp, '5')).toBe('5');
    await followUp.bringToFront();
    const mentions = await until(() => section('On this page'), (t) => t.includes('Qinglang'));
    expect(mentions).toContain('Qinglang');
    expect(await until(() => section('Related facts'), (t) => t.includes('1,200'))).toContain('1,200 accounts closed');
    expect(await until(savedHere, (t) => t.includes('No highlights yet'))).toContain('No highlights yet');

    await rumours.bringToFront();
    expect(await until(savedHere, (t) => t.includes('The Cyberspace Administration'))).toContain('The Cyberspace Administration');
  });

  it('makes no request outside 127.0.0.1 and the extension', () => {
    expect(lens.network.outside).toEqual([]);
  });
});
