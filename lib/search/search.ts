import type { Fact, Highlight } from '../types';
import { foldForSearch } from './fold';
import { parseQuery } from './query';
import { siteOf } from './site';

export type HighlightField = 'quote' | 'note' | 'tags' | 'title' | 'site' | 'entities' | 'facts';
export type FactField = 'text' | 'figure' | 'title' | 'site' | 'entities';

export interface SearchHit<T, F extends string> {
  item: T;
  /** Higher is better: a term found in the quote counts more than one found in the site name. */
  score: number;
  /** The fields at least one term was found in. */
  fields: F[];
}

/** Fields and how much a match in each counts. */
type Weighted<F extends string> = readonly (readonly [F, number])[];

const HIGHLIGHT_WEIGHTS: Weighted<HighlightField> = [
  ['quote', 4],
  ['note', 3],
  ['tags', 3],
  ['title', 2],
  ['facts', 2],
  ['site', 1],
  ['entities', 1],
];

const FACT_WEIGHTS: Weighted<FactField> = [
  ['text', 4],
  ['figure', 3],
  ['title', 2],
  ['site', 1],
  ['entities', 1],
];

/** Folded text of each field of one item, computed once per index. */
interface FoldedItem<F extends string> {
  fields: readonly (readonly [F, number, string])[];
  /** Every field joined, to drop an item with one search per term before looking field by field. */
  all: string;
}

export interface SearchIndex<T, F extends string> {
  /** Items matching every term of `query`, best first; all items in their order for an empty query. */
  search(query: string): SearchHit<T, F>[];
}

// Parts (tags, facts) are folded apart and joined by a line break, which folding
// never leaves inside a term, so a phrase cannot match across two tags.
function foldParts(value: string | readonly string[]): string {
  return typeof value === 'string' ? foldForSearch(value) : value.map(foldForSearch).join('\n');
}

function createIndex<T, F extends string>(
  items: readonly T[],
  weights: Weighted<F>,
  fieldsOf: (item: T) => Record<F, string | readonly string[]>,
): SearchIndex<T, F> {
  const folded: FoldedItem<F>[] = items.map((item) => {
    const raw = fieldsOf(item);
    const fields = weights.map(([field, weight]) => [field, weight, foldParts(raw[field])] as const);
    return { fields, all: fields.map(([, , text]) => text).join('\n') };
  });

  return {
    search(query) {
      const terms = parseQuery(query);
      if (terms.length === 0) return items.map((item) => ({ item, score: 0, fields: [] }));
      const hits: SearchHit<T, F>[] = [];
      items.forEach((item, i) => {
        const entry = folded[i];
        if (!entry || !terms.every((term) => entry.all.includes(term))) return;
        let score = 0;
        const matched = new Set<F>();
        for (const term of terms) {
          let termScore = 0;
          for (const [field, weight, text] of entry.fields) {
            if (text.includes(term)) {
              termScore += weight;
              matched.add(field);
            }
          }
          // Never zero: a folded term holds no line break, so it cannot span two joined fields.
          score += termScore;
        }
        hits.push({ item, score, fields: weights.map(([f]) => f).filter((f) => matched.has(f)) });
      });
      // Stable sort keeps the caller's order (usually newest first) among equal scores.
      return hits.sort((a, b) => b.score - a.score);
    },
  };
}

function factFields(fact: Fact): Record<FactField, string | readonly string[]> {
  return {
    text: fact.text,
    figure: [fact.figureText, String(fact.value), fact.unit ?? '', fact.action ?? ''],
    title: fact.source.title,
    site: siteOf(fact.source),
    entities: fact.entities,
  };
}

/** An index over highlights: quote, note, tags, page title, site, entities and the text of their facts. */
export function createHighlightIndex(highlights: readonly Highlight[]): SearchIndex<Highlight, HighlightField> {
  return createIndex(highlights, HIGHLIGHT_WEIGHTS, (h) => ({
    quote: h.quote,
    note: h.note,
    tags: h.tags,
    title: h.page.title,
    site: siteOf(h.page),
    entities: h.entities,
    facts: h.facts.flatMap((f) => [f.text, f.figureText]),
  }));
}

/** An index over facts: their sentence, figure, source title and site, and entities. */
export function createFactIndex(facts: readonly Fact[]): SearchIndex<Fact, FactField> {
  return createIndex(facts, FACT_WEIGHTS, factFields);
}

/** One-off search; build an index with createHighlightIndex when searching the same list repeatedly. */
export function searchHighlights(highlights: readonly Highlight[], query: string): SearchHit<Highlight, HighlightField>[] {
  return createHighlightIndex(highlights).search(query);
}

/** One-off search over facts. */
export function searchFacts(facts: readonly Fact[], query: string): SearchHit<Fact, FactField>[] {
  return createFactIndex(facts).search(query);
}
