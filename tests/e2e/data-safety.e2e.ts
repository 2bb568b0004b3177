/**
 * The user's data across an update and a restore, in Debian's Chromium:
 * (a) a profile written by v0.1.0 (built from commit edafccb in a temporary git worktree)
 *     and then opened by this build, loaded from the same folder so the extension keeps
 *     its id and origin: every highlight, note, tag, fact, page and setting is still there;
 * (b) a backup exported before a delete and imported after it does not bring the
 *     highlight back, and the library offers to restore it on purpose.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchLens, ROOT, type Lens } from './harness';

declare const chrome: {
  runtime: { sendMessage(message: object): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> };
  storage: { local: { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
};

const V010 = 'edafccb';
/** The v0.1.0 build is kept between runs: building it takes longer than the tests. */
const OLD_BUILD = join(tmpdir(), `qinglang-lens-${V010}-chrome-mv3`);

function buildV010(): string {
  if (existsSync(join(OLD_BUILD, 'manifest.json'))) return OLD_BUILD;
  const tree = join(mkdtempSync(join(tmpdir(), 'qinglang-v010-')), 'tree');
  execFileSync('git', ['worktree', 'add', '--detach', tree, V010], { cwd: ROOT, stdio: 'pipe' });
  try {
    // Same dependencies as today's tree: v0.1.0's lockfile differs only by dev tools added since.
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
    execFileSync('npx', ['wxt', 'build'], { cwd: tree, stdio: 'pipe' });
    cpSync(join(tree, '.output/chrome-mv3'), OLD_BUILD, { recursive: true });
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT, stdio: 'pipe' });
  }
  return OLD_BUILD;
}

/** The extension's folder: one path for both builds, so Chromium gives both the same id. */
let extensionDir: string;
let profileDir: string;
let downloads: string;

/**
 * Puts a build in the extension's folder. An update carries a higher version: Chromium
 * keeps running the service worker it registered for an unchanged version of an unpacked
 * extension, so the new build is given one, as a release would have.
 */
function install(build: string, version?: string): void {
  rmSync(extensionDir, { recursive: true, force: true });
  cpSync(build, extensionDir, { recursive: true });
  if (version) {
    const manifest = join(extensionDir, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), version }));
  }
}

beforeAll(() => {
  const old = buildV010();
  const root = mkdtempSync(join(tmpdir(), 'qinglang-data-safety-'));
  extensionDir = join(root, 'extension');
  profileDir = join(root, 'profile');
  downloads = join(root, 'downloads');
  execFileSync('mkdir', ['-p', profileDir, downloads]);
  install(old);
}, 240_000);

