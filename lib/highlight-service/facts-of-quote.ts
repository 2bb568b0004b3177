import { dedupeFacts, extractFacts, factsFromCandidate } from '../facts';
import type { EntityId, Fact, Mention, PageMeta } from '../types';

/** The article's publication day, as lib/facts wants it (the year of dates written without one). */
function articleDay(page: PageMeta): string | undefined {
  return page.published && /^\d{4}-\d{2}-\d{2}/.test(page.published) ? page.published.slice(0, 10) : undefined;
}

/** The distinct entities of mentions, in order of first mention. */
export function entitiesOf(mentions: readonly Mention[]): EntityId[] {
  return [...new Set(mentions.map((m) => m.entity))];
}

/**
 * The campaign facts a saved quote states: one Fact per figure of each sentence that
 * carries figures. Fact ids derive from the highlight's id and the figure's order in
 * the quote, so saving the same highlight twice yields the same facts, never copies.
 */
export function factsOfQuote(
  quote: string,
  mentions: readonly Mention[],
  page: PageMeta,
  highlightId: string,
  created: number,
): Fact[] {
  const candidates = dedupeFacts(extractFacts(quote, mentions, { articleDate: articleDay(page) }));
  const quoteEntities = entitiesOf(mentions);
  let n = 0;
  const context = { highlightId, source: page, created, newId: () => `${highlightId}:fact-${++n}` };
  return candidates.flatMap((candidate) =>
    factsFromCandidate(candidate, context).map((fact) =>
      // A sentence of the quote that names no entity speaks of what the quote names.
      fact.entities.length > 0 ? fact : { ...fact, entities: quoteEntities },
    ),
  );
}
