/**
 * The popup's store queries with 10,000 saved highlights: `npx tsx bench/store.bench.ts`.
 *
 * Seeds fake-indexeddb (deterministic PRNG) with 10,000 highlights over 500 pages, each
 * about one to three of the seven entities and carrying zero to two facts, then times,
 * as the median of several runs after warm-up, what the popup asks when it opens:
 *   - highlightsForUrl: the page's own highlights (by-url index);
 *   - relatedFacts: the 20 newest facts about the page's entities from other pages
 *     (facts by-entity index, walked newest first);
 *   - countsByEntity: highlights and facts per entity (index counts, no records read);
 * against loading every highlight record (getAll), which is what the popup must never do.
 * fake-indexeddb is an in-memory JavaScript implementation: absolute times differ from a
 * browser's, the ratios show how much of the data each query touches.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openStore, type LensStore, type StoreResult } from '../lib/store';
import { ENTITY_IDS, type EntityId, type Fact, type Highlight } from '../lib/types';
import { prng } from './random';

const HIGHLIGHTS = 10_000;
const PAGES = 500;
const RUNS = 15;
const WARMUP = 3;

function must<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.value;
}

const urlOf = (page: number) => `https://news.example.com/2023/${String(page).padStart(4, '0')}.html`;

function makeData(): Highlight[] {
  const rand = prng(2023);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const t0 = Date.UTC(2022, 0, 1);
  return Array.from({ length: HIGHLIGHTS }, (_, i): Highlight => {
    const page = Math.floor(rand() * PAGES);
    const url = urlOf(page);
    const id = `h-${i}`;
    const created = t0 + i * 3_600_000 + Math.floor(rand() * 1000);
    const entities = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(ENTITY_IDS)))];
    const meta = { url, title: `Article ${page} on the Qinglang campaign`, site: pick(['Dawn', 'Caixin', 'SCMP', '新华网']) };
    const quote = `The CAC said platforms closed ${Math.floor(rand() * 90_000)} accounts in the campaign's ${i % 12} month.`;
    const facts = Array.from({ length: Math.floor(rand() * 3) }, (_, k): Fact => ({
      id: `${id}-f${k}`,
      highlightId: id,
      text: quote,
      value: Math.floor(rand() * 90_000),
      unit: 'accounts',
      action: 'closed',
      figureText: '67,000',
      entities: entities.slice(0, 1 + k),
      source: meta,
      created,
    }));
    const start = Math.floor(rand() * 5000);
    return {
      schemaVersion: 1,
      id,
      url,
      page: meta,
      selectors: [
        { type: 'TextQuoteSelector', exact: quote, prefix: 'In a statement released on Friday, ', suffix: ' It did not name the accounts.' },
        { type: 'TextPositionSelector', start, end: start + quote.length },
      ],
      quote,
      note: rand() < 0.3 ? 'Compare with the figure Xinhua gave.' : '',
      tags: rand() < 0.2 ? ['to-cite'] : [],
      color: 'yellow',
      entities,
      facts,
      created,
      updated: created,
    };
  });
}

async function seed(store: LensStore, data: Highlight[]): Promise<void> {
  for (let i = 0; i < data.length; i += 1000) must(await store.bulkImport(data.slice(i, i + 1000)));
}

async function median(run: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function main(): Promise<void> {
  const data = makeData();
  const store = must(await openStore(new IDBFactory()));
  const seeding = performance.now();
  await seed(store, data);
  const facts = data.reduce((n, h) => n + h.facts.length, 0);
  console.log(
    `seeded ${HIGHLIGHTS} highlights, ${facts} facts, ${PAGES} pages in ${((performance.now() - seeding) / 1000).toFixed(1)} s (fake-indexeddb)`,
  );

  // Each run asks about another page, as successive popups would.
  const pageOf = (i: number) => data[(i * 797) % data.length]!;
  const entitiesOf = (h: Highlight): EntityId[] => h.entities;

  const rows: Array<[string, number]> = [];
  const baseline = await median(async () => must(await store.allHighlights()));
  rows.push(['getAll of every highlight (baseline)', baseline]);
  rows.push(['highlightsForUrl', await median(async (i) => must(await store.highlightsForUrl(pageOf(i).url)))]);
  rows.push([
    'relatedFacts (20 newest, other pages)',
    await median(async (i) => must(await store.relatedFacts(entitiesOf(pageOf(i)), pageOf(i).url, 20))),
  ]);
  rows.push(['countsByEntity (7 entities)', await median(async () => must(await store.countsByEntity(ENTITY_IDS)))]);
  rows.push([
    'popup: all three together',
    await median(async (i) => {
      const h = pageOf(i);
      await Promise.all([
        store.highlightsForUrl(h.url),
        store.relatedFacts(entitiesOf(h), h.url, 20),
        store.countsByEntity(ENTITY_IDS),
      ]);
    }),
  ]);

  console.log(`\nmedian of ${RUNS} runs after ${WARMUP} warm-up runs`);
  for (const [name, ms] of rows) {
    const ratio = name.includes('baseline') ? '' : `  ${(ms / baseline).toFixed(3)} × baseline (${(baseline / ms).toFixed(1)}× faster)`;
    console.log(`${name.padEnd(40)} ${ms.toFixed(2).padStart(9)} ms${ratio}`);
  }
  store.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
