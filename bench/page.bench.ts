/**
 * Page-side cost: `npx tsx bench/page.bench.ts` (also part of `npm run bench`).
 *
 * One generated page of 20,000 paragraphs (~3.3 M characters of mixed English and
 * Chinese, ~5,000 mentions, some of them split across inline elements), in Debian's
 * headless Chromium, measured three ways in the same run:
 *   (a) a TreeWalker pass alone: every Text node read and its text joined (the floor
 *       for anything that reads the page), in the page's main world (the headline) and,
 *       since a content script reads from an isolated world where every node costs more,
 *       also in a fresh isolated world and in our content script's own world (via CDP);
 *   (b) our content script, from the built extension: time from the start of a scan
 *       until every mark is registered, measured in the page by the script itself (its
 *       User Timing entries) with its longest slice. Twice per page: the first scan, as a
 *       reader meets it (the page is often still laying itself out then, and that work
 *       runs between our slices), and a full rescan once the page has settled (its
 *       <main> taken out and put back), the same conditions as (a) and (c);
 *   (c) mark.js (node_modules/mark.js) wrapping the same surface forms with one RegExp,
 *       across elements (the same job: a name split by <b> is found) and, for reference,
 *       per Text node (its default, which misses split names).
 * Every run is on a freshly loaded page (cold, as a reader meets it); the figure is the
 * median. Long tasks are those the page's own PerformanceObserver('longtask') saw.
 * Builds .output/chrome-mv3 first only when it is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { BUILTIN_ENTITIES } from '../lib/lexicon';
import { CHROMIUM, EXTENSION_DIR, ROOT, inContentWorld, launchLens } from '../tests/e2e/harness';
import { serveFixtures } from '../tests/e2e/fixture-server';
import { prng } from './random';

const PARAGRAPHS = 20_000;
// PAGE_BENCH_RUNS / PAGE_BENCH_MARKJS_RUNS shorten a run on a busy machine (the figures are medians either way).
const RUNS = Number(process.env.PAGE_BENCH_RUNS ?? 5);
const MARKJS_RUNS = Number(process.env.PAGE_BENCH_MARKJS_RUNS ?? 3);

// ---------------------------------------------------------------- the page

const EN = (
  'the officials said on monday that new rules for online platforms would take effect next month while ' +
  'analysts expected markets to stay calm as investors weighed the data and reporters in shanghai asked ' +
  'residents about prices schools hospitals trains and the weather before the holiday travel season began'
).split(' ');
const ZH = '有关部门 表示 记者 从 现场 获悉 市场 人士 认为 相關 部門 網友 紛紛 留言 据 报道 称 今年 以来 用户 数量 持续 增长 平台 加强 管理'.split(' ');
// Forms every reader would call a mention, written the ways pages write them.
const MENTIONS_EN = ['CAC', 'WeChat', 'Weibo', 'Douyin', 'Kuaishou', 'self-media', 'the Cyberspace Administration of China'];
const MENTIONS_ZH = ['微信', '微博', '抖音', '快手', '自媒体', '國家網信辦', '国家网信办'];

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function generatePage(): string {
  const rnd = prng(20_000);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const out: string[] = ['<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long page</title></head><body><main>'];
  for (let i = 0; i < PARAGRAPHS; i++) {
    const english = rnd() < 0.5;
    const words: string[] = [];
    let length = 0;
    while (length < 150) {
      const w = english ? pick(EN) : pick(ZH);
      words.push(w);
      length += w.length + (english ? 1 : 0);
    }
    let html = escapeHtml(english ? words.join(' ') : words.join(''));
    if (rnd() < 0.25) {
      const mention = english ? pick(MENTIONS_EN) : pick(MENTIONS_ZH);
      // One in ten split across an inline element, as in "<b>Wei</b>bo".
      const written = rnd() < 0.1 ? `<b>${mention.slice(0, 2)}</b>${mention.slice(2)}` : mention;
      html = english ? `${html.slice(0, 60).replace(/\s\S*$/, '')} ${written}, ${html.slice(60)}` : `${html.slice(0, 30)}，${written}，${html.slice(30)}`;
    }
    // An inline link in most paragraphs, as on a real page.
    if (rnd() < 0.6) html = html.replace(english ? /(\s)(\S+\s\S+)(\s)/ : /^(.{5})(.{6})/, '$1<a href="#p">$2</a>$3');
    out.push(`<p>${html}</p>\n`);
  }
  out.push('</main></body></html>');
  return out.join('');
}

// ---------------------------------------------------------------- page-side code (as source: see harness.ts)

const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

const TREEWALKER_PASS = `(() => {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let text = '';
  let nodes = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) { text += n.data; nodes++; }
  const ms = performance.now() - t0;
  return { ms, characters: text.length, nodes };
})()`;

type WalkerRun = { ms: number; characters: number; nodes: number };

/** Evaluates `expression` in a new isolated world of the page's main frame (as an extension's content script has). */
async function inIsolatedWorld(page: Page, expression: string): Promise<WalkerRun> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'bench-isolated' });
  const result = await evaluateIn(cdp, executionContextId, expression);
  await cdp.detach();
  return result;
}

