/**
 * The Firefox build (.output/firefox-mv3) in Debian's firefox-esr, driven by puppeteer-core
 * over WebDriver BiDi, on pages served from 127.0.0.1: the Firefox twin of ../harness.ts.
 * `const lens = await launchFirefoxLens(); … await lens.close();`
 *
 * Firefox has no service worker to evaluate in (its MV3 background is an event page that
 * BiDi does not expose), so the harness keeps one extension page open — the "control"
 * tab — and runs `browser.*` calls there: tab ids, badge text, messages to a tab, the
 * extension's IndexedDB. Extension pages live at moz-extension://<uuid>/, where the uuid
 * is chosen per profile; the harness picks it itself through Firefox's
 * `extensions.webextensions.uuids` preference, so it knows every extension URL up front.
 */
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES_DIR, ROOT, settle } from '../harness';
import { serveFixtures, type FixtureServer } from '../fixture-server';
import { isLocalRequest, type NetworkWatch } from '../network-watch';
import { evaluateIn } from '../page-text';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv3');

/** The few `browser.*` calls the harness makes from its extension page. */
interface ExtensionBrowser {
  tabs: {
    query(info: object): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: object, options: { frameId: number }): Promise<unknown>;
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
}
declare const browser: ExtensionBrowser;

export interface FirefoxLaunchOptions {
  /** Folder served at the server's root (default tests/fixtures). */
  fixturesDir?: string;
  /** The unpacked Firefox build to install (default .output/firefox-mv3). */
  extensionDir?: string;
  /** Where Firefox saves downloads without asking (default: a temporary folder). */
  downloadsDir?: string;
}

export interface FirefoxLens {
  browser: Browser;
  /** The add-on id Firefox reports for the installed build (the manifest's gecko id). */
  extensionId: string;
  /** `moz-extension://<uuid>`: the origin of the extension's pages. */
  extensionOrigin: string;
  server: FixtureServer;
  /** Every request from the tabs the harness opened that left 127.0.0.1 and the extension. */
  network: NetworkWatch;
  /** Where downloads land. */
  downloadsDir: string;
  /** Opens a served path (`'english.html'`) in a new tab and waits for its load event. */
  openPage(path: string): Promise<Page>;
  /** Opens an extension page (`'popup.html?tab=12'`) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** The tab id Firefox gave `page` (pages opened through this harness). */
  tabIdOf(page: Page): Promise<number>;
  /** Runs `fn(arg)` in an extension page, where `browser.*` and the extension's IndexedDB are. */
  inExtension<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** The action badge text for a tab ('' when none). */
  badgeText(tabId: number): Promise<string>;
  /** Polls the badge of `page`'s tab until it equals `expected`; resolves with the last text seen. */
  waitForBadge(page: Page, expected: string, timeoutMs?: number): Promise<string>;
  /** Saves the current selection of `page` with the handler the keyboard shortcut reaches. */
  highlightSelection(page: Page): Promise<{ ok: boolean; value?: { id: string; quote: string } }>;
  close(): Promise<void>;
}

