import type { Highlight } from '../types';
import type { EntityCountRecord } from './schema';
import type { LensTransaction } from './transaction';

type Counted = Pick<Highlight, 'entities' | 'facts'>;

/**
 * What one highlight adds to the per-entity counts: itself once under each entity it
 * mentions, and each of its facts once under each entity the fact is about (as the
 * facts' by-entity index lists them).
 */
export function contribution(h: Counted | undefined, into = new Map<string, EntityCountRecord>()): Map<string, EntityCountRecord> {
  const bump = (entity: string, field: 'highlights' | 'facts') => {
    const counts = into.get(entity) ?? { entity, highlights: 0, facts: 0 };
    counts[field] += 1;
    into.set(entity, counts);
  };
  if (!h) return into;
  for (const entity of new Set(h.entities)) bump(entity, 'highlights');
  for (const fact of h.facts) for (const entity of new Set(fact.entities)) bump(entity, 'facts');
  return into;
}

/**
 * Moves the stored counts from what `before` contributed to what `after` does, in the
 * caller's write transaction: readwrite transactions on the counts store run one at a
 * time, so two tabs saving at once cannot lose an increment. The popup and the hover
 * cards then read a count instead of counting an index.
 */
export async function adjustCounts(tx: LensTransaction<'readwrite'>, before: Counted | undefined, after: Counted | undefined): Promise<void> {
  const was = contribution(before);
  const now = contribution(after);
  const store = tx.objectStore('counts');
  for (const entity of new Set([...was.keys(), ...now.keys()])) {
    const dHighlights = (now.get(entity)?.highlights ?? 0) - (was.get(entity)?.highlights ?? 0);
    const dFacts = (now.get(entity)?.facts ?? 0) - (was.get(entity)?.facts ?? 0);
    if (dHighlights === 0 && dFacts === 0) continue;
    const current = (await store.get(entity)) ?? { entity, highlights: 0, facts: 0 };
    const next = { entity, highlights: current.highlights + dHighlights, facts: current.facts + dFacts };
    if (next.highlights <= 0 && next.facts <= 0) await store.delete(entity);
    else await store.put(next);
  }
}