async function evaluateIn(cdp: CDPSession, contextId: number, expression: string): Promise<WalkerRun> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId, returnByValue: true });
  if (exceptionDetails) throw new Error(`evaluation failed: ${exceptionDetails.text}`);
  return result.value as WalkerRun;
}

/** The TreeWalker pass run inside our content script's own isolated world (found by the extension's name). */
async function inContentScriptWorld(page: Page): Promise<WalkerRun> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string; auxData?: { type?: string } } }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Qinglang Lens');
  if (!world) throw new Error(`no content script world among ${contexts.map((c) => c.name).join(', ')}`);
  const result = await evaluateIn(cdp, world.id, TREEWALKER_PASS);
  await cdp.detach();
  return result;
}

type OurRun = { ms: number; marks: number; longTaskMs: number; detail: { longestSliceMs: number; slices: number; characters: number; readMs: number; detectMs: number; markMs: number; yieldedMs: number; renderWaitMs?: number } };

// Our scans are recorded in our own world (page/inspection.ts), never in the page's
// performance timeline; both worlds share one clock, so the page's long tasks line up.
const ourScanRecord = (kind: string) => `globalThis.__lensInspection?.scans.filter((s) => s.kind === ${JSON.stringify(kind)}).at(-1) ?? null`;
const longTasksWithin = (start: number, duration: number) => `(() => {
  const within = window.__longTasks.filter((t) => t.start < ${start + duration} && t.start + t.duration > ${start});
  return Math.max(0, ...within.map((t) => t.duration));
})()`;

type ScanRecord = { startedAt: number; durationMs: number; detail: OurRun['detail'] & { mentions: number } };
async function ourScan(page: Page, kind: 'first-scan' | 'scan'): Promise<OurRun | null> {
  const record = await inContentWorld<ScanRecord | null>(page, ourScanRecord(kind));
  if (!record) return null;
  const longTaskMs = (await page.evaluate(longTasksWithin(record.startedAt, record.durationMs))) as number;
  return { ms: record.durationMs, detail: record.detail, marks: record.detail.mentions, longTaskMs };
}

