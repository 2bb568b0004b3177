/**
 * Where the library's first render goes: `npx tsx bench/library-breakdown.ts` with the
 * same EXTENSION_DIR and LIBRARY_PROFILE as a seeded `bench/library.bench.ts` run (it does
 * not seed). For each opening it prints, from the start of navigation, when the page's
 * scripts had arrived, when the database was asked to open and answered, when settings
 * were asked for and answered, when the first highlights were asked for and came back,
 * when the first highlights were in the DOM and painted, and the long tasks up to then.
 *
 * It watches from the outside (IndexedDB and storage calls wrapped by an init script),
 * so it measures an older build as well as the current one.
 */
import { loadavg } from 'node:os';
import type { CDPSession } from 'playwright-core';
import { launchLens } from '../tests/e2e/harness';

const RUNS = Number(process.env.RUNS ?? 3);
const EXTENSION = process.env.EXTENSION_DIR;
const PROFILE = process.env.LIBRARY_PROFILE;
/** CPU=1: also a V8 CPU profile of each opening, its self time summed by function (top 25). */
const CPU = Boolean(process.env.CPU);
/** TRACE=1: also a Chromium trace of each opening, the main thread's time summed by kind of work (style, layout, script…). */
const TRACE = Boolean(process.env.TRACE);

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Time the thread ran (CPU), which a loaded machine stretches far less than `dur`. */
  tdur?: number;
  args?: { name?: string; data?: { url?: string; frame?: string; type?: string } };
}

/**
 * The library's main-thread tasks (RunTask) as [start ms after the HTML began to parse,
 * wall ms, CPU ms]: on a loaded machine a task's wall time is mostly waiting for a core,
 * its CPU time is the work it did.
 */
function mainThreadTasks(events: TraceEvent[]): [number, number, number][] {
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const nav = events.find((e) => e.name === 'ParseHTML' && mains.has(`${e.pid}:${e.tid}`) && JSON.stringify(e.args).includes('library.html'));
  if (!nav) return [];
  return events
    .filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined)
    .map((e) => [(e.ts - nav.ts) / 1000, e.dur! / 1000, (e.tdur ?? e.dur!) / 1000]);
}

/**
 * Time on the library's main thread by event, for events that are not inside another
 * counted one. The thread is the one that parsed library.html, or (a trace of a keystroke,
 * which holds no parsing) the one that dispatched the input event.
 */
function mainThreadWork(events: TraceEvent[]): [string, number][] {
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const nav =
    events.find((e) => e.name === 'ParseHTML' && mains.has(`${e.pid}:${e.tid}`) && JSON.stringify(e.args).includes('library.html')) ??
    events.find((e) => e.name === 'EventDispatch' && mains.has(`${e.pid}:${e.tid}`) && (e.args?.data as { type?: string } | undefined)?.type === 'input');
  if (!nav) return [];
  const thread = `${nav.pid}:${nav.tid}`;
  const kinds = new Set(['ParseHTML', 'EvaluateScript', 'v8.compileModule', 'v8.evaluateModule', 'v8.produceModuleCache', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'RunMicrotasks', 'V8.GC_SCAVENGER', 'MajorGC', 'MinorGC', 'ParseAuthorStyleSheet', 'HitTest', 'UpdateLayerTree', 'Commit', 'ResizeObserver', 'v8.run', 'V8.GCScavenger']);
  const counted = events
    .filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X' && e.dur !== undefined && kinds.has(e.name))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const sums = new Map<string, number>();
  let coveredUntil = 0;
  for (const e of counted) {
    if (e.ts < coveredUntil) continue; // inside an event already counted
    coveredUntil = e.ts + e.dur!;
    sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur! / 1000);
    if (process.env.VERBOSE && e.dur! > 5000) console.log(`    ${((e.ts - nav.ts) / 1000).toFixed(0).padStart(6)} +${(e.dur! / 1000).toFixed(1)} ${e.name}`);
  }
  return [...sums].sort((a, b) => b[1] - a[1]);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/** Self time (ms) per function, up to `until` ms after the profile started. */
function selfTimes(profile: CpuProfile, untilMs: number): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n] as const));
  const sums = new Map<string, number>();
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i]! / 1000;
    t += dt;
    if (t > untilMs) break;
    const f = byId.get(profile.samples[i]!)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    sums.set(key, (sums.get(key) ?? 0) + dt);
  }
  return [...sums].sort((a, b) => b[1] - a[1]);
}

