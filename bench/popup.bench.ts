/**
 * The popup with 10,000 saved highlights: `npx tsx bench/popup.bench.ts`.
 *
 * Seeds fake-indexeddb with 10,000 highlights on 400 pages (bench/library-data.ts, the
 * library bench's fixed-seed data: entities named in three scripts, tags, notes, zero to
 * three facts each), then times, as medians
 * after warm-up, in this one process:
 *   - what the popup reads when it opens (entrypoints/popup/popup-data.ts: the page's
 *     highlights by URL, related facts by entity, linked), through a new connection
 *     each time, as every popup opens its own;
 *   - the popup's first render: PopupApp in a happy-dom document, from render() until
 *     its three sections are on screen;
 * against reading every highlight record (getAll), which is what the popup must never
 * do. fake-indexeddb is an in-memory JavaScript implementation: absolute times are not
 * a browser's, the ratios show how little of the data the popup touches.
 */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Window } from 'happy-dom';
import { h, render } from 'preact';
import { setLocale } from '../components/i18n';
import { PopupApp, type PopupEnv } from '../entrypoints/popup/App';
import { entityNamer } from '../entrypoints/popup/entity-names';
import { loadPopupData } from '../entrypoints/popup/popup-data';
import { defaultSettings } from '../lib/settings';
import { openStore, type LensStore, type StoreResult } from '../lib/store';
import type { Highlight } from '../lib/types';
import { makeLibrary } from './library-data';

const HIGHLIGHTS = 10_000;
const PAGES = 400;
const RUNS = Number(process.env.RUNS ?? 21);
const WARMUP = 4;
const DB = 'popup-bench';

function must<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function medianMs(run: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function main(): Promise<void> {
  const factory = new IDBFactory();
  const open = () => openStore(factory, DB, { keyRange: IDBKeyRange });
  const data = makeLibrary(HIGHLIGHTS, PAGES);
  const seeding = must(await open());
  const t = performance.now();
  for (let i = 0; i < data.length; i += 1000) must(await seeding.bulkImport(data.slice(i, i + 1000)));
  const facts = data.reduce((n, x) => n + x.facts.length, 0);
  console.log(`seeded ${data.length} highlights with ${facts} facts on ${PAGES} pages in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // Successive popups are about different pages; each names the entities its page shows.
  const target = (i: number) => data[(i * 7919) % data.length]!;
  const mentionsOf = (x: Highlight) => ({ total: x.entities.length * 3, byEntity: Object.fromEntries(x.entities.map((e) => [e, 3])) });
  const namer = entityNamer('en');

  const baseline = await medianMs(async () => {
    const store = must(await open());
    must(await store.allHighlights());
    store.close();
  });
  const queries = await medianMs(async (i) => {
    const store = must(await open());
    const x = target(i);
    must(await loadPopupData(store, x.url, mentionsOf(x), namer));
    store.close();
  });

  // First render in a happy-dom document: from render() until all three sections show.
  const window = new Window({ url: 'chrome-extension://bench/popup.html' });
  Object.assign(globalThis, { window, document: window.document, navigator: window.navigator });
  setLocale('en');
  const root = window.document.createElement('div');
  window.document.body.append(root as never);
  let shown = 0;
  const firstRender = await medianMs(async (i) => {
    const x = target(i);
    let store: LensStore | undefined;
    const env: PopupEnv = {
      readPage: async () => ({ kind: 'page', url: x.url, mentions: mentionsOf(x) }),
      openStore: async () => {
        const opened = await open();
        if (opened.ok) store = opened.value;
        return opened;
      },
      loadSettings: async () => defaultSettings(),
      isPrivate: async () => false,
      writes: {
        updateHighlight: () => Promise.reject(new Error('not in the benchmark')),
        deleteHighlight: () => Promise.reject(new Error('not in the benchmark')),
        restoreHighlight: () => Promise.reject(new Error('not in the benchmark')),
      },
      reveal: () => Promise.reject(new Error('not in the benchmark')),
      openLibrary: () => undefined,
      openOptions: () => undefined,
    };
    render(h(PopupApp, { env }), root as never);
    while (root.querySelectorAll('h2').length < 3) await new Promise((r) => setImmediate(r));
    shown = root.querySelectorAll('.ql-highlight').length;
    render(null, root as never);
    store?.close();
  });
  await window.happyDOM.close();

  console.log(`\nmedian of ${RUNS} runs after ${WARMUP} warm-up runs, each through a new connection`);
  const row = (name: string, ms: number) =>
    console.log(`${name.padEnd(52)} ${ms.toFixed(2).padStart(8)} ms  ${(ms / baseline).toFixed(3)} × getAll`);
  row('getAll of every highlight (baseline)', baseline);
  row('popup data: page highlights + related facts, linked', queries);
  row(`popup first render (PopupApp, happy-dom; last page ${shown} saved)`, firstRender);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
