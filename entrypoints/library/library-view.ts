/**
 * What the library shows, derived from every highlight the user has: search first
 * (by meaning: names in any script, figures by value, through lib/search), then the
 * filters, then the facts of what is left. Pure, so the page only keeps state.
 *
 * Everything that costs time with ten thousand highlights is done once per change of
 * the data, never per keystroke or filter: sorting, the search index (which re-indexes
 * only the highlights that changed), and linking facts across outlets.
 */
import { articleOf, describeGroup, linkFacts, type FactGroup } from '@/lib/facts';
import {
  createHighlightIndex,
  filterHighlights,
  type EntityNames,
  type HighlightField,
  type HighlightFilter,
  type MatchReason,
  type SearchIndex,
} from '@/lib/search';
import type { EntityId, Fact, Highlight } from '@/lib/types';

export interface LibraryQuery {
  text: string;
  filter: HighlightFilter;
}

export const newestFirst = (a: { created: number; id: string }, b: { created: number; id: string }) =>
  b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The highlights newest first, with a search index over them, built once per change of data. */
export interface Collection {
  highlights: Highlight[];
  index: SearchIndex<Highlight, HighlightField>;
}

export function collect(highlights: readonly Highlight[], names?: EntityNames): Collection {
  const sorted = [...highlights].sort(newestFirst);
  return { highlights: sorted, index: createHighlightIndex(sorted, { names }) };
}

export function isFiltered(q: LibraryQuery): boolean {
  const f = q.filter;
  return q.text.trim() !== '' || Boolean(f.entities?.length || f.sites?.length || f.tags?.length || f.from || f.to);
}

/** What the search and filters leave, and why each was found. */
export interface Selection {
  /** Best match first when searching, else newest first. */
  highlights: Highlight[];
  /** Entities and figures each highlight was found by (by id; none for a plain-text match). */
  reasons: ReadonlyMap<string, readonly MatchReason[]>;
}

export function selectHighlights(c: Collection, q: LibraryQuery): Selection {
  if (q.text.trim() === '') return { highlights: filterHighlights(c.highlights, q.filter), reasons: new Map() };
  const hits = c.index.search(q.text);
  const reasons = new Map(hits.filter((h) => h.reasons.length > 0).map((h) => [h.item.id, h.reasons] as const));
  return { highlights: filterHighlights(hits.map((hit) => hit.item), q.filter), reasons };
}

/** The facts of `highlights` (about the filtered entities, when the filter names some), newest first. */
export function factsOf(highlights: readonly Highlight[], entities: readonly EntityId[] = []): Fact[] {
  const facts = highlights.flatMap((h) => h.facts);
  const wanted = entities.length > 0 ? facts.filter((f) => f.entities.some((e) => entities.includes(e))) : facts;
  return wanted.sort(newestFirst);
}

const linked = new WeakMap<readonly Highlight[], FactGroup[]>();

/**
 * Every fact of the collection linked across outlets, newest first: once per change of
 * the data (the collection's array is new exactly then), whatever the filters.
 */
export function linkedGroups(c: Collection): FactGroup[] {
  let groups = linked.get(c.highlights);
  if (!groups) linked.set(c.highlights, (groups = linkFacts(factsOf(c.highlights))));
  return groups;
}

/**
 * The groups of `linked` (every fact linked once, when the data changed) narrowed to the
 * facts a search or filter leaves, without linking again. A group keeps its order and
 * loses the facts left out; an article whose first statement was left out is represented
 * by its next one.
 */
export function groupsWithin(linked: readonly FactGroup[], facts: readonly Fact[]): FactGroup[] {
  const wanted = new Set(facts.map((f) => f.id));
  const out: FactGroup[] = [];
  for (const g of linked) {
    const sources = g.facts.filter((f) => wanted.has(f.id));
    const repeats = g.repeats.filter((f) => wanted.has(f.id));
    if (sources.length === g.facts.length && repeats.length === g.repeats.length) {
      out.push(g);
      continue;
    }
    const articles = new Set(sources.map(articleOf));
    const kept: typeof repeats = [];
    for (const r of repeats) {
      if (articles.has(articleOf(r))) kept.push(r);
      else {
        articles.add(articleOf(r));
        sources.push(r);
      }
    }
    if (sources.length > 0) out.push(describeGroup(sources, kept));
  }
  return out;
}

/**
 * The ids the fact must no longer be linked with to leave its group: every other
 * fact of the group, added to those it was already unlinked from.
 */
export function unlinkFrom(fact: Fact, group: FactGroup): string[] {
  const others = group.facts.filter((f) => f.id !== fact.id).map((f) => f.id);
  return [...new Set([...(fact.unlinked ?? []), ...others])];
}

/** The highlights with one fact replaced by its corrected version. */
export function withFact(highlights: readonly Highlight[], fact: Fact): Highlight[] {
  return highlights.map((h) =>
    h.id === fact.highlightId ? { ...h, facts: h.facts.map((f) => (f.id === fact.id ? fact : f)) } : h,
  );
}

/** "qinglang-lens-2023-05-26.jsonld": the day is the user's own. */
export function exportFileName(extension: string, now: Date): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `qinglang-lens-${day}${extension}`;
}