/** Starts a Chromium trace over `session`; the function it gives ends the trace and answers its events. */
async function startTrace(session: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (d) => void events.push(...(d.value as unknown as TraceEvent[])));
  await session.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,v8,blink,loading,__metadata',
    transferMode: 'ReportEvents',
  } as never);
  return async () => {
    const complete = new Promise((r) => session.once('Tracing.tracingComplete', r));
    await session.send('Tracing.end');
    await complete;
    return events;
  };
}

// Page-side code as source text: tsx compiles with keepNames, whose helper the page lacks.
const WATCH = `(() => {
  const marks = (window.__marks = []);
  const mark = (name) => marks.push([name, performance.now()]);
  window.__tasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    mark('db open asked');
    const request = open.apply(this, args);
    request.addEventListener('success', () => mark('db open answered'));
    return request;
  };
  for (const [proto, name] of [[IDBIndex.prototype, 'index'], [IDBObjectStore.prototype, 'store']]) {
    for (const method of ['openCursor', 'openKeyCursor', 'getAll', 'getAllKeys', 'getAllRecords']) {
      const original = proto[method];
      if (!original) continue;
      proto[method] = function (...args) {
        const label = name + '.' + method + '(' + (this.name || '') + ')';
        mark(label + ' asked');
        const request = original.apply(this, args);
        let first = true;
        request.addEventListener('success', () => { if (first) mark(label + ' answered'); first = false; });
        return request;
      };
    }
  }
  const area = globalThis.chrome && chrome.storage && chrome.storage.local;
  if (area) {
    const get = area.get;
    area.get = function (...args) {
      mark('storage.get asked');
      const p = get.apply(this, args);
      if (p && p.then) p.then(() => mark('storage.get answered'));
      return p;
    };
  }
  const seen = new MutationObserver(() => {
    const app = document.getElementById('app');
    if (app && app.firstChild && !window.__appShown) { window.__appShown = true; mark('app first drawn'); }
    if (!document.querySelector('.ql-highlight')) return;
    seen.disconnect();
    mark('first highlights in DOM');
    requestAnimationFrame(() => setTimeout(() => { mark('first render (painted)'); window.__done = true; }, 0));
  });
  seen.observe(document, { childList: true, subtree: true });
})()`;

