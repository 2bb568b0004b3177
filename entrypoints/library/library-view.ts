/**
 * What the library shows, derived from every highlight the user has: search first
 * (by meaning: names in any script, figures by value, through lib/search), then the
 * filters, then the facts of what is left. Pure, so the page only keeps state.
 *
 * Everything that costs time with ten thousand highlights is done once per change of
 * the data, never per keystroke or filter: sorting, the search index (which re-indexes
 * only the highlights that changed), and linking facts across outlets.
 */
import { articleOf, createLinker, describeGroup, type FactGroup } from '@/lib/facts';
import { runInSlices } from './slices';
import {
  createHighlightIndex,
  filterHighlights,
  searchable,
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

/** `sorted`: the highlights are in order already (sorted while the page prepared them in slices). */
export function collect(highlights: readonly Highlight[], names?: EntityNames | (() => EntityNames), { sorted = false } = {}): Collection {
  const inOrder = sorted ? (highlights as Highlight[]) : [...highlights].sort(newestFirst);
  return { highlights: inOrder, index: createHighlightIndex(inOrder, { names }) };
}

/** Highlights and facts per entity. */
export interface EntityCount {
  id: EntityId;
  highlights: number;
  facts: number;
}

/**
 * Highlights and facts per entity, counted one highlight at a time (so ten thousand can be
 * counted in slices); `counts()` lists them most highlights first.
 */
export function entityCounter(): { add(h: Highlight): void; counts(): EntityCount[] } {
  const counts = new Map<EntityId, EntityCount>();
  const get = (id: EntityId) => counts.get(id) ?? counts.set(id, { id, highlights: 0, facts: 0 }).get(id)!;
  // Each entity once per item; the lists hold one to three ids, so looking back beats building a Set for each of 25,000 items.
  const once = (ids: readonly EntityId[], i: number) => ids.indexOf(ids[i]!) === i;
  return {
    add(h) {
      for (let i = 0; i < h.entities.length; i++) if (once(h.entities, i)) get(h.entities[i]!).highlights++;
      for (const f of h.facts) for (let i = 0; i < f.entities.length; i++) if (once(f.entities, i)) get(f.entities[i]!).facts++;
    },
    counts: () => [...counts.values()].sort((a, b) => b.highlights - a.highlights || b.facts - a.facts || a.id.localeCompare(b.id)),
  };
}

/** Highlights and facts per entity over `highlights`, most highlights first. */
export function entityCounts(highlights: readonly Highlight[]): EntityCount[] {
  const counter = entityCounter();
  for (const h of highlights) counter.add(h);
  return counter.counts();
}

export function isFiltered(q: LibraryQuery): boolean {
  const f = q.filter;
  return searchable(q.text) || Boolean(f.entities?.length || f.sites?.length || f.tags?.length || f.from || f.to);
}

/** What the search and filters leave, and why each was found. */
export interface Selection {
  /** Best match first when searching, else newest first. */
  highlights: Highlight[];
  /** Entities and figures each highlight was found by (by id; none for a plain-text match). */
  reasons: ReadonlyMap<string, readonly MatchReason[]>;
}

export function selectHighlights(c: Collection, q: LibraryQuery): Selection {
  // A lone letter waits for the next key (searchable): the list stays as it is.
  if (!searchable(q.text)) return { highlights: filterHighlights(c.highlights, q.filter), reasons: new Map() };
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
 * Every fact of the collection linked across outlets, newest first, once it has been
 * linked (linkInSlices); undefined before. Once per change of the data: the collection's
 * array is new exactly then, whatever the filters.
 */
export function linkedGroups(c: Collection): FactGroup[] | undefined {
  return linked.get(c.highlights);
}

/**
 * Links every fact of the collection a slice per task (15,000 facts take 0.1–0.9 s, far
 * over a 50 ms task), unless it was linked already; resolves with the groups, or with
 * undefined when `stop()` said to give up (the data changed, the view closed).
 */
export async function linkInSlices(
  c: Collection,
  stop: () => boolean = () => false,
  slices: typeof runInSlices = runInSlices,
): Promise<FactGroup[] | undefined> {
  const done = linked.get(c.highlights);
  if (done) return done;
  const linker = createLinker(factsOf(c.highlights));
  await slices([(timeLeft) => stop() || linker.step(timeLeft)]);
  if (stop()) return undefined;
  const groups = linker.groups();
  linked.set(c.highlights, groups);
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