export async function waitForScan(page: Page, kind: 'first-scan' | 'scan', after = 0, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const record = await inContentWorld<ScanRecord | null>(page, ourScanRecord(kind));
    if (record && record.startedAt >= after) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the content script left no ${kind} record`);
}

const markJsRun = (pattern: string, flags: string, acrossElements: boolean) => `new Promise((resolve) => {
  const re = new RegExp(${JSON.stringify(pattern)}, ${JSON.stringify(flags)});
  const before = window.__longTasks.length;
  const t0 = performance.now();
  new Mark(document.body).markRegExp(re, {
    acrossElements: ${acrossElements},
    done: (marks) => {
      const ms = performance.now() - t0;
      // The observer reports after the task; give it a moment.
      setTimeout(() => resolve({ ms, marks, longTaskMs: Math.max(0, ...window.__longTasks.slice(before).map((t) => t.duration)) }), 100);
    },
  });
})`;

// ---------------------------------------------------------------- runs

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function freshPage(browser: { newPage(): Promise<Page> }, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(OBSERVE_LONG_TASKS);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  return page;
}

async function main(): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.log('No build in .output/chrome-mv3: building it (npx wxt build)…');
    const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('wxt build failed');
  }
  const html = generatePage();
  const terms = BUILTIN_ENTITIES.flatMap((e) => e.forms.map((f) => f.text));
  const pattern = [...new Set(terms)]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
  console.log(`page: ${PARAGRAPHS.toLocaleString('en-US')} paragraphs, ${(html.length / 1e6).toFixed(2)} M characters of HTML; mark.js RegExp: ${terms.length} forms`);

  // PAGE_BENCH_OURS_ONLY=1: only our content script's runs (b), for a quick before/after on a busy machine.
  const oursOnly = process.env.PAGE_BENCH_OURS_ONLY === '1';
  // (a) and (c): the same Chromium, without the extension.
  const server = await serveFixtures(join(ROOT, 'tests/fixtures'));
  server.put('bench/long-page.html', html);
  const url = server.url('bench/long-page.html');
  const plain: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const walker: WalkerRun[] = [];
  const walkerIsolated: WalkerRun[] = [];
  for (let i = 0; i < (oursOnly ? 0 : RUNS); i++) {
    const page = await freshPage(plain, url);
    walker.push((await page.evaluate(TREEWALKER_PASS)) as WalkerRun);
    await page.close();
    // The same pass in an isolated world of its own (what a content script reads from),
    // on a fresh page: every node met is new to that world too.
    const isolatedPage = await freshPage(plain, url);
    walkerIsolated.push(await inIsolatedWorld(isolatedPage, TREEWALKER_PASS));
    await isolatedPage.close();
  }
  const markJsSource = readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  type MarkJsRun = { ms: number; marks: number; longTaskMs: number };
  // Across elements, as we read (a name split by <b> is found); and per Text node, mark.js's default.
  const markjs: MarkJsRun[] = [];
  const markjsPerNode: MarkJsRun[] = [];
  for (let i = 0; i < (oursOnly ? 0 : MARKJS_RUNS); i++) {
    for (const [across, runs] of [[true, markjs], [false, markjsPerNode]] as const) {
      const page = await freshPage(plain, url);
      await page.addScriptTag({ content: markJsSource });
      runs.push((await page.evaluate(markJsRun(pattern, 'gi', across))) as MarkJsRun);
      await page.close();
    }
  }
  await plain.close();
  await server.close();

  // (b): the built extension in a profile of its own.
  const lens = await launchLens();
  lens.server.put('bench/long-page.html', html);
  const first: OurRun[] = [];
  const ours: OurRun[] = [];
  const walkerOurWorld: WalkerRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await freshPage(lens.context, lens.server.url('bench/long-page.html'));
    await waitForScan(page, 'first-scan');
    await page.waitForTimeout(200); // let the long-task observer report
    const firstRun = await ourScan(page, 'first-scan');
    if (!firstRun) throw new Error('the content script left no first-scan measure');
    first.push(firstRun as OurRun);
    // Settled page: take <main> out and put it back; the content script reads it all again.
    await page.waitForTimeout(1_000);
    // Lay the page out again at once (reading offsetHeight), so the rescan meets a settled page.
    const before = (await page.evaluate('performance.now()')) as number;
    await page.evaluate(`(() => { const m = document.querySelector('main'); m.replaceWith(m); return document.body.offsetHeight; })()`);
    await waitForScan(page, 'scan', before);
    await page.waitForTimeout(200);
    ours.push((await ourScan(page, 'scan'))!);
    // The floor in our own world, on the same settled page (its nodes already met by our scans).
    if (!oursOnly) walkerOurWorld.push(await inContentScriptWorld(page));
    await page.close();
  }
  // (d) Saved highlights drawn in the overlay, on the same long page, while the page
  // mutates every millisecond and scrolls: the overlay is placed again each frame.
  // Reported, not thrown: the scans above are worth printing even if this part fails.
  const overlay = await overlayUnderChurn(lens).catch((error: unknown) => ({ failed: String(error) }));
  const outside = [...lens.network.outside];
  await lens.close();

  if (oursOnly) {
    const line = (label: string, runs: OurRun[]) =>
      `${label} ${median(runs.map((r) => r.ms)).toFixed(1)} ms (runs ${runs.map((r) => r.ms.toFixed(1)).join(', ')}), longest slice ${Math.max(...runs.map((r) => r.detail.longestSliceMs)).toFixed(1)} ms, longest task seen ${Math.max(...runs.map((r) => r.longTaskMs)).toFixed(1)} ms, ${runs[0]!.marks} marks`;
    console.log(line('(b) settled page', ours));
    console.log(line('    first scan  ', first));
    const parts = (runs: OurRun[]) => runs.map((r) => `read ${r.detail.readMs.toFixed(0)}, detect ${r.detail.detectMs.toFixed(0)}, mark ${r.detail.markMs.toFixed(0)}, waited for the page's rendering ${(r.detail.renderWaitMs ?? NaN).toFixed(0)}`).join('; ');
    console.log(`    first scan parts (ms): ${parts(first)}`);
    if (typeof overlay !== 'undefined') console.log(`(d) ${JSON.stringify(overlay)}`);
    console.log(`machine load (1-min average) ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`);
    return;
  }
  const a = median(walker.map((r) => r.ms));
  const b = median(ours.map((r) => r.ms));
  const b1 = median(first.map((r) => r.ms));
  const c = median(markjs.map((r) => r.ms));
  const fmt = (ms: number) => `${ms.toFixed(1).padStart(8)} ms`;
  const split = (runs: OurRun[]) => {
    const m = (k: 'readMs' | 'detectMs' | 'markMs' | 'yieldedMs') => median(runs.map((r) => r.detail[k])).toFixed(1);
    return `reading the DOM ${m('readMs')} ms, detect ${m('detectMs')} ms, visibility + ranges ${m('markMs')} ms, page work between our slices ${m('yieldedMs')} ms`;
  };
  const ourLine = (label: string, runs: OurRun[], ms: number) =>
    `${label} ${fmt(ms)}   longest slice ${fmt(Math.max(...runs.map((r) => r.detail.longestSliceMs)))}, ` +
    `longest task seen ${fmt(Math.max(...runs.map((r) => r.longTaskMs)))}; ${runs[0]!.marks.toLocaleString('en-US')} marks in ${runs[0]!.detail.slices} slices`;
  console.log(`text read: ${walker[0]!.characters.toLocaleString('en-US')} characters in ${walker[0]!.nodes.toLocaleString('en-US')} Text nodes`);
  console.log(`(a) TreeWalker pass alone      ${fmt(a)}   longest task ${fmt(Math.max(...walker.map((r) => r.ms)))} (one task)`);
  const ai = median(walkerIsolated.map((r) => r.ms));
  const aw = median(walkerOurWorld.map((r) => r.ms));
  console.log(`    … in an isolated world     ${fmt(ai)}   (a fresh world on a fresh page, as a content script meets the page)`);
  console.log(`    … in our content script's  ${fmt(aw)}   (its own world, on the settled page after its scans)`);
  console.log(ourLine('(b) Qinglang Lens, settled page', ours, b));
  console.log(`      ${split(ours)}`);
  console.log(ourLine('    … first scan after load    ', first, b1));
  console.log(`      ${split(first)}`);
  console.log(`(c) mark.js, one RegExp        ${fmt(c)}   longest task ${fmt(Math.max(...markjs.map((r) => r.longTaskMs)))}; ${markjs[0]!.marks.toLocaleString('en-US')} marks (acrossElements, as we read)`);
  const c0 = median(markjsPerNode.map((r) => r.ms));
  console.log(`    … per Text node (default)  ${fmt(c0)}   longest task ${fmt(Math.max(...markjsPerNode.map((r) => r.longTaskMs)))}; ${markjsPerNode[0]!.marks.toLocaleString('en-US')} marks (misses split names)`);
  console.log(`ours / TreeWalker = ${(b / a).toFixed(2)}× (target ≤ 3×)   mark.js / ours = ${(c / b).toFixed(1)}× (target ≥ 20×; per Text node ${(c0 / b).toFixed(1)}×)   (first scan: ${(b1 / a).toFixed(2)}×, ${(c / b1).toFixed(1)}×)`);
  console.log(`ours / TreeWalker in an isolated world = ${(b / ai).toFixed(2)}× (fresh world), ${(b / aw).toFixed(2)}× (our own world); first scan ${(b1 / ai).toFixed(2)}×`);
  console.log(`runs (ms): (a) ${walker.map((r) => r.ms.toFixed(1)).join(', ')}  (a, isolated) ${walkerIsolated.map((r) => r.ms.toFixed(1)).join(', ')}  (a, our world) ${walkerOurWorld.map((r) => r.ms.toFixed(1)).join(', ')}  (b) ${ours.map((r) => r.ms.toFixed(1)).join(', ')}  (first) ${first.map((r) => r.ms.toFixed(1)).join(', ')}  (c) ${markjs.map((r) => r.ms.toFixed(0)).join(', ')} / ${markjsPerNode.map((r) => r.ms.toFixed(0)).join(', ')}`);
  if ('failed' in overlay) console.log(`(d) failed: ${overlay.failed}`);
  else console.log(
    `(d) ${overlay.saved} saved highlights, page mutating every ms and scrolling for ${OVERLAY_CHURN_MS / 1000} s: ` +
      `overlay placed ${overlay.layouts}× (longest ${overlay.longestLayoutMs.toFixed(1)} ms, of which ours without the page's own layout ${overlay.longestOwnMs.toFixed(1)} ms); longest task seen ${overlay.longTaskMs.toFixed(1)} ms (the same churn without saved highlights: ${overlay.withoutLongTaskMs.toFixed(1)} ms)`,
  );
  console.log(`machine load (1-min average) ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs: figures are wall-clock and move with it`);
  if (outside.length > 0) console.log(`requests outside 127.0.0.1: ${outside.join(', ')}`);
}