async function main(): Promise<void> {
  const lens = await launchLens({ ...(EXTENSION ? { extensionDir: EXTENSION } : {}), ...(PROFILE ? { profileDir: PROFILE } : {}) });
  try {
    for (let i = 0; i <= RUNS; i++) {
      const page = await lens.context.newPage();
      await page.addInitScript(WATCH);
      // A file of the extension first, so that the library loads in the same process and the profiler sees it.
      await page.goto(`chrome-extension://${lens.extensionId}/manifest.json`);
      const cdp = CPU ? await page.context().newCDPSession(page) : undefined;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const endTrace = TRACE ? await startTrace(await page.context().newCDPSession(page)) : undefined;
      await page.goto(`chrome-extension://${lens.extensionId}/library.html`);
      await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true, undefined, { timeout: 600_000 });
      if (endTrace) {
        // Until everything is read and a second after, for the tasks that follow the first render.
        await page.waitForFunction(() => document.querySelector('main[aria-busy="false"]') !== null, undefined, { timeout: 600_000 });
        await page.waitForTimeout(1000);
        const traced = await endTrace();
        console.log('  main thread until the first render (and a little after), by kind of work:');
        for (const [name, t] of mainThreadWork(traced)) if (t >= 0.5) console.log(`    ${t.toFixed(1).padStart(7)} ms  ${name}`);
        const tasks = mainThreadTasks(traced);
        // Marks count from navigation start, tasks from the start of parsing: close enough for telling before from after.
        const rendered = (await page.evaluate(`window.__marks.find(([n]) => n === 'first render (painted)')[1]`)) as number;
        const before = tasks.filter(([at]) => at < rendered - 5);
        const after = tasks.filter(([at]) => at >= rendered - 5);
        const cpu = (xs: [number, number, number][]) => xs.reduce((n, [, , c]) => n + c, 0);
        console.log(`  main thread CPU before the first render: ${cpu(before).toFixed(1)} ms in ${before.length} tasks (wall ${before.reduce((n, [, w]) => n + w, 0).toFixed(0)} ms)`);
        const top = [...after].sort((a, b) => b[2] - a[2]).slice(0, 5);
        console.log(`  after it, the tasks with most CPU: ${top.map(([at, w, c]) => `at ${at.toFixed(0)}: ${c.toFixed(1)} ms CPU (${w.toFixed(0)} wall)`).join('; ')}`);
      }
      if (cdp) {
        if (process.env.CPU === 'all') {
          await page.waitForFunction(() => document.querySelector('main[aria-busy="false"]') !== null, undefined, { timeout: 600_000 });
          await page.waitForTimeout(1000);
        }
        const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
        const top = selfTimes(profile, Infinity).slice(0, 25);
        console.log('  CPU self time (whole profile):');
        for (const [name, t] of top) console.log(`    ${t.toFixed(1).padStart(7)} ms  ${name}`);
      }
      const got = (await page.evaluate(`(() => ({
        marks: window.__marks,
        tasks: window.__tasks,
        scripts: performance.getEntriesByType('resource').filter((r) => r.initiatorType !== 'css' && r.name.endsWith('.js'))
          .map((r) => [r.name.split('/').pop(), r.responseEnd, r.transferSize || r.encodedBodySize]),
        // The page's own User Timing marks (entrypoints/library: ql-library:…) beside the paints.
        paints: [...performance.getEntriesByType('paint'), ...performance.getEntriesByType('mark').filter((m) => m.name.startsWith('ql-'))].map((p) => [p.name, p.startTime]),
        dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      }))()`)) as {
        marks: [string, number][];
        tasks: [number, number][];
        scripts: [string, number, number][];
        paints: [string, number][];
        dcl: number;
      };
      console.log(`opening ${i}${i === 0 ? ' (warm-up)' : ''}, load ${loadavg()[0]!.toFixed(1)}`);
      const lastScript = Math.max(0, ...got.scripts.map(([, end]) => end));
      console.log(`  ${lastScript.toFixed(1).padStart(7)}  scripts arrived (${got.scripts.length} files)`);
      console.log(`  ${got.dcl.toFixed(1).padStart(7)}  DOMContentLoaded (module scripts evaluated)`);
      const events = [...got.marks, ...got.paints].sort((a, b) => a[1] - b[1]);
      for (const [name, at] of events) console.log(`  ${at.toFixed(1).padStart(7)}  ${name}`);
      const done = got.marks.find(([n]) => n === 'first render (painted)')![1];
      const tasks = got.tasks.filter(([s]) => s < done).map(([s, d]) => `${s.toFixed(0)}+${d.toFixed(0)}`);
      console.log(`  long tasks before first render: ${tasks.join(', ') || 'none'}`);
      if (process.env.KEY) {
        // The keystrokes, profiled: once everything is read and a second has passed. KEY=C,Cy
        // types "C" then "Cy", as the benchmark does (each is one keystroke, measured alone).
        await page.waitForFunction(() => document.querySelector('main[aria-busy="false"]') !== null, undefined, { timeout: 600_000 });
        await page.waitForTimeout(Number(process.env.KEY_WAIT ?? 1000));
        const keys = await page.context().newCDPSession(page);
        for (const typed of process.env.KEY.split(',')) {
          // TRACE=1: the keystroke's main-thread work by kind (style, layout, script…) too.
          const endKeyTrace = TRACE ? await startTrace(keys) : undefined;
          await keys.send('Profiler.enable');
          await keys.send('Profiler.setSamplingInterval', { interval: 100 });
          await keys.send('Profiler.start');
          const took = await page.evaluate(`(async () => {
            const box = document.querySelector('input[type="search"]');
            box.focus();
            const start = performance.now();
            box.value = ${JSON.stringify(typed)};
            box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
            return performance.now() - start;
          })()`);
          const { profile } = (await keys.send('Profiler.stop')) as unknown as { profile: CpuProfile };
          if (endKeyTrace) {
            const keyTrace = await endKeyTrace();
            console.log(`  keystroke ${JSON.stringify(typed)}, main thread by kind of work:`);
            for (const [name, t] of mainThreadWork(keyTrace)) if (t >= 0.5) console.log(`    ${t.toFixed(1).padStart(7)} ms  ${name}`);
          }
          console.log(`  keystroke ${JSON.stringify(typed)}: ${(took as number).toFixed(1)} ms; CPU self time:`);
          for (const [name, t] of selfTimes(profile, Infinity).slice(0, Number(process.env.TOP ?? 30))) console.log(`    ${t.toFixed(1).padStart(7)} ms  ${name}`);
        }
      }
      await page.close();
    }
  } finally {
    await lens.close();
  }
}

await main();
