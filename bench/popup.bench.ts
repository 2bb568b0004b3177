/**
 * The popup with 10,000 saved highlights: `npx tsx bench/popup.bench.ts`.
 *
 * Seeds fake-indexeddb with 10,000 highlights on 400 pages (a fixed pseudo-random
 * sequence: entities, tags, notes, zero to three facts each), then times, as medians
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
import { ENTITY_IDS, type EntityId, type Fact, type FigureUnit, type Highlight, type PageMeta } from '../lib/types';

const HIGHLIGHTS = 10_000;
const PAGES = 400;
const RUNS = Number(process.env.RUNS ?? 21);
const WARMUP = 4;
const DB = 'popup-bench';

/** A small fixed-sequence generator (xorshift32), so every run seeds the same data. */
function sequence(seed: number): () => number {
  let x = seed || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

const OUTLETS = ['Lantern Post', 'Harbour Review', '示例新闻', 'Example Daily', '財經觀察'];
const UNITS: FigureUnit[] = ['accounts', 'posts', 'people', 'cases'];
const ACTIONS = ['closed', 'removed', 'banned', 'dealt with'];

function pageMeta(n: number): PageMeta {
  return {
    url: `https://outlet-${n % 23}.example.com/2023/${String(n).padStart(4, '0')}`,
    title: `Clean-up campaign report ${n}`,
    site: OUTLETS[n % OUTLETS.length]!,
    published: `2023-${String((n % 12) + 1).padStart(2, '0')}-15`,
  };
}

function makeHighlights(): Highlight[] {
  const next = sequence(20230526);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const t0 = Date.UTC(2022, 6, 1);
  return Array.from({ length: HIGHLIGHTS }, (_, i) => {
    const page = pageMeta(Math.floor(next() * PAGES));
    const id = `bench-${i}`;
    const created = t0 + i * 1_800_000;
    const entities = [...new Set([pick(ENTITY_IDS), pick(ENTITY_IDS)])] as EntityId[];
    const figure = 100 + Math.floor(next() * 80_000);
    const quote = `${entities.join(' and ')}: platforms ${pick(ACTIONS)} ${figure.toLocaleString('en')} items during the campaign, the regulator said (${i}).`;
    const facts: Fact[] = Array.from({ length: Math.floor(next() * 4) }, (_, k) => ({
      id: `${id}:fact-${k}`,
      highlightId: id,
      text: quote,
      value: figure + k,
      unit: pick(UNITS),
      action: pick(ACTIONS),
      figureText: String(figure + k),
      period: { from: '2023-03-10', to: '2023-05-22' },
      entities: entities.slice(0, 1 + (k % entities.length)),
      source: page,
      created,
    }));
    const at = Math.floor(next() * 8000);
    return {
      schemaVersion: 1,
      id,
      url: page.url,
      page,
      selectors: [
        { type: 'TextQuoteSelector', exact: quote, prefix: 'The statement said that ', suffix: ' Critics disagreed.' },
        { type: 'TextPositionSelector', start: at, end: at + quote.length },
      ],
      quote,
      note: next() < 0.25 ? 'Check against the Xinhua figure.' : '',
      tags: next() < 0.2 ? ['to-cite'] : [],
      color: 'yellow',
      entities,
      facts,
      created,
      updated: created,
    };
  });
}

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
  const data = makeHighlights();
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
