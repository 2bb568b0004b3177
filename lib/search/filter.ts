import type { EntityId, Fact, Highlight } from '../types';
import { dayOfTimestamp, factSpan, isoDay } from './dates';
import { foldForSearch } from './fold';
import { siteOf } from './site';

/**
 * What to keep. Within one kind the values are alternatives (any of these sites);
 * kinds combine (this site AND this tag). An empty or missing list does not filter.
 */
export interface HighlightFilter {
  entities?: readonly EntityId[];
  /** Site names as siteOf() gives them. */
  sites?: readonly string[];
  /** Matched ignoring case, width and simplified/traditional form. */
  tags?: readonly string[];
  /** First day to keep (YYYY-MM-DD), inclusive. */
  from?: string;
  /** Last day to keep (YYYY-MM-DD), inclusive. */
  to?: string;
  /**
   * Which date `from`/`to` apply to: when its page was published (default: what a
   * researcher means by "May 2023") or when the highlight was saved.
   */
  dateOf?: 'saved' | 'published';
  /** true: only orphaned highlights; false: only anchored ones. */
  orphaned?: boolean;
  /** The user's offset east of UTC in minutes, to tell which day a save fell on. */
  utcOffsetMinutes?: number;
}

export interface FactFilter {
  entities?: readonly EntityId[];
  sites?: readonly string[];
  /** Keeps facts whose span (see factSpan) overlaps [from, to]; undated facts go when a range is set. */
  from?: string;
  to?: string;
}

function anyOf<T>(wanted: readonly T[] | undefined, have: (value: T) => boolean): boolean {
  return !wanted || wanted.length === 0 || wanted.some(have);
}

function inRange(day: string | undefined, from: string | undefined, to: string | undefined): boolean {
  if (!from && !to) return true;
  if (!day) return false;
  return (!from || day >= from) && (!to || day <= to);
}

/** The highlights that pass every part of `filter`, in their order. */
export function filterHighlights(highlights: readonly Highlight[], filter: HighlightFilter): Highlight[] {
  // No filter set (most keystrokes): nothing to look at per highlight.
  if (filter.orphaned === undefined && !filter.entities?.length && !filter.sites?.length && !filter.tags?.length && !filter.from && !filter.to) {
    return [...highlights];
  }
  const from = isoDay(filter.from);
  const to = isoDay(filter.to);
  const sites = filter.sites && new Set(filter.sites);
  const tags = filter.tags?.map(foldForSearch);
  return highlights.filter((h) => {
    if (filter.orphaned !== undefined && Boolean(h.orphaned) !== filter.orphaned) return false;
    if (!anyOf(filter.entities, (e) => h.entities.includes(e))) return false;
    if (sites && sites.size > 0 && !sites.has(siteOf(h.page))) return false;
    if (tags && tags.length > 0) {
      const own = new Set(h.tags.map(foldForSearch));
      if (!tags.some((t) => own.has(t))) return false;
    }
    const day =
      filter.dateOf === 'saved' ? dayOfTimestamp(h.created, filter.utcOffsetMinutes) : isoDay(h.page.published);
    return inRange(day, from, to);
  });
}

/** The facts that pass every part of `filter`, in their order. */
export function filterFacts(facts: readonly Fact[], filter: FactFilter): Fact[] {
  const from = isoDay(filter.from);
  const to = isoDay(filter.to);
  const sites = filter.sites && new Set(filter.sites);
  return facts.filter((f) => {
    if (!anyOf(filter.entities, (e) => f.entities.includes(e))) return false;
    if (sites && sites.size > 0 && !sites.has(siteOf(f.source))) return false;
    if (!from && !to) return true;
    const span = factSpan(f);
    if (!span) return false;
    return (!from || span.to >= from) && (!to || span.from <= to);
  });
}

export interface FacetValue {
  value: string;
  count: number;
}

/** The values a filter can choose from, with how many highlights carry each. */
export interface Facets {
  entities: FacetValue[];
  sites: FacetValue[];
  tags: FacetValue[];
}

function countedValues(counts: Map<string, number>): FacetValue[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** Entities, sites and tags present in `highlights`, most frequent first. */
export function facetsOf(highlights: readonly Highlight[]): Facets {
  const counter = facetCounter();
  for (const h of highlights) counter.add(h);
  return counter.facets();
}

/**
 * Facets counted one highlight at a time, so a page can count ten thousand in slices
 * between frames: `add` each highlight once, then `facets()` is what facetsOf gives.
 */
export function facetCounter(): { add(h: Highlight): void; facets(): Facets } {
  const entities = new Map<string, number>();
  const sites = new Map<string, number>();
  const tags = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  // Each value once per highlight; its lists are short, so looking back is cheaper than a Set each.
  const eachOnce = (m: Map<string, number>, values: readonly string[]) => {
    for (let i = 0; i < values.length; i++) if (values.indexOf(values[i]!) === i) bump(m, values[i]!);
  };
  return {
    add(h) {
      eachOnce(entities, h.entities);
      bump(sites, siteOf(h.page));
      eachOnce(tags, h.tags);
    },
    facets: () => ({ entities: countedValues(entities), sites: countedValues(sites), tags: countedValues(tags) }),
  };
}
