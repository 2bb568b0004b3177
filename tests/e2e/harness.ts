/**
 * The built extension (.output/chrome-mv3) in Debian's Chromium, driven by
 * playwright-core, on pages served from 127.0.0.1. Shared by every browser test and by
 * the page benchmark: `const lens = await launchLens(); … await lens.close();`
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveFixtures, type FixtureServer } from './fixture-server';
import { watchNetwork, type NetworkWatch } from './network-watch';
import type { Evaluates } from './page-text';

export type { FixtureServer } from './fixture-server';
export type { NetworkWatch } from './network-watch';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
/** The unpacked build to load; LENS_EXTENSION_DIR points at another (a second build made while a benchmark holds the first). */
export const EXTENSION_DIR = process.env.LENS_EXTENSION_DIR ? resolve(ROOT, process.env.LENS_EXTENSION_DIR) : join(ROOT, '.output/chrome-mv3');
export const FIXTURES_DIR = join(ROOT, 'tests/fixtures');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Where the browser tests leave their screenshots: a temporary folder, so a test run never
 * changes the tracked files; `QINGLANG_SCREENSHOTS=docs/screenshots` refreshes the README's.
 */
export const SCREENSHOTS_DIR = process.env.QINGLANG_SCREENSHOTS
  ? resolve(ROOT, process.env.QINGLANG_SCREENSHOTS)
  : join(tmpdir(), 'qinglang-lens-screenshots');

