/**
 * Two users of one Hypothesis group, in two browser profiles, against the loopback
 * stand-in: A shares a passage with a figure from the popup; B opens the same article
 * (served from B's own fixture server: the two are one article by its canonical address)
 * and sees it painted with A's name, read from inside the content script's world, and
 * B's popup links A's figure with B's own fact from another outlet. The stand-in checks
 * every request against Hypothesis's published description, and nothing leaves 127.0.0.1.
 *
 * Headless Chromium cannot answer the permission prompt that Options → Sharing raises
 * (the Options flow is unit-tested in options-sharing.test.tsx), so these profiles load a
 * copy of the build whose manifest grants the loopback host outright, and store the
 * connection as Options would.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { EXTENSION_DIR, FIXTURES_DIR, SCREENSHOTS_DIR, inContentWorld, launchLens, settle, type Lens } from './harness';
import { clickInCard, readCard } from './our-ui';
import { highlightSelection, OTHER_ARTICLES, seedThroughBackground, select } from './popup-steps';
import { startHypothesisStandIn, type HypothesisStandIn } from '../stand-in/hypothesis-server';

declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
};

const alice = { token: 'alice-e2e-token-0001', userid: 'acct:alice@stand-in.test', displayName: 'Alice Chen', groups: ['desk'] };
const bob = { token: 'bob-e2e-token-0002', userid: 'acct:bob@stand-in.test', displayName: 'Bob Li', groups: ['desk'] };

let standIn: HypothesisStandIn;
let extensionDir: string;
let a: Lens;
let b: Lens;

/** The build, with the loopback host granted at install (test profiles only; see the header). */
function grantedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qinglang-sharing-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = ['http://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

async function connect(lens: Lens, user: { token: string }): Promise<void> {
  const connection = { serverUrl: standIn.apiUrl, token: user.token, group: { id: 'desk', name: 'China desk' } };
  await lens.inWorker((c) => chrome.storage.local.set({ 'sharing.connection': c }), connection);
  expect(await lens.inWorker(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }), undefined)).toBe(true);
}

async function openPopupFor(lens: Lens, page: Page): Promise<Page> {
  const popup = await lens.openExtensionPage(`popup.html?tab=${await lens.tabIdOf(page)}`);
  await popup.setViewportSize({ width: 400, height: 800 });
  await settle(() => popup.locator('.popup__main').innerText(), (text) => !text.includes('Loading'));
  return popup;
}

/** Saves a passage of A's open article; resolves once its card offers Share. */
async function saveOnA(start: string, end: string): Promise<Page> {
  const page = a.context.pages().find((p) => p.url().includes(ARTICLE))!;
  await select(page, start, end);
  expect(await highlightSelection(a, page)).toMatchObject({ ok: true });
  await readCard(page, (text) => text.includes('Share with China desk'), 15_000);
  return page;
}

const teamOnPage = (page: Page) =>
  inContentWorld<Array<[string, string]>>(page, 'globalThis.__lensInspection ? globalThis.__lensInspection.team() : []').then((v) => v ?? []);

/**
 * The popup tests' article with a canonical address: A and B load it from two servers (two
 * origins), and the canonical link is what makes it one article for the group.
 */
const ARTICLE = 'sharing/rumours.html';
const article = readFileSync(join(FIXTURES_DIR, 'popup/rumours.html'), 'utf8').replace(
  '<meta charset="utf-8">',
  '<meta charset="utf-8">\n<link rel="canonical" href="https://lantern.example.net/2023/05/weibo-rumours">',
);

beforeAll(async () => {
  expect(article).toContain('rel="canonical"');
  standIn = await startHypothesisStandIn({ users: [alice, bob], groups: [{ id: 'desk', name: 'China desk', type: 'private' }] });
  extensionDir = grantedCopy();
  a = await launchLens({ extensionDir });
  b = await launchLens({ extensionDir });
  for (const lens of [a, b]) lens.server.put(ARTICLE, article);
}, 60_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await standIn?.close();
  rmSync(extensionDir, { recursive: true, force: true });
});