const OVERLAY_HIGHLIGHTS = 20;
const OVERLAY_CHURN_MS = 3_000;

/** One `chrome.*` call made in the service worker. */
declare const chrome: { tabs: { sendMessage(tabId: number, message: object, options: { frameId: number }): Promise<unknown> } };

type ChurnRun = { layouts: number; longestLayoutMs: number; longestOwnMs: number; longTaskMs: number };

async function overlayUnderChurn(lens: Awaited<ReturnType<typeof launchLens>>): Promise<ChurnRun & { saved: number; withoutLongTaskMs: number }> {
  // The same churn first without any saved highlight (the control), then with them.
  // Opened through the harness, so that the tab's id is known (the saves go through the command's path).
  const plainPage = await lens.openPage('bench/long-page.html');
  await plainPage.evaluate(OBSERVE_LONG_TASKS);
  await waitForScan(plainPage, 'first-scan');
  const control = await churn(plainPage);
  await plainPage.close();
  const page = await lens.openPage('bench/long-page.html');
  await page.evaluate(OBSERVE_LONG_TASKS);
  await waitForScan(page, 'first-scan');
  const tabId = await lens.tabIdOf(page);
  let saved = 0;
  for (let i = 0; i < OVERLAY_HIGHLIGHTS; i++) {
    // Spread over the page: paragraph i × 997, its first sentence-sized stretch.
    await page.evaluate(`(() => {
      const p = document.querySelectorAll('main p')[${i} * 997];
      p.scrollIntoView({ block: 'center' });
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const first = walker.nextNode();
      const range = document.createRange();
      range.setStart(first, 0);
      range.setEnd(first, Math.min(first.length, 40));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    })()`);
    const outcome = (await lens.inWorker(
      (id: number) => chrome.tabs.sendMessage(id, { type: 'highlights/from-selection', via: 'command' }, { frameId: 0 }),
      tabId,
    )) as { ok?: boolean };
    if (outcome?.ok) saved++;
  }
  const withOverlay = await churn(page);
  await page.close();
  return { saved, ...withOverlay, withoutLongTaskMs: control.longTaskMs };
}

