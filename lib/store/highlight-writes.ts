import type { Fact, Highlight } from '../types';
import { fail, StoreFailure } from './errors';
import { fromFactRecord, fromHighlightRecord, toFactRecord, toHighlightRecord } from './records';
import { sameValue } from './same-value';
import type { RunTransaction } from './transaction';
import type { FactEdit, HighlightEdit, LensStore } from './types';
import { factEditProblem, highlightEditProblem, highlightProblem } from './validate';
import { adjustCounts } from './entity-counts';
import { deletedMessage, deletedSince, tombstoneOf } from './tombstones';
import { findSamePassage, removeHighlight, writeHighlight } from './write-highlight';

/** Optional fact fields a correction may empty. */
const CLEARABLE = ['qualifier', 'action', 'date', 'unit'] as const;

const HIGHLIGHT_GONE = 'This highlight is no longer saved: it may have been deleted in another tab or window.';

/** The fields of `edit` that are set, so that `{ note: undefined }` changes nothing. */
function setFields<T extends object>(edit: T): Partial<T> {
  return Object.fromEntries(Object.entries(edit).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function highlightWrites(
  run: RunTransaction,
): Pick<LensStore, 'saveHighlight' | 'updateHighlight' | 'reviseHighlight' | 'deleteHighlight' | 'restoreHighlight' | 'deletedAt' | 'updateFact'> {
  return {
    async saveHighlight(h) {
      const problem = highlightProblem(h);
      if (problem) return fail({ kind: 'invalid', message: `Could not save the highlight: ${problem}.` });
      return run(['highlights', 'facts', 'pages', 'counts', 'tombstones'], 'readwrite', 'save the highlight', async (tx) => {
        const existing = await tx.objectStore('highlights').get(h.id);
        if (existing) {
          const stored = fromHighlightRecord(existing);
          // A retry of an old save must not undo an edit made since.
          if (stored.updated > h.updated) return { highlight: stored, outcome: 'kept-newer' as const };
          if (sameValue(stored, h)) return { highlight: stored, outcome: 'unchanged' as const };
        } else {
          // A retried save, or a stale tab, arriving after the highlight was deleted.
          const tombstone = await tombstoneOf(tx, h.id);
          if (deletedSince(tombstone, h.updated)) throw new StoreFailure('deleted', deletedMessage(tombstone));
          // The same passage selected again: one highlight, the one already saved.
          const same = await findSamePassage(tx, h);
          if (same) return { highlight: fromHighlightRecord(same), outcome: 'existing' as const };
          if (tombstone) await tx.objectStore('tombstones').delete(h.id);
        }
        await writeHighlight(tx, h, existing);
        return { highlight: h, outcome: existing ? ('updated' as const) : ('added' as const) };
      });
    },

    async restoreHighlight(h) {
      const problem = highlightProblem(h);
      if (problem) return fail({ kind: 'invalid', message: `Could not restore the highlight: ${problem}.` });
      return run(['highlights', 'facts', 'pages', 'counts', 'tombstones'], 'readwrite', 'restore the highlight', async (tx) => {
        const existing = await tx.objectStore('highlights').get(h.id);
        // Already back (a second click on undo, or restored in another tab): keep the newer copy.
        if (existing && fromHighlightRecord(existing).updated >= h.updated) return fromHighlightRecord(existing);
        await tx.objectStore('tombstones').delete(h.id);
        await writeHighlight(tx, h, existing);
        return h;
      });
    },

    deletedAt: (id) =>
      run(['tombstones'], 'readonly', 'look up the delete', async (tx) => (await tombstoneOf(tx, id))?.deleted),

    async updateHighlight(id, edit: HighlightEdit, now = Date.now()) {
      const problem = highlightEditProblem(edit);
      if (problem) return fail({ kind: 'invalid', message: `Could not change the highlight: ${problem}.` });
      return run(['highlights'], 'readwrite', 'change the highlight', async (tx) => {
        const store = tx.objectStore('highlights');
        const record = await store.get(id);
        if (!record) throw new StoreFailure('not-found', HIGHLIGHT_GONE);
        const current = fromHighlightRecord(record);
        const next: Highlight = { ...current, ...setFields(edit) };
        if (sameValue(next, current)) return current;
        // Re-anchoring flags orphans on every visit; only the user's own changes count as
        // an edit, which a later import or an old retried save must not overwrite.
        const edited = (['note', 'tags', 'color'] as const).some((k) => !sameValue(next[k], current[k]));
        if (edited) next.updated = Math.max(now, current.updated + 1);
        await store.put(toHighlightRecord(next));
        return next;
      });
    },

    async reviseHighlight(id, revise, doing) {
      return run(['highlights', 'facts', 'pages', 'counts'], 'readwrite', doing, async (tx) => {
        const record = await tx.objectStore('highlights').get(id);
        if (!record) throw new StoreFailure('not-found', HIGHLIGHT_GONE);
        const current = fromHighlightRecord(record);
        // Worked out inside the transaction, so no other write lands between the read and this one.
        const next = revise(current);
        if (next === current || sameValue(next, current)) return current;
        if (next.id !== id) throw new StoreFailure('invalid', `Could not ${doing}: a highlight cannot change its id.`);
        const problem = highlightProblem(next);
        if (problem) throw new StoreFailure('invalid', `Could not ${doing}: ${problem}.`);
        await writeHighlight(tx, next, record);
        return next;
      });
    },

    async deleteHighlight(id, now = Date.now()) {
      return run(['highlights', 'facts', 'counts', 'tombstones'], 'readwrite', 'delete the highlight', async (tx) => {
        const record = await tx.objectStore('highlights').get(id);
        if (!record) throw new StoreFailure('not-found', HIGHLIGHT_GONE);
        await removeHighlight(tx, record);
        // Never before the copy being deleted: that copy, retried, must stay deleted even when clocks disagree.
        await tx.objectStore('tombstones').put({ id, deleted: Math.max(now, record.updated) });
        return fromHighlightRecord(record);
      });
    },

    async updateFact(id, given: FactEdit, now = Date.now()) {
      // The correction form sends '' for a field the user emptied: that removes it (an
      // empty date or qualifier is not a value the schema, or an import, would accept).
      const cleared = CLEARABLE.filter((k) => (given as Record<string, unknown>)[k] === '');
      const edit = Object.fromEntries(Object.entries(given).filter(([k]) => !cleared.includes(k as (typeof CLEARABLE)[number]))) as FactEdit;
      const problem = factEditProblem(edit);
      if (problem) return fail({ kind: 'invalid', message: `Could not correct the fact: ${problem}.` });
      return run(['highlights', 'facts', 'counts'], 'readwrite', 'correct the fact', async (tx) => {
        const facts = tx.objectStore('facts');
        const highlights = tx.objectStore('highlights');
        const record = await facts.get(id);
        if (!record) throw new StoreFailure('not-found', 'This fact is no longer saved: its highlight may have been deleted.');
        const owner = await highlights.get(record.highlightId);
        if (!owner) throw new StoreFailure('not-found', HIGHLIGHT_GONE);
        const fact: Fact = { ...fromFactRecord(record), ...setFields(edit), id, highlightId: record.highlightId };
        for (const k of cleared) delete fact[k];
        const h = fromHighlightRecord(owner);
        const listed = h.facts.some((f) => f.id === id);
        const next: Highlight = {
          ...h,
          facts: listed ? h.facts.map((f) => (f.id === id ? fact : f)) : [...h.facts, fact],
          updated: Math.max(now, h.updated + 1),
        };
        await highlights.put(toHighlightRecord(next));
        await facts.put(toFactRecord(fact, h.url));
        await adjustCounts(tx, h, next);
        return fact;
      });
    },
  };
}