/** The few `chrome.*` calls the harness makes inside the service worker. */
interface WorkerChrome {
  tabs: { query(info: object): Promise<Array<{ id?: number }>> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
}
declare const chrome: WorkerChrome;

/** A function run in the service worker: it is serialised, so it sees only its argument and globals. */
export type WorkerFunction<A, R> = (arg: A) => R | Promise<R>;

/** One range of a CSS highlight on the page, as the page's main world sees it. */
export interface PageHighlightRange {
  /** The highlight's name without the prefix asked for (the entity id for mentions). */
  name: string;
  /** The text the range covers (`Range#toString()`); '(on removed content)' for a range left on removed nodes, listed last. */
  text: string;
  /** The range starts and ends in different Text nodes (a name split across elements). */
  spansNodes: boolean;
}

// Page-side code is passed as source text: tsx (the benchmark) compiles with keepNames,
// whose `__name` helper does not exist in the page.
const READ_HIGHLIGHTS = `(prefix) => {
  const inspection = globalThis.__lensInspection;
  if (!inspection) return [];
  const layers = [];
  // Our layers in CSS.highlights go by this page load's random names: the inspection
  // (page/inspection.ts, in our own world) knows what each was made for.
  for (const [name, highlight] of CSS.highlights) {
    const key = inspection.names.keyOf(name);
    if (key !== undefined && key.startsWith(prefix)) layers.push([key.slice(prefix.length), [...highlight]]);
  }
  // Saved highlights are not in CSS.highlights at all: the overlay's painter lists them.
  for (const [color, range] of inspection.saved()) {
    const key = 'saved:' + color;
    if (key.startsWith(prefix)) layers.push([key.slice(prefix.length), [range]]);
  }
  const found = [];
  for (const [name, ranges] of layers) {
    for (const r of ranges) {
      // A range left on content that was removed is reported, never silently skipped.
      if (!r.startContainer.isConnected || !r.endContainer.isConnected) {
        found.push({ name, range: null });
        continue;
      }
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      found.push({ name, range });
    }
  }
  const live = found.filter((f) => f.range);
  live.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  return [
    ...live.map(({ name, range }) => ({ name, text: range.toString(), spansNodes: range.startContainer !== range.endContainer })),
    ...found.filter((f) => !f.range).map(({ name }) => ({ name, text: '(on removed content)', spansNodes: false })),
  ];
}`;

/** The name Chromium gives our content script's isolated world: the extension's name. */
const CONTENT_WORLD = 'Qinglang Lens';

/**
 * Evaluates `expression` in our content script's isolated world in the page's main frame
 * (over CDP): where its own state lives, out of the page's reach. Resolves undefined
 * while the content script has not started.
 */
export async function inContentWorld<T>(page: Page, expression: string): Promise<T | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: Array<{ id: number; name: string; auxData?: { type?: string; frameId?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    await cdp.send('Runtime.enable');
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === CONTENT_WORLD && c.auxData.frameId === frameTree.frame.id);
    if (!world) return undefined;
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (exceptionDetails) throw new Error(`evaluation failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * The ranges of our highlights whose key starts with `prefix` ('mention:', 'saved:',
 * 'fact', 'reveal'), in document order, read in our content script's world: the page's
 * own world sees our layers only under random names, and saved highlights not at all.
 */
export async function readHighlights(page: Page, prefix: string): Promise<PageHighlightRange[]> {
  return (await inContentWorld<PageHighlightRange[]>(page, `(${READ_HIGHLIGHTS})(${JSON.stringify(prefix)})`)) ?? [];
}

/** The mention marks on the page: `name` is the entity id. */
export function readMentionMarks(page: Page): Promise<PageHighlightRange[]> {
  return readHighlights(page, 'mention:');

}

/** One range in the page's own `CSS.highlights` registry, as any script of the page sees it. */
export interface PageWorldRange {
  /** The registry name: for our layers a random name made for this page load. */
  layer: string;
  /** The layer's priority (what a page script can read of it besides its ranges). */
  priority: number;
  text: string;
}

// Runs in the page's main world, with nothing of ours to ask: the registry as it is.
const READ_PAGE_REGISTRY = `() => {
  const found = [];
  for (const [layer, highlight] of CSS.highlights) {
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      found.push({ layer, priority: highlight.priority, range });
    }
  }
  found.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  return found.map(({ layer, priority, range }) => ({ layer, priority, text: range.toString() }));
}`;

/**
 * Every range in the page world's `CSS.highlights`, in document order (Firefox specs: BiDi
 * reaches no content-script world). Our layers go by random names there, and saved
 * highlights are not in it at all: what a page's own script could learn.
 */
export function readPageHighlights(page: Evaluates): Promise<PageWorldRange[]> {
  return page.evaluate(`(${READ_PAGE_REGISTRY})()`) as Promise<PageWorldRange[]>;
}

/** Polls `read` until `done` accepts its value or `timeoutMs` passes; resolves with the last value. */
export async function settle<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

export interface LaunchOptions {
  /** Folder served at the server's root (default tests/fixtures). */
  fixturesDir?: string;
  /** The unpacked extension to load (default .output/chrome-mv3). */
  extensionDir?: string;
  /** Extra Chromium switches (the benchmark adds none; a test might). */
  args?: string[];
  /** Keep Chromium's back/forward cache on (playwright turns it off by default). */
  backForwardCache?: boolean;
  /** A browser profile to use and keep (the caller removes it): a second launch finds what the first left. */
  profileDir?: string;
}

export interface Lens {
  context: BrowserContext;
  /** The extension's id: the host of its service worker's URL. */
  extensionId: string;
  /** The extension's background service worker (the live one, should Chromium restart it). */
  readonly worker: Worker;
  /** Runs `fn` in the service worker, where `chrome.*` is available. */
  inWorker<R, A>(fn: WorkerFunction<A, R>, arg: A): Promise<R>;
  server: FixtureServer;
  /** Every request that left 127.0.0.1 and the extension. */
  network: NetworkWatch;
  /** Opens a served path (`'english.html'`) in a new tab and waits for its load event. */
  openPage(path: string): Promise<Page>;
  /** Opens an extension page (`'popup.html?tab=12'`) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** The tab id Chromium gave `page` (pages opened through `openPage`). */
  tabIdOf(page: Page): Promise<number>;
  /** The action badge text for a tab ('' when none). */
  badgeText(tabId: number): Promise<string>;
  /**
   * Polls the badge of `page`'s tab until it equals `expected`; resolves with the last
   * text seen either way, so the test's own `expect` reports the difference.
   */
  waitForBadge(page: Page, expected: string, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

/** The Chromium switches that load one unpacked extension and keep the browser quiet. */
export function extensionArgs(dir: string): string[] {
  return [
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export async function launchLens(options: LaunchOptions = {}): Promise<Lens> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npx wxt build\` first (npm run test:e2e does).`);
  }
  const server = await serveFixtures(options.fixturesDir ?? FIXTURES_DIR);
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'qinglang-e2e-'));
  const removeProfile = () => {
    if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
  };
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions', ...(options.backForwardCache ? ['--disable-back-forward-cache'] : [])],
      args: [...extensionArgs(extensionDir), ...(options.args ?? [])],
    });
  } catch (err) {
    await server.close();
    removeProfile();
    throw err;
  }
  const network = watchNetwork(context, server.origin);
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(first.url()).host;
  const currentWorker = (): Worker =>
    context.serviceWorkers().find((w) => new URL(w.url()).host === extensionId) ?? first;
  const inWorker = <R, A>(fn: WorkerFunction<A, R>, arg: A): Promise<R> => {
    const worker = currentWorker();
    // Our arguments are plain JSON values, for which playwright's Unboxed<A> is A itself.
    const evaluate = worker.evaluate as (f: WorkerFunction<A, R>, a: A) => Promise<R>;
    return evaluate.call(worker, fn, arg);
  };

  const tabIds = new WeakMap<Page, number>();
  const allTabIds = () => inWorker(async () => (await chrome.tabs.query({})).map((t) => t.id ?? -1), undefined);
  // Without the "tabs" permission tab URLs are hidden from us, so a new page's tab is the
  // one id that was not there before it opened; opening pages one at a time keeps that true.
  let opening: Promise<unknown> = Promise.resolve();
  function openTab(url: string): Promise<Page> {
    const opened = opening.then(async () => {
      const before = new Set(await allTabIds());
      const page = await context.newPage();
      const fresh = (await allTabIds()).filter((id) => id >= 0 && !before.has(id));
      if (fresh.length !== 1) throw new Error(`expected one new tab, found ${fresh.length}`);
      tabIds.set(page, fresh[0]!);
      await page.goto(url, { waitUntil: 'load' });
      return page;
    });
    opening = opened.catch(() => undefined);
    return opened;
  }

  async function tabIdOf(page: Page): Promise<number> {
    const id = tabIds.get(page);
    if (id === undefined) throw new Error(`no tab id for ${page.url()}: open pages with lens.openPage`);
    return id;
  }

  const badgeText = (tabId: number): Promise<string> =>
    inWorker((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

  return {
    context,
    extensionId,
    get worker() {
      return currentWorker();
    },
    inWorker,
    server,
    network,
    openPage: (path) => openTab(server.url(path)),
    openExtensionPage: (path) => openTab(`chrome-extension://${extensionId}/${path.replace(/^\/+/, '')}`),
    tabIdOf,
    badgeText,
    async waitForBadge(page, expected, timeoutMs = 5_000) {
      const tabId = await tabIdOf(page);
      return settle(() => badgeText(tabId), (text) => text === expected, timeoutMs);
    },
    async close() {
      await context.close();
      await server.close();
      removeProfile();
    },
  };
}
