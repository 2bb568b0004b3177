import { findQuantities } from '../facts/quantities';
import type { EntityId, Fact, Highlight } from '../types';
import { foldForSearch } from './fold';
import { builtinEntityNames, figureMatches, narrows, readQuery, type EntityNames, type QueryTerm } from './meaning';
import { siteOf } from './site';

export type HighlightField = 'quote' | 'note' | 'tags' | 'title' | 'site' | 'entities' | 'facts';
export type FactField = 'text' | 'figure' | 'title' | 'site' | 'entities';

/** Why an item matched beyond its letters: it mentions an entity the query named, or states the query's figure. */
export type MatchReason =
  | { kind: 'entity'; id: EntityId }
  /** `text`: the figure as the item writes it ("6.66萬"), `value` its number. */
  | { kind: 'figure'; value: number; text: string };

export interface SearchHit<T, F extends string> {
  item: T;
  /** Higher is better: a term found in the quote counts more than one found in the site name. */
  score: number;
  /** The fields at least one term was found in as text. */
  fields: F[];
  /** Entities and figures the item was found by, in query order. */
  reasons: MatchReason[];
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
/** What an entity or figure found by meaning counts: as much as a word in the quote. */
const MEANING_WEIGHT = 4;

/** A figure an item states, with how it is written there. */
interface StatedFigure {
  value: number;
  text: string;
}

/** What an item is searched by, computed once per item (and reused while the item is unchanged). */
interface IndexedItem<F extends string> {
  fields: readonly (readonly [F, number, string])[];
  /**
   * Every field joined by line breaks (which a folded term never holds, so a term found in
   * it lies inside one field): one search per term finds whether and where an item has it.
   */
  all: string;
  /** Where each field ends in `all` (the line break after it, or the end). */
  ends: readonly number[];
  entities: ReadonlySet<EntityId>;
  figures: readonly StatedFigure[];
}

/** What the index reads from an item. */
interface ItemParts<F extends string> {
  fields: Record<F, string | readonly string[]>;
  entities: readonly EntityId[];
  figures: readonly StatedFigure[];
}

export interface SearchOptions {
  /** Names that find entities (lib/search entityNames, with the user's terms); the built-in ones by default. */
  names?: EntityNames | (() => EntityNames);
}

export interface SearchIndex<T, F extends string> {
  /**
   * Items matching every term of `query`, best first; all items in their order for an
   * empty query. A query that only narrows the previous one (a keystroke added to a word,
   * another word) is looked for among the previous one's matches only.
   */
  search(query: string): SearchHit<T, F>[];
  /**
   * Indexes items not indexed yet, while `timeLeft()` says so (at least one item per
   * call), so a page can build the index in slices between frames; true once every item
   * is indexed. A search before that indexes what it still needs on the spot.
   */
  prepare(timeLeft: () => boolean): boolean;
}

// Parts (tags, facts) are folded apart and joined by a line break, which folding
// never leaves inside a term, so a phrase cannot match across two tags.
function foldParts(value: string | readonly string[]): string {
  return typeof value === 'string' ? foldForSearch(value) : value.map(foldForSearch).join('\n');
}

/** Figures written in a text: "67,000", "6.66万", "1.4 million" (full-width digits too). */
export function figuresWritten(text: string): StatedFigure[] {
  if (!/[\d０-９〇零一二两兩三四五六七八九十百千]/.test(text)) return [];
  const plain = text.replace(/[０-９，．]/g, (c) => c.normalize('NFKC'));
  return findQuantities(plain)
    .filter((q) => q.form !== 'words' && q.value > 0)
    .map((q) => ({ value: q.value, text: text.slice(q.start, q.end) }));
}

function indexItem<F extends string>(parts: ItemParts<F>, weights: Weighted<F>): IndexedItem<F> {
  const fields = weights.map(([field, weight]) => [field, weight, foldParts(parts.fields[field])] as const);
  const ends: number[] = [];
  for (const [, , text] of fields) ends.push((ends.length > 0 ? ends[ends.length - 1]! + 1 : 0) + text.length);
  return { fields, all: fields.map(([, , text]) => text).join('\n'), ends, entities: new Set(parts.entities), figures: parts.figures };
}

/** Pushes the entity or figure `term` finds `entry` by, if any; true then. */
function matchMeaning<F extends string>(entry: IndexedItem<F>, term: QueryTerm, reasons: MatchReason[]): boolean {
  if (term.kind === 'entity') {
    const id = term.ids.find((e) => entry.entities.has(e));
    if (id !== undefined) {
      reasons.push({ kind: 'entity', id });
      return true;
    }
  } else if (term.kind === 'figure') {
    const figure = entry.figures.find((f) => figureMatches(term, f.value));
    if (figure) {
      reasons.push({ kind: 'figure', value: figure.value, text: figure.text });
      return true;
    }
  }
  return false;
}

/**
 * The fields of `entry` holding `text`, as bits, reading `all` on from `from` (where it
 * was first found): each field is looked into once, from its first occurrence on.
 */
function fieldsHolding<F extends string>(entry: IndexedItem<F>, text: string, from: number): number {
  let bits = 0;
  let f = 0;
  for (let at = from; at >= 0; at = entry.all.indexOf(text, entry.ends[f]! + 1)) {
    while (entry.ends[f]! < at + text.length) f++;
    bits |= 1 << f;
    if (f + 1 >= entry.ends.length) break;
  }
  return bits;
}

/** Hits share their lists: no reasons (most of them), and fields by the bits found. */
const NO_REASONS = Object.freeze([]) as unknown as MatchReason[];

function createIndex<T, F extends string>(
  items: readonly T[],
  weights: Weighted<F>,
  partsOf: (item: T) => ItemParts<F>,
  cache: WeakMap<object, IndexedItem<string>>,
  { names }: SearchOptions,
): SearchIndex<T, F> {
  // The names are folded on the first search, not when the index is made: folding builds
  // the Han variant table, which a page's first screen does not need.
  let known: EntityNames | undefined;
  const namesNow = (): EntityNames => (known ??= typeof names === 'function' ? names() : (names ?? builtinEntityNames()));
  // Items are replaced, never changed in place, when the user edits them: one that is the
  // same object as before is indexed already, so a change of data re-indexes only what
  // changed. Entries are made lazily (prepare, or a search that needs them), never up front.
  const entries: (IndexedItem<F> | undefined)[] = items.map((item) => cache.get(item as object) as IndexedItem<F> | undefined);
  let prepared = 0;
  const entryAt = (i: number): IndexedItem<F> => {
    let entry = entries[i];
    if (!entry) {
      const item = items[i] as object;
      entry = (cache.get(item) as IndexedItem<F> | undefined) ?? indexItem(partsOf(items[i]!), weights);
      cache.set(item, entry);
      entries[i] = entry;
    }
    return entry;
  };
  // The last search's terms and the positions of its matches, in item order.
  let last: { terms: QueryTerm[]; matched: number[] } | undefined;

  return {
    prepare(timeLeft) {
      for (let first = true; ; first = false) {
        while (prepared < items.length && entries[prepared]) prepared++;
        if (prepared >= items.length) {
          // Last, the names, in a slice of their own, so the first keystroke finds them made.
          if (!known && !first && !timeLeft()) return false;
          namesNow();
          return true;
        }
        if (!first && !timeLeft()) return false;
        entryAt(prepared);
      }
    },
    search(query) {
      const terms = readQuery(query, namesNow());
      if (terms.length === 0) {
        last = undefined;
        return items.map((item) => ({ item, score: 0, fields: [], reasons: [] }));
      }
      const candidates = last && narrows(last.terms, terms) ? last.matched : undefined;
      const count = candidates ? candidates.length : items.length;
      const hits: SearchHit<T, F>[] = [];
      const matched: number[] = [];
      // A keystroke can match all ten thousand items: one scratch list of reasons, the
      // first place of each term, and field lists shared by the bits found keep what each
      // match allocates to its hit alone.
      const scratch: MatchReason[] = [];
      const at = new Int32Array(terms.length);
      const fieldLists = new Map<number, F[]>();
      items: for (let k = 0; k < count; k++) {
        const i = candidates ? candidates[k]! : k;
        const entry = entryAt(i);
        scratch.length = 0;
        for (let t = 0; t < terms.length; t++) {
          const term = terms[t]!;
          const meant = matchMeaning(entry, term, scratch);
          at[t] = entry.all.indexOf(term.text);
          if (at[t]! < 0 && !meant) continue items;
        }
        matched.push(i);
        let score = MEANING_WEIGHT * scratch.length;
        let found = 0;
        for (let t = 0; t < terms.length; t++) {
          if (at[t]! < 0) continue;
          const bits = fieldsHolding(entry, terms[t]!.text, at[t]!);
          for (let f = 0; f < entry.fields.length; f++) if (bits & (1 << f)) score += entry.fields[f]![1];
          found |= bits;
        }
        let fields = fieldLists.get(found);
        if (!fields) {
          fields = [];
          for (let f = 0; f < weights.length; f++) if (found & (1 << f)) fields.push(weights[f]![0]);
          fieldLists.set(found, fields);
        }
        hits.push({ item: items[i]!, score, fields, reasons: scratch.length > 0 ? scratch.slice() : NO_REASONS });
      }
      last = { terms, matched };
      // Stable sort keeps the caller's order (usually newest first) among equal scores.
      return hits.sort((a, b) => b.score - a.score);
    },
  };
}

const highlightCache = new WeakMap<object, IndexedItem<string>>();
const factCache = new WeakMap<object, IndexedItem<string>>();

function factParts(fact: Fact): ItemParts<FactField> {
  return {
    fields: {
      text: fact.text,
      figure: [fact.figureText, String(fact.value), fact.unit ?? '', fact.action ?? ''],
      title: fact.source.title,
      site: siteOf(fact.source),
      entities: fact.entities,
    },
    entities: fact.entities,
    figures: [{ value: fact.value, text: fact.figureText || String(fact.value) }],
  };
}

function highlightParts(h: Highlight): ItemParts<HighlightField> {
  // The figures its facts state first (they carry corrections), then any other number the quote writes.
  const figures = h.facts.map((f) => ({ value: f.value, text: f.figureText || String(f.value) }));
  for (const f of figuresWritten(h.quote)) if (!figures.some((g) => g.value === f.value)) figures.push(f);
  return {
    fields: {
      quote: h.quote,
      note: h.note,
      tags: h.tags,
      title: h.page.title,
      site: siteOf(h.page),
      entities: h.entities,
      facts: h.facts.flatMap((f) => [f.text, f.figureText]),
    },
    entities: [...h.entities, ...h.facts.flatMap((f) => f.entities)],
    figures,
  };
}

/**
 * An index over highlights: quote, note, tags, page title, site, entities and the text of
 * their facts; entities by any of their names, figures by value.
 */
export function createHighlightIndex(highlights: readonly Highlight[], options: SearchOptions = {}): SearchIndex<Highlight, HighlightField> {
  return createIndex(highlights, HIGHLIGHT_WEIGHTS, highlightParts, highlightCache, options);
}

/** An index over facts: their sentence, figure, source title and site, and entities. */
export function createFactIndex(facts: readonly Fact[], options: SearchOptions = {}): SearchIndex<Fact, FactField> {
  return createIndex(facts, FACT_WEIGHTS, factParts, factCache, options);
}

/** One-off search; build an index with createHighlightIndex when searching the same list repeatedly. */
export function searchHighlights(highlights: readonly Highlight[], query: string, options?: SearchOptions): SearchHit<Highlight, HighlightField>[] {
  return createHighlightIndex(highlights, options).search(query);
}

/** One-off search over facts. */
export function searchFacts(facts: readonly Fact[], query: string, options?: SearchOptions): SearchHit<Fact, FactField>[] {
  return createFactIndex(facts, options).search(query);
}
