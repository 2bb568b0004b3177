// Builders for the store tests: plausible highlights and facts with only what a test
// cares about spelled out where it is used.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openStore, type LensStore, type StoreResult } from '../../lib/store';
import type { EntityId, Fact, Highlight } from '../../lib/types';

let serial = 0;
const T0 = Date.UTC(2023, 4, 26);

export function pageUrl(n: number): string {
  return `https://news.example.com/2023/05/article-${n}`;
}

export interface HighlightSpec extends Partial<Omit<Highlight, 'facts'>> {
  /** Facts to give the highlight, by the entities they are about. */
  factEntities?: EntityId[][];
}

export function makeHighlight(spec: HighlightSpec = {}): Highlight {
  serial += 1;
  const { factEntities = [], ...fields } = spec;
  const id = fields.id ?? `h-${serial}`;
  const url = fields.url ?? pageUrl(1);
  const created = fields.created ?? T0 + serial * 60_000;
  const quote = fields.quote ?? `The CAC said it closed ${serial * 100} accounts.`;
  const start = serial * 50;
  const page = fields.page ?? { url, title: `Article about the campaign (${url.slice(-2)})`, site: 'Example News' };
  const facts = factEntities.map(
    (entities, i): Fact => ({
      id: `${id}-f${i}`,
      highlightId: id,
      text: quote,
      value: serial * 100 + i,
      unit: 'accounts',
      action: 'closed',
      figureText: String(serial * 100 + i),
      entities,
      source: page,
      created,
    }),
  );
  return {
    schemaVersion: 1,
    id,
    url,
    page,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: 'Earlier this week, ', suffix: ' Critics said' },
      { type: 'TextPositionSelector', start, end: start + quote.length },
    ],
    quote,
    note: '',
    tags: [],
    color: 'yellow',
    entities: [...new Set(factEntities.flat())],
    facts,
    created,
    updated: created,
    ...fields,
  };
}

/** The value of a result that must have succeeded (the test fails with the store's message otherwise). */
export function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`store error (${result.error.kind}): ${result.error.message}`);
  return result.value;
}

/** A store on a fresh in-memory IndexedDB, or on the given factory (another "tab"). */
export async function freshStore(factory: IDBFactory = new IDBFactory()): Promise<{ store: LensStore; factory: IDBFactory }> {
  return { store: value(await openStore(factory)), factory };
}

export { IDBFactory };
