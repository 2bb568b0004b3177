import type { Fact } from '../types';
import { newestFirst } from './highlight-queries';
import { fromFactRecord } from './records';
import type { FactRecord } from './schema';
import type { RunTransaction } from './transaction';
import type { EntityCounts, LensStore } from './types';

export function factQueries(
  run: RunTransaction,
  range: typeof IDBKeyRange,
): Pick<LensStore, 'relatedFacts' | 'countsByEntity' | 'factsForHighlight' | 'allFacts'> {
  /** Every key `[name, created, id]` of one entity: an array sorts after any number. */
  const all = (name: string) => range.bound([name], [name, []]);

  return {
    /**
     * Walks each entity's facts newest first and stops after `limit` from other pages:
     * the newest `limit` overall are among those, so nothing else is read.
     */
    relatedFacts: async (entities, excludeUrl, limit) => {
      if (limit <= 0 || entities.length === 0) return { ok: true, value: [] };
      return run(['facts'], 'readonly', 'load related facts', async (tx) => {
        const index = tx.objectStore('facts').index('by-entity');
        const found = new Map<string, FactRecord>();
        for (const entity of new Set(entities)) {
          let taken = 0;
          for (let c = await index.openCursor(all(entity), 'prev'); c && taken < limit; c = await c.continue()) {
            if (c.value.url === excludeUrl) continue;
            found.set(c.value.id, c.value);
            taken++;
          }
        }
        return [...found.values()].sort(newestFirst).slice(0, limit).map(fromFactRecord);
      });
    },

    countsByEntity: (entities) =>
      run(['counts'], 'readonly', 'count highlights and facts', async (tx) => {
        const store = tx.objectStore('counts');
        const counts: Record<string, EntityCounts> = {};
        const records = entities
          ? await Promise.all([...new Set(entities)].map(async (entity) => (await store.get(entity)) ?? { entity, highlights: 0, facts: 0 }))
          : await store.getAll();
        for (const { entity, highlights, facts } of records) counts[entity] = { highlights, facts };
        return counts;
      }),

    factsForHighlight: (highlightId) =>
      run(['facts'], 'readonly', 'load the facts of the highlight', async (tx) =>
        (await tx.objectStore('facts').index('by-highlight').getAll(highlightId)).map(fromFactRecord).sort(newestFirst),
      ),

    allFacts: () =>
      run(['facts'], 'readonly', 'load all facts', async (tx): Promise<Fact[]> =>
        (await tx.objectStore('facts').getAll()).map(fromFactRecord),
      ),
  };
}
