import type { Highlight, Selector } from '../types';
import { adjustCounts } from './entity-counts';
import { fromHighlightRecord, toFactRecord, toHighlightRecord } from './records';
import type { HighlightRecord } from './schema';
import type { LensTransaction } from './transaction';

/**
 * Writes a highlight over `previous` (the record with its id, if any), brings the facts
 * store and the per-entity counts in line with it and makes sure its page is known,
 * all in the caller's transaction.
 * Requests are awaited one by one: a request that fails synchronously (quota) then
 * leaves none pending, and the caller's abort rolls back the rest.
 */
export async function writeHighlight(
  tx: LensTransaction<'readwrite'>,
  h: Highlight,
  previous: HighlightRecord | undefined,
): Promise<void> {
  const facts = tx.objectStore('facts');
  const keep = new Set(h.facts.map((f) => f.id));
  await tx.objectStore('highlights').put(toHighlightRecord(h));
  for (const key of await facts.index('by-highlight').getAllKeys(h.id)) {
    if (!keep.has(key)) await facts.delete(key);
  }
  for (const fact of h.facts) await facts.put(toFactRecord(fact, h.url));
  await adjustCounts(tx, previous && fromHighlightRecord(previous), h);
  const pages = tx.objectStore('pages');
  if ((await pages.getKey(h.url)) === undefined) await pages.put({ ...h.page, url: h.url });
}

/** Removes a highlight, its facts and its share of the counts, in the caller's transaction. */
export async function removeHighlight(tx: LensTransaction<'readwrite'>, record: HighlightRecord): Promise<void> {
  const facts = tx.objectStore('facts');
  await tx.objectStore('highlights').delete(record.id);
  for (const key of await facts.index('by-highlight').getAllKeys(record.id)) await facts.delete(key);
  await adjustCounts(tx, fromHighlightRecord(record), undefined);
}

function placeOf(selectors: readonly Selector[]): string {
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  if (position?.type === 'TextPositionSelector') return `${position.start}:${position.end}`;
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  return quote?.type === 'TextQuoteSelector' ? `${quote.prefix ?? ''}\u0000${quote.suffix ?? ''}` : '';
}

/**
 * The stored highlight of the same passage (same page, same quote, same place) under
 * another id, if any: another tool's export of our highlights gives them new ids.
 */
export async function findSamePassage(tx: LensTransaction<'readwrite'>, h: Highlight): Promise<HighlightRecord | undefined> {
  const place = placeOf(h.selectors);
  const onPage = await tx.objectStore('highlights').index('by-url').getAll(h.url);
  return onPage.find((other) => other.quote === h.quote && placeOf(other.selectors) === place);
}