afterAll(() => {
  rmSync(join(extensionDir, '..'), { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

const T = Date.now();
const step = (what: string) => process.env.QL_TRACE && console.log(`${((Date.now() - T) / 1000).toFixed(1)}s ${what}`);

const PAGE_A = { url: 'https://news.example.com/2023/05/purge.html', title: 'CAC closes 67,000 accounts', site: 'Example News', published: '2023-05-26' };
const PAGE_B = { url: 'https://news.example.cn/2023/0527/weibo.html', title: '微博关闭散布谣言账号', site: '示例新闻' };
const QUOTES = [
  { page: PAGE_A, quote: 'The Cyberspace Administration of China said it had closed 67,000 accounts during the Qinglang campaign.', note: 'Check against the CAC notice 🙂', tags: ['to-cite', 'numbers'], color: 'green' },
  { page: PAGE_A, quote: 'Self-media accounts on Weibo and Douyin were told to label generated content.', note: '', tags: [], color: 'yellow' },
  { page: PAGE_B, quote: '国家网信办通报，3月10日至5月22日期间，微博共关闭散布谣言的账号1200余个。', note: '与英文报道数字一致', tags: ['微博'], color: 'pink' },
];
const SETTINGS = {
  'settings.disabledEntities': ['kuaishou'],
  'settings.userTerms': [{ id: 'user-npc', label: 'NPC', terms: ['NPC', '全国人大'], color: '#12a594' }],
  'settings.colors': { cac: '#aa0000' },
  'settings.sites': { mode: 'list', hosts: ['caixin.com', 'example.com'] },
  'settings.privateWindows': 'allow',
};

/** Saves the passages through the background, as the content script does (with the page text for the first of a page). */
async function saveAll(page: Page, t0: number): Promise<void> {
  const replies = await page.evaluate(
    async ([quotes, start]) => {
      const out = [];
      const captured = new Set<string>();
      for (const [i, q] of quotes.entries()) {
        const draft = {
          id: `00000000-0000-4000-8000-00000000000${i}`,
          page: q.page,
          selectors: [
            { type: 'TextQuoteSelector', exact: q.quote, prefix: 'Earlier, ', suffix: ' Later' },
            { type: 'TextPositionSelector', start: 100 * i, end: 100 * i + q.quote.length },
          ],
          quote: q.quote,
          note: q.note,
          tags: q.tags,
          color: q.color,
          created: start + i * 60_000,
        };
        const capture = captured.has(q.page.url) ? undefined : { meta: q.page, text: `The article: ${q.quote} And more.`, captured: start };
        captured.add(q.page.url);
        out.push(await chrome.runtime.sendMessage({ type: 'highlights/save', draft, capture }));
      }
      return out;
    },
    [QUOTES, t0] as const,
  );
  for (const r of replies) expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
}

interface Stored {
  version: number;
  stores: string[];
  highlights: Array<{ id: string }>;
  facts: Array<{ id: string }>;
  pages: Array<{ url: string }>;
  settings: Record<string, unknown>;
}

/** Everything the extension keeps, read from its own origin: the database's records and storage.local. */
async function readEverything(page: Page): Promise<Stored> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('qinglang-lens');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = (name: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const out = {
      version: db.version,
      stores: [...db.objectStoreNames].sort(),
      highlights: (await all('highlights')) as Array<{ id: string }>,
      facts: (await all('facts')) as Array<{ id: string }>,
      pages: (await all('pages')) as Array<{ url: string }>,
      settings: await chrome.storage.local.get(null),
    };
    db.close();
    return out;
  });
}

const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : 1);

describe('your data across an update and a restore', () => {
  let lens: Lens | undefined;
  afterAll(async () => lens?.close());

  // Two browser starts (a few seconds each on a quiet machine, 20 s or more on a loaded one) and the upgrade.
  it('keeps every highlight, note, tag, fact, page and setting written by v0.1.0 when this build opens the profile', { timeout: 180_000 }, async () => {
    step('launch v0.1.0');
    const old = await launchLens({ extensionDir, profileDir });
    step('launched');
    let before: Stored;
    let oldId: string;
    try {
      oldId = old.extensionId;
      const page = await old.openExtensionPage('options.html');
      await page.evaluate((items) => chrome.storage.local.set(items), SETTINGS);
      step('settings set');
      await saveAll(page, Date.UTC(2026, 10, 2, 9));
      step('saved');
      before = await readEverything(page);
      step('read');
    } finally {
      await old.close();
    }
    expect(before.version).toBe(2);
    expect(before.highlights).toHaveLength(3);
    expect(before.facts.length).toBeGreaterThan(0);
    expect(before.pages).toHaveLength(2);

    install(EXTENSION_DIR, '0.1.1');
    // Chromium keeps the service-worker script it registered for an unpacked extension in
    // the profile and starts that one again, whatever is on disk; a store update replaces
    // it. Dropping that cache (not the extension's data) makes the next start run the new build.
    rmSync(join(profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });
    step('launch new');
    lens = await launchLens({ extensionDir, profileDir });
    step('launched new');
    expect(lens.extensionId).toBe(oldId);
    expect(await lens.inWorker(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }).chrome.runtime.getManifest().version, undefined)).toBe('0.1.1');
    const page = await lens.openExtensionPage('options.html');
    // The new background opens (and upgrades) the database on its first message.
    const reply = await page.evaluate((url) => chrome.runtime.sendMessage({ type: 'highlights/for-url', url }), PAGE_A.url);
    expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
    expect((reply.value as unknown[]).length).toBe(2);

    step('upgraded');
    const after = await readEverything(page);
    expect(after.version).toBe(3);
    expect(after.stores).toEqual([...before.stores, 'tombstones'].sort());
    expect(after.highlights.sort(byKey((h) => h.id))).toEqual(before.highlights.sort(byKey((h) => h.id)));
    expect(after.facts.sort(byKey((f) => f.id))).toEqual(before.facts.sort(byKey((f) => f.id)));
    expect(after.pages.sort(byKey((p) => p.url))).toEqual(before.pages.sort(byKey((p) => p.url)));
    expect(after.settings).toEqual(before.settings);
    for (const [key, value] of Object.entries(SETTINGS)) expect(after.settings[key]).toEqual(value);

    // The options page reads those settings without dropping any, and the storage is kept.
    await page.reload();
    await page.locator('.options-storage').waitFor();
    expect(await page.locator('.options-storage').getAttribute('data-persisted')).toBe('true');
    expect(await page.locator('main').innerText()).toContain('NPC');
    expect(await page.locator('body').innerText()).not.toMatch(/could not be read/i);
  });

  it('does not let a backup made before a delete bring the highlight back, and restores it only on purpose', async () => {
    if (!lens) throw new Error('the first test did not launch the browser');
    const library = await lens.openExtensionPage('library.html');
    await library.locator('.library__body').waitFor();
    const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'JSON (Web Annotation)' }).click()]);
    const backup = join(downloads, 'backup.jsonld');
    await download.saveAs(backup);
    expect(readFileSync(backup, 'utf8')).toContain('"text": "The article: ');

    const gone = '00000000-0000-4000-8000-000000000002';
    const deleted = await library.evaluate((id) => chrome.runtime.sendMessage({ type: 'highlights/delete', id }), gone);
    expect(deleted, JSON.stringify(deleted)).toMatchObject({ ok: true });
    writeFileSync(join(downloads, 'again.jsonld'), readFileSync(backup));

    await library.reload();
    await library.locator('.library__body').waitFor();
    await library.locator('input[type="file"]').setInputFiles(join(downloads, 'again.jsonld'));
    const report = library.locator('.ql-transfer').getByText(/deleted here on \d{4}-\d{2}-\d{2}/);
    await report.waitFor();
    expect(await report.innerText()).toContain('国家网信办通报');
    expect(await library.locator('.ql-transfer').innerText()).toContain('Import finished: 0 added, 0 updated, 2 skipped.');
    const stillGone = await library.evaluate((url) => chrome.runtime.sendMessage({ type: 'highlights/for-url', url }), PAGE_B.url);
    expect(stillGone).toMatchObject({ ok: true, value: [] });

    await library.getByRole('button', { name: 'Restore these 1 highlights' }).click();
    await library.getByText('Restored 1 deleted highlights from the file.').waitFor();
    const back = await library.evaluate((url) => chrome.runtime.sendMessage({ type: 'highlights/for-url', url }), PAGE_B.url);
    expect(back).toMatchObject({ ok: true, value: [{ id: gone, note: '与英文报道数字一致', tags: ['微博'] }] });
    expect(lens.network.outside).toEqual([]);
  });
});
