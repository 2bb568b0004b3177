/**
 * Where the first scan's longest task goes: `npx tsx bench/page-profile.ts`.
 *
 * The page of bench/page.bench.ts, opened fresh in Debian's headless Chromium with the
 * built extension, traced (Chromium's own timeline: style, layout, paint, script, GC) and
 * CPU-profiled from before navigation until the content script's first scan settles.
 * Prints, for each task of the page's main thread longer than 50 ms during the first
 * scan, what the browser did inside it, what forced each style or layout pass (the
 * script's stack when one was forced), and the CPU profile's self time by function.
 * A breakdown, not a clock: it says which part of a slice is ours and which is the page's,
 * which a loaded machine does not change as much as it changes wall-clock times.
 *
 * Function names are readable on an unminified build: `QINGLANG_UNMINIFIED=1 npx wxt build
 * -o` … (see wxt.config.ts), then `LENS_EXTENSION_DIR=<that build>`.
 * PAGE_PROFILE_RUNS (default 1) pages in a row; PAGE_PROFILE_CONTROL=1 traces the same page in
 * the same Chromium without the extension, for the page's own long tasks after load.
 */
import { loadavg, cpus } from 'node:os';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { CHROMIUM, FIXTURES_DIR, inContentWorld, launchLens } from '../tests/e2e/harness';
import { serveFixtures } from '../tests/e2e/fixture-server';
import { generatePage, waitForScan } from './page.bench';

const RUNS = Number(process.env.PAGE_PROFILE_RUNS ?? 1);
// PAGE_PROFILE_CONTROL=1: the same page without the extension, its first CONTROL_MS after load.
const CONTROL = process.env.PAGE_PROFILE_CONTROL === '1';
const CONTROL_MS = 2_000;
const LONG_MS = 50;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; beginData?: { stackTrace?: StackFrame[] }; [k: string]: unknown };
}
interface StackFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: StackFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'v8',
  'v8.execute',
  'blink',
].join(',');

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  const parts: string[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = (await cdp.send('IO.read', { handle })) as { data: string; eof: boolean; base64Encoded?: boolean };
    parts.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle });
  return parts.join('');
}

