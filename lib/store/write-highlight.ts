import type { Highlight, Selector } from '../types';
import { toFactRecord, toHighlightRecord } from './records';
import type { HighlightRecord } from './schema';
import type { LensTransaction } from './transaction';

/**
 * Writes a highlight, brings the facts store in line with its facts (removing those it
 * no longer has) and makes sure its page is known, all in the caller's transaction.
 * Requests are awaited one by one: a request that fails synchronously (quota) then
 * leaves none pending, and the caller's abort rolls back the rest.
 */
export async function writeHighlight(tx: LensTransaction<'readwrite'>, h: Highlight): Promise<void> {
  const facts = tx.objectStore('facts');
  const keep = new Set(h.facts.map((f) => f.id));
  await tx.objectStore('highlights').put(toHighlightRecord(h));
  for (const key of await facts.index('by-highlight').getAllKeys(h.id)) {
    if (!keep.has(key)) await facts.delete(key);
  }
  for (const fact of h.facts) await facts.put(toFactRecord(fact, h.url));
  const pages = tx.objectStore('pages');
  if ((await pages.getKey(h.url)) === undefined) await pages.put({ ...h.page, url: h.url });
}

/** Removes a highlight's facts, in the caller's transaction. */
export async function deleteFactsOf(tx: LensTransaction<'readwrite'>, highlightId: string): Promise<void> {
  const facts = tx.objectStore('facts');
  for (const key of await facts.index('by-highlight').getAllKeys(highlightId)) await facts.delete(key);
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
