import type { Highlight } from '../types';
import { fail } from './errors';
import { mergePage } from './pages';
import { fromHighlightRecord } from './records';
import { sameValue } from './same-value';
import type { RunTransaction } from './transaction';
import { deletedSince, tombstoneOf } from './tombstones';
import type { DeletedHere, ImportCounts, ImportOutcome, LensStore } from './types';
import { highlightProblem, pageProblem } from './validate';
import { findSamePassage, writeHighlight } from './write-highlight';

/** The incoming highlight under the id the store already uses for the same passage. */
function underId(h: Highlight, id: string): Highlight {
  if (h.id === id) return h;
  return { ...h, id, facts: h.facts.map((f) => ({ ...f, highlightId: id })) };
}

export function bulkImportOperation(run: RunTransaction): Pick<LensStore, 'bulkImport'> {
  return {
    /**
     * A highlight the store has (by id, or the same passage under another id) is
     * replaced only by a newer one (by `updated`); otherwise it is skipped. A highlight
     * deleted here after the file's copy was made stays deleted and is listed, unless
     * the user chose to restore it. One transaction: a failure part-way leaves the
     * store as it was.
     */
    bulkImport: async (highlights, pages = [], { restore = [] } = {}) => {
      const restoring = new Set(restore);
      for (const [i, h] of highlights.entries()) {
        const problem = highlightProblem(h);
        if (problem) return fail({ kind: 'invalid', message: `Could not import: highlight ${i + 1}: ${problem}. Nothing was imported.` });
      }
      for (const [i, page] of pages.entries()) {
        const problem = pageProblem(page);
        if (problem) return fail({ kind: 'invalid', message: `Could not import: page ${i + 1}: ${problem}. Nothing was imported.` });
      }
      return run(['highlights', 'facts', 'pages', 'counts', 'tombstones'], 'readwrite', 'import the highlights', async (tx): Promise<ImportOutcome> => {
        const pageCounts: ImportCounts = { added: 0, updated: 0, skipped: 0 };
        const pageStore = tx.objectStore('pages');
        for (const page of pages) {
          const existing = await pageStore.get(page.url);
          const merged = mergePage(existing, page);
          if (existing && sameValue(merged, existing)) pageCounts.skipped++;
          else {
            await pageStore.put(merged);
            pageCounts[existing ? 'updated' : 'added']++;
          }
        }

        const counts: ImportCounts = { added: 0, updated: 0, skipped: 0 };
        const deleted: DeletedHere[] = [];
        const written: string[] = [];
        const highlightStore = tx.objectStore('highlights');
        const tombstones = tx.objectStore('tombstones');
        for (const h of highlights) {
          const known = (await highlightStore.get(h.id)) ?? (await findSamePassage(tx, h));
          if (!known) {
            const tombstone = await tombstoneOf(tx, h.id);
            if (deletedSince(tombstone, h.updated) && !restoring.has(h.id)) {
              deleted.push({ id: h.id, quote: h.quote, deleted: tombstone.deleted });
              continue;
            }
            if (tombstone) await tombstones.delete(h.id);
            await writeHighlight(tx, h, undefined);
            written.push(h.id);
            counts.added++;
            continue;
          }
          const current = fromHighlightRecord(known);
          const incoming = underId(h, current.id);
          if (incoming.updated <= current.updated || sameValue(incoming, current)) {
            counts.skipped++;
            continue;
          }
          await writeHighlight(tx, incoming, known);
          written.push(incoming.id);
          counts.updated++;
        }
        return { ...counts, pages: pageCounts, deleted, written };
      });
    },
  };
}