/** The gecko id the build declares, which Firefox must report back on install. */
function geckoId(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${dir}/manifest.json has no gecko id: is it the Firefox build?`);
  return id;
}

/**
 * Loads `url` in `page` and waits for its load event. For moz-extension:// pages, Firefox's
 * BiDi sends no navigation events (the page loads in the extension process), so puppeteer's
 * `goto` never resolves there; the page itself is asked until it reports the address, loaded.
 */
export async function visit(page: Page, url: string, timeoutMs = 30_000): Promise<void> {
  if (!url.startsWith('moz-extension:')) {
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    return;
  }
  // Its rejection (a timeout, or the tab closing) says nothing the polling below does not.
  page.goto(url, { timeout: timeoutMs }).catch(() => undefined);
  await waitForLoad(page, url, timeoutMs);
}

/** Resolves once `page` shows `url` (any query or hash after it) with its load event passed. */
export async function waitForLoad(page: Page, url: string, timeoutMs = 30_000): Promise<void> {
  const reached = await settle(
    () => evaluateIn(page, () => `${location.href} ${document.readyState}`, undefined).catch(() => ''),
    (state) => state.startsWith(url) && state.endsWith(' complete'),
    timeoutMs,
  );
  if (!reached.startsWith(url) || !reached.endsWith(' complete')) {
    throw new Error(`${url} did not load in ${timeoutMs} ms (the tab shows ${reached || 'nothing'})`);
  }
}

export async function launchFirefoxLens(options: FirefoxLaunchOptions = {}): Promise<FirefoxLens> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox not found at ${FIREFOX}: install Debian's firefox-esr (apt-get install firefox-esr) or set FIREFOX_PATH.`);
  }
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${extensionDir}: run \`npx wxt build -b firefox --mv3\` first (npm run test:e2e does).`);
  }
  const id = geckoId(extensionDir);
  const uuid = randomUUID();
  const downloadsDir = options.downloadsDir ?? mkdtempSync(join(tmpdir(), 'qinglang-ff-downloads-'));
  const ownDownloads = options.downloadsDir === undefined;
  const server = await serveFixtures(options.fixturesDir ?? FIXTURES_DIR);
  let firefox: Browser;
  try {
    firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // WebDriver BiDi refuses to navigate a tab to moz-extension:// pages unless the remote
      // agent may reach privileged pages; the extension's own pages need it, nothing else does.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        // Our choice of the extension's internal uuid, so its pages have a known origin.
        'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
        // Downloads (the library's exports) go straight to a folder, without a dialog.
        'browser.download.folderList': 2,
        'browser.download.dir': downloadsDir,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        'browser.download.alwaysOpenPanel': false,
      },
    });
  } catch (err) {
    await server.close();
    if (ownDownloads) rmSync(downloadsDir, { recursive: true, force: true });
    throw err;
  }
  const installed = await firefox.installExtension(extensionDir);
  if (installed !== id) throw new Error(`Firefox installed the build as ${installed}, not ${id}`);
  const extensionOrigin = `moz-extension://${uuid}`;

  const outside: string[] = [];
  const network: NetworkWatch = {
    outside,
    clear() {
      outside.length = 0;
    },
  };
  const watch = (page: Page) => {
    page.on('request', (request: HTTPRequest) => {
      const url = request.url();
      if (!url.startsWith('moz-extension:') && !isLocalRequest(url, server.origin)) outside.push(url);
    });
  };

  // The control tab: an extension page kept open for `browser.*` calls.
  const control = await firefox.newPage();
  watch(control);
  await visit(control, `${extensionOrigin}/options.html`);
  const inExtension = <A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> => evaluateIn(control, fn, arg);

  const tabIds = new WeakMap<Page, number>();
  const allTabIds = () => inExtension(async () => (await browser.tabs.query({})).map((t) => t.id ?? -1), undefined);
  // Without the "tabs" permission tab URLs are hidden, so a new page's tab is the one id
  // that was not there before it opened; opening pages one at a time keeps that true.
  let opening: Promise<unknown> = Promise.resolve();
  function openTab(url: string): Promise<Page> {
    const opened = opening.then(async () => {
      const before = new Set(await allTabIds());
      const page = await firefox.newPage();
      watch(page);
      const fresh = (await allTabIds()).filter((tab) => tab >= 0 && !before.has(tab));
      if (fresh.length !== 1) throw new Error(`expected one new tab, found ${fresh.length}`);
      tabIds.set(page, fresh[0]!);
      await visit(page, url);
      return page;
    });
    opening = opened.catch(() => undefined);
    return opened;
  }

  async function tabIdOf(page: Page): Promise<number> {
    const tab = tabIds.get(page);
    if (tab === undefined) throw new Error(`no tab id for ${page.url()}: open pages with lens.openPage`);
    return tab;
  }

  const badgeText = (tabId: number): Promise<string> =>
    inExtension((tab) => browser.action.getBadgeText({ tabId: tab }), tabId);

  return {
    browser: firefox,
    extensionId: id,
    extensionOrigin,
    server,
    network,
    downloadsDir,
    openPage: (path) => openTab(server.url(path)),
    openExtensionPage: (path) => openTab(`${extensionOrigin}/${path.replace(/^\/+/, '')}`),
    tabIdOf,
    inExtension,
    badgeText,
    async waitForBadge(page, expected, timeoutMs = 5_000) {
      const tabId = await tabIdOf(page);
      return settle(() => badgeText(tabId), (text) => text === expected, timeoutMs);
    },
    async highlightSelection(page) {
      const tabId = await tabIdOf(page);
      return (await inExtension(
        (tab) => browser.tabs.sendMessage(tab, { type: 'highlights/from-selection', via: 'command' }, { frameId: 0 }),
        tabId,
      )) as { ok: boolean; value?: { id: string; quote: string } };
    },
    async close() {
      await firefox.close();
      await server.close();
      if (ownDownloads) rmSync(downloadsDir, { recursive: true, force: true });
    },
  };
}