const shortUrl = (url: string) => url.replace(/^.*\//, '');
const frameName = (f: StackFrame) => `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}`;

async function profileOnce(context: BrowserContext, url: string, withLens: boolean): Promise<void> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const loadedAt = (await page.evaluate('performance.now()')) as number;
  if (withLens) await waitForScan(page, 'first-scan');
  else await page.waitForTimeout(CONTROL_MS);
  await page.waitForTimeout(300);
  // One instant on both clocks: the page's performance.now() and the trace's timestamp.
  const syncAt = (await page.evaluate(`(() => { console.timeStamp('lens-profile-sync'); return performance.now(); })()`)) as number;
  // Without the extension, the same stretch after load as a first scan takes.
  const record = withLens
    ? (await inContentWorld<{ startedAt: number; durationMs: number; detail: Record<string, number> }>(
        page,
        `globalThis.__lensInspection.scans.find((s) => s.kind === 'first-scan')`,
      ))!
    : { startedAt: loadedAt, durationMs: CONTROL_MS, detail: { readMs: 0, detectMs: 0, markMs: 0, slices: 0, longestSliceMs: 0 } };
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  await cdp.send('Tracing.end');
  const events = (JSON.parse(await readStream(cdp, await complete)) as { traceEvents: TraceEvent[] }).traceEvents;
  await page.close();

  const sync = events.find((e) => e.name === 'TimeStamp' && (e.args?.data as { message?: string } | undefined)?.message === 'lens-profile-sync');
  if (!sync) throw new Error('no sync stamp in the trace');
  const toTrace = (pageMs: number) => sync.ts + (pageMs - syncAt) * 1000;
  const main = events.filter((e) => e.pid === sync.pid && e.tid === sync.tid);
  const from = toTrace(record.startedAt);
  const to = toTrace(record.startedAt + record.durationMs);
  const tasks = main
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > LONG_MS * 1000 && e.ts < to && e.ts + e.dur! > from)
    .sort((a, b) => b.dur! - a.dur!);
  const d = record.detail;
  console.log(
    `first scan ${record.durationMs.toFixed(0)} ms: read ${d.readMs!.toFixed(0)}, detect ${d.detectMs!.toFixed(0)}, mark ${d.markMs!.toFixed(0)} ms; ` +
      `${d.slices} slices, longest ${d.longestSliceMs!.toFixed(1)} ms; tasks over ${LONG_MS} ms on the main thread: ${tasks.length}`,
  );
  for (const task of tasks.slice(0, 3)) {
    const end = task.ts + task.dur!;
    const inside = main.filter((e) => e.ph === 'X' && e !== task && e.ts >= task.ts && e.ts < end);
    const byName = new Map<string, number>();
    for (const e of inside) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0));
    const wanted = ['FunctionCall', 'v8.callFunction', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'MajorGC', 'MinorGC', 'V8.GC_MARK_COMPACTOR', 'ParseHTML', 'HitTest'];
    const parts = wanted.filter((n) => byName.has(n)).map((n) => `${n} ${(byName.get(n)! / 1000).toFixed(1)}`);
    const script = (byName.get('FunctionCall') ?? 0) + (byName.get('RunMicrotasks') ?? 0) + (byName.get('v8.callFunction') ?? 0);
    const kind = script > task.dur! / 2 ? 'script (a slice of ours)' : 'rendering (the page\'s frame)';
    console.log(`  task at ${((task.ts - from) / 1000).toFixed(0)} ms into the scan, ${(task.dur! / 1000).toFixed(1)} ms, ${kind}: ${parts.join(', ')}`);
    const others = [...byName].filter(([n]) => !wanted.includes(n)).sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.log(`    also: ${others.map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`).join(', ')}`);
    for (const e of inside.filter((x) => (x.name === 'UpdateLayoutTree' || x.name === 'Layout') && (x.dur ?? 0) > 2000)) {
      const stack = e.args?.beginData?.stackTrace ?? (e.args?.data?.stackTrace as StackFrame[] | undefined);
      console.log(`    ${e.name} ${(e.dur! / 1000).toFixed(1)} ms, forced by: ${stack && stack.length > 0 ? stack.slice(0, 4).map(frameName).join(' ← ') : '(no script: the browser\'s own)'}`);
    }
    // CPU profile: self time by function inside this task.
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    let t = profile.startTime;
    let total = 0;
    for (let i = 0; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i]!;
      if (t < task.ts || t >= end) continue;
      const node = nodes.get(profile.samples[i]!)!;
      const key = frameName(node.callFrame);
      const dt = profile.timeDeltas[i + 1] ?? 0;
      self.set(key, (self.get(key) ?? 0) + dt);
      total += dt;
    }
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 10);
    console.log(`    CPU profile, self time (${(total / 1000).toFixed(1)} ms sampled):`);
    for (const [name, us] of top) console.log(`      ${(us / 1000).toFixed(1).padStart(7)} ms  ${name}`);
  }
}

async function main(): Promise<void> {
  if (CONTROL) {
    const server = await serveFixtures(FIXTURES_DIR);
    server.put('bench/long-page.html', generatePage());
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const context = await browser.newContext();
      for (let i = 0; i < RUNS; i++) await profileOnce(context, server.url('bench/long-page.html'), false);
    } finally {
      await browser.close();
      await server.close();
    }
  } else {
    const lens = await launchLens();
    lens.server.put('bench/long-page.html', generatePage());
    try {
      for (let i = 0; i < RUNS; i++) await profileOnce(lens.context, lens.server.url('bench/long-page.html'), true);
    } finally {
      await lens.close();
    }
  }
  console.log(`machine load (1-min average) ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