describe('sharing with a team, in two profiles', () => {
  it('A shares a passage with a figure from the popup: one annotation in the group, shown as shared', async () => {
    await connect(a, alice);
    const page = await a.openPage(ARTICLE);
    await a.waitForBadge(page, '4');
    await select(page, 'The Cyberspace Administration', 'May 22.');
    expect(await highlightSelection(a, page)).toMatchObject({ ok: true });

    const popup = await openPopupFor(a, page);
    const share = popup.getByRole('button', { name: /^Share with China desk/ });
    await share.waitFor();
    await share.click();
    await settle(async () => standIn.annotations.size, (n) => n === 1, 15_000);
    expect(standIn.annotations.size).toBe(1);
    const annotation = [...standIn.annotations.values()][0]!;
    expect(annotation.uri).toBe('https://lantern.example.net/2023/05/weibo-rumours');
    expect(annotation.user).toBe(alice.userid);
    expect(annotation.group).toBe('desk');
    expect(annotation.text).toContain('qinglang-lens:v1');
    await settle(() => popup.locator('[data-share]').first().innerText().catch(() => ''), (t) => t.includes('Shared with China desk'), 10_000);
    await expect(popup.locator('[data-share]').first().innerText()).resolves.toContain('Shared with China desk');
  });

  it("B opens the article and sees A's passage painted with A's name, out of the page's reach", async () => {
    const b0 = await b.openExtensionPage('library.html');
    await seedThroughBackground(b0, [OTHER_ARTICLES[0]!], Date.UTC(2023, 4, 27, 8));
    await connect(b, bob);
    const page = await b.openPage(ARTICLE);
    await b.waitForBadge(page, '4');
    const team = await settle(() => teamOnPage(page), (t) => t.length === 1, 15_000);
    expect(team).toEqual([['Alice Chen', expect.stringMatching(/^The Cyberspace Administration of China said .* May 22\.$/)]]);

    // The name shows above the passage under the pointer, inside our closed root.
    const box = await page.locator('#figure').boundingBox();
    await page.mouse.move(box!.x + 40, box!.y + 8);
    const label = await settle(
      () => inContentWorld<string | null>(page, 'globalThis.__lensInspection.teamLabel() ?? null').then((v) => v ?? null),
      (v) => v !== null,
      5_000,
    );
    expect(label).toBe('Alice Chen');
    // The page's own scripts find neither the name nor one more marked range than on A's
    // copy of the article (which has the same mention and fact layers, and no teammate's passage).
    const pageSees = (p: Page) =>
      p.evaluate(() => ({
        name: document.documentElement.outerHTML.includes('Alice'),
        ranges: [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0),
      }));
    const onA = a.context.pages().find((p) => p.url().includes(ARTICLE))!;
    const seenOnA = await pageSees(onA);
    // The fact underline is painted at idle time: wait for B's layers to catch up.
    const seenByB = await settle(() => pageSees(page), (v) => v.ranges >= seenOnA.ranges, 10_000);
    expect(seenByB).toEqual({ name: false, ranges: seenOnA.ranges });
    expect(seenOnA.ranges).toBeGreaterThan(0);
  });

  it("B's popup lists A's highlight under From your team and links A's figure with B's own fact", async () => {
    const pages = b.context.pages().filter((p) => p.url().includes(ARTICLE));
    const popup = await openPopupFor(b, pages[0]!);
    const section = popup.locator('section', { has: popup.locator('h2', { hasText: 'From your team' }) });
    await section.waitFor({ timeout: 15_000 });
    const text = await settle(() => section.innerText(), (t) => t.includes('by Alice Chen'), 10_000);
    expect(text).toContain('by Alice Chen');
    const linked = section.locator('.ql-fact').first();
    const fact = await linked.innerText();
    expect(fact).toContain('1,200 accounts closed');
    expect(fact).toContain('team: Alice Chen');
    expect(fact).toContain('示例新闻'); // B's own source, from another outlet
    expect(fact).toContain('2 sources');
  });

  it("looks right: Options → Sharing connected, and B's popup with the team's work (screenshots)", async () => {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    const options = await a.openExtensionPage('options.html');
    await options.setViewportSize({ width: 900, height: 900 });
    const sharing = options.locator('section', { has: options.locator('.options-sharing') });
    await sharing.locator('[role="status"]').waitFor();
    await expect(sharing.innerText()).resolves.toContain('China desk');
    // The token is shown masked, never whole.
    await expect(sharing.innerText()).resolves.not.toContain(alice.token);
    await sharing.screenshot({ path: join(SCREENSHOTS_DIR, 'options-sharing.png') });
    const pages = b.context.pages().filter((p) => p.url().includes(ARTICLE));
    const popup = await openPopupFor(b, pages[0]!);
    await popup.locator('.ql-team').waitFor();
    await popup.screenshot({ path: join(SCREENSHOTS_DIR, 'popup-team.png'), fullPage: true });
  });

  it("A shares a second passage from the page card's own Share button", async () => {
    const page = await saveOnA('Users whose accounts', 'thirty days');
    await clickInCard(page, '.ql-card__share-button');
    await settle(async () => standIn.annotations.size, (n) => n === 2, 15_000);
    expect(JSON.stringify([...standIn.annotations.values()].map((x) => x.target))).toContain('Users whose accounts were closed can appeal within thirty days');
    expect(await readCard(page, (text) => text.includes('Shared with China desk.'), 15_000)).toContain('Shared with China desk.');
  });

  it('A deletes everything and, ticking the box, takes both shared highlights back from the group', async () => {
    const options = await a.openExtensionPage('options.html');
    await options.getByRole('button', { name: 'Delete everything…' }).click();
    const dialog = options.getByRole('alertdialog');
    const asked = await settle(() => dialog.innerText(), (t) => t.includes('2 of your highlights'), 10_000);
    expect(asked).toContain('2 of your highlights are shared with “China desk”');
    expect(asked).toContain('leaves them in the group, where your teammates still see them');
    await dialog.getByLabel('Also take my shared highlights back from “China desk”').check();
    await dialog.getByRole('button', { name: 'Delete everything', exact: true }).click();
    await settle(async () => standIn.annotations.size, (n) => n === 0, 15_000);
    expect(standIn.annotations.size).toBe(0);
    await expect(options.locator('.ql-status').innerText()).resolves.toContain('being taken back from “China desk”');
  });

  it('a publish whose connection dropped after the server stored it leaves one annotation, though Chromium sends it again', async () => {
    const page = await saveOnA('The notice did not say', 'self-media outlets.');
    const before = standIn.annotations.size;
    // The server stores the annotation, then the connection drops before the answer. Chromium
    // resends a request whose reused connection closed unanswered, so the server may store two.
    standIn.fault({ drop: true, afterHandling: true, times: 1, match: /\/annotations$/ });
    await clickInCard(page, '.ql-card__share-button');
    expect(await readCard(page, (text) => text.includes('Shared with China desk.'), 15_000)).toContain('Shared with China desk.');
    const copies = () => [...standIn.annotations.values()].filter((x) => JSON.stringify(x.target).includes('self-media outlets'));
    expect((await settle(async () => copies(), (c) => c.length === 1, 15_000)).length).toBe(1);
    expect(standIn.annotations.size).toBe(before + 1);
  });

  it('a share left waiting when the service worker stops is sent once the worker is back', async () => {
    const page = await saveOnA('Users whose accounts', 'thirty days');
    const before = standIn.annotations.size;
    standIn.fault({ status: 503, times: 1, match: /\/annotations$/ });
    await clickInCard(page, '.ql-card__share-button');
    // The answer waits up to 4 s for the first try (SharingHubDeps.answerWithinMs), and more on a loaded machine.
    expect(await readCard(page, (text) => text.includes('Waiting to be shared with China desk.'), 15_000)).toContain('Waiting to be shared with China desk.');

    const cdp = await a.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    // Any message starts the worker again (here the popup's), and it resumes its queue.
    const popup = await openPopupFor(a, page);
    const shared = await settle(
      () => popup.locator('[data-share]').allInnerTexts().catch(() => []),
      (all) => all.length === 2 && all.every((t) => t.includes('Shared with China desk')),
      20_000,
    );
    expect(shared).toEqual([expect.stringContaining('Shared with China desk'), expect.stringContaining('Shared with China desk')]);
    // A 503 may have stored it: it was looked for first, and published once.
    expect(standIn.annotations.size).toBe(before + 1);
  });

  it('made every request as the published description says, and nothing beyond 127.0.0.1', () => {
    expect(standIn.violations).toEqual([]);
    const bearers = new Set(standIn.requests.map((r) => r.headers.authorization));
    expect(bearers).toEqual(new Set([`Bearer ${alice.token}`, `Bearer ${bob.token}`]));
    expect(a.network.outside).toEqual([]);
    expect(b.network.outside).toEqual([]);
  });
});
