import { HIGHLIGHT_COLORS, type Fact, type Highlight } from '../types';
import type { FactEdit, HighlightEdit } from './types';

const isString = (v: unknown): v is string => typeof v === 'string';
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/**
 * Why a fact cannot be stored with its highlight, or null. The store checks only
 * what it relies on (keys, index fields, ownership); validating imports against the
 * full schema is the importer's job.
 */
function factProblem(fact: Fact, highlightId: string): string | null {
  if (!isString(fact.id) || fact.id === '') return 'a fact has no id';
  if (fact.highlightId !== highlightId) return `fact ${fact.id} belongs to highlight ${String(fact.highlightId)}, not ${highlightId}`;
  if (!isStrings(fact.entities)) return `fact ${fact.id} has no list of entities`;
  if (!isTime(fact.created)) return `fact ${fact.id} has no creation time`;
  return null;
}

/** Why a highlight cannot be stored, or null. */
export function highlightProblem(h: Highlight): string | null {
  if (typeof h !== 'object' || h === null) return 'it is not a highlight';
  if (!isString(h.id) || h.id === '') return 'it has no id';
  if (!isString(h.url) || h.url === '') return `highlight ${h.id} has no page URL`;
  if (typeof h.page !== 'object' || h.page === null) return `highlight ${h.id} has no page metadata`;
  if (!isString(h.quote) || !Array.isArray(h.selectors)) return `highlight ${h.id} has no quote or selectors`;
  if (!isTime(h.created) || !isTime(h.updated)) return `highlight ${h.id} has no valid creation or update time`;
  if (!isStrings(h.entities) || !isStrings(h.tags)) return `highlight ${h.id} has no list of entities or tags`;
  if (!Array.isArray(h.facts)) return `highlight ${h.id} has no list of facts`;
  const ids = new Set<string>();
  for (const fact of h.facts) {
    const problem = factProblem(fact, h.id);
    if (problem) return problem;
    if (ids.has(fact.id)) return `highlight ${h.id} lists fact ${fact.id} twice`;
    ids.add(fact.id);
  }
  return null;
}

export function highlightEditProblem(edit: HighlightEdit): string | null {
  if (edit.note !== undefined && !isString(edit.note)) return 'the note is not text';
  if (edit.tags !== undefined && !isStrings(edit.tags)) return 'the tags are not a list of text';
  if (edit.color !== undefined && !(HIGHLIGHT_COLORS as readonly string[]).includes(edit.color)) return `"${String(edit.color)}" is not a highlight colour`;
  if (edit.orphaned !== undefined && typeof edit.orphaned !== 'boolean') return 'the orphaned flag is not true or false';
  return null;
}

export function factEditProblem(edit: FactEdit): string | null {
  if (edit.value !== undefined && !(typeof edit.value === 'number' && Number.isFinite(edit.value))) return 'the value is not a number';
  if (edit.entities !== undefined && !isStrings(edit.entities)) return 'the entities are not a list of ids';
  if (edit.unlinked !== undefined && !isStrings(edit.unlinked)) return 'the unlinked facts are not a list of ids';
  if (edit.corrected !== undefined && !isStrings(edit.corrected)) return 'the corrected fields are not a list of names';
  return null;
}