/** The page's own churn: a ticker rewritten every millisecond, a paragraph added every 50 ms, a scroll every 100 ms. */
async function churn(page: Page): Promise<ChurnRun> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(500);
  const before = (await inContentWorld<{ layouts: number }>(page, 'globalThis.__lensInspection.overlay'))!;
  const started = (await page.evaluate('performance.now()')) as number;
  await page.evaluate(`new Promise((resolve) => {
    const ticker = document.createElement('div');
    document.body.prepend(ticker);
    const main = document.querySelector('main');
    let n = 0;
    const tick = setInterval(() => { ticker.textContent = 'tick ' + n++; }, 1);
    const grow = setInterval(() => { const p = document.createElement('p'); p.textContent = 'update ' + n; main.prepend(p); }, 50);
    const scroll = setInterval(() => window.scrollBy(0, 400), 100);
    setTimeout(() => { clearInterval(tick); clearInterval(grow); clearInterval(scroll); resolve(); }, ${OVERLAY_CHURN_MS});
  })`);
  await page.waitForTimeout(300);
  const after = (await inContentWorld<{ layouts: number; longestMs: number; longestOwnMs?: number }>(page, 'globalThis.__lensInspection.overlay'))!;
  const longTaskMs = (await page.evaluate(longTasksWithin(started, OVERLAY_CHURN_MS + 300))) as number;
  // longestOwnMs: without the page's pending layout, which the placing's first read brings up to date (builds before it: NaN).
  return { layouts: after.layouts - before.layouts, longestLayoutMs: after.longestMs, longestOwnMs: after.longestOwnMs ?? NaN, longTaskMs };
}

// Run when invoked directly; importing the module (a profiling script) only takes the page generator.
if (process.argv[1]?.endsWith('page.bench.ts')) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exitCode = 1;
  });
}
