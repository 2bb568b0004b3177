/**
 * What a search means, beyond its letters. A researcher who types 网信办 wants every
 * highlight about the CAC, also those that call it "the Cyberspace Administration of
 * China"; one who types 67000 wants the passage that says "67,000" or "6.7万". So a query
 * is read into terms of three kinds:
 * - an entity's name in any language or script (the lexicon's surface forms and labels,
 *   and the user's own watch-list terms): it finds items that mention the entity, by the
 *   entities stored with them, as well as items containing the words;
 * - a figure (digits with separators, decimals, 万/萬/亿/million …, read by lib/facts):
 *   it finds items stating a figure of that value, within the precision written;
 * - any other word or "quoted phrase": found in the folded text, as before.
 */
import { findQuantities } from '../facts/quantities';
import { roundSignificant, significantDigits } from '../facts/decimal';
import { BUILTIN_ENTITIES } from '../lexicon';
import type { EntityId } from '../types';
import { foldForSearch } from './fold';
import { parseQuery } from './query';

/** An entity and every name it goes by (any script; folded before use). */
export interface NamedEntity {
  id: EntityId;
  names: readonly string[];
}

/** Folded name → the entities it names (usually one). */
export type EntityNames = ReadonlyMap<string, readonly EntityId[]>;

/** The names of the built-in entities (every surface form and both labels), plus `extra` (the user's terms). */
export function entityNames(extra: readonly NamedEntity[] = []): EntityNames {
  const byName = new Map<string, EntityId[]>();
  const add = (id: EntityId, name: string) => {
    const folded = foldForSearch(name);
    if (!folded) return;
    const ids = byName.get(folded) ?? [];
    if (!ids.includes(id)) ids.push(id);
    byName.set(folded, ids);
  };
  for (const e of BUILTIN_ENTITIES) {
    add(e.id, e.label.en);
    add(e.id, e.label.zh);
    for (const form of e.forms) add(e.id, form.text);
  }
  for (const e of extra) for (const name of e.names) add(e.id, name);
  return byName;
}

let builtinNames: EntityNames | undefined;
/** The built-in entities' names, built once. */
export function builtinEntityNames(): EntityNames {
  return (builtinNames ??= entityNames());
}

export type QueryTerm =
  /** Found in the folded text of a field. */
  | { kind: 'text'; text: string }
  /** Names an entity: found by the item's entities, or as text. */
  | { kind: 'entity'; text: string; ids: readonly EntityId[] }
  /** A figure: found by value within `digits` significant digits, or as text. */
  | { kind: 'figure'; text: string; value: number; digits: number; written: string };

// A figure written in the query: digits (with separators, decimals, a scale) or Chinese numerals.
function figuresIn(query: string): { start: number; end: number; value: number; written: string }[] {
  // NFKC keeps one character per full-width digit, so offsets still index `query`.
  const plain = query.replace(/[０-９，．]/g, (c) => c.normalize('NFKC'));
  return findQuantities(plain)
    .filter((q) => q.form !== 'words' && q.value > 0)
    .map((q) => ({ start: q.start, end: q.end, value: q.value, written: query.slice(q.start, q.end) }));
}

/**
 * The terms of `query`, every one of which an item must match. Runs of words that
 * together name an entity become one entity term ("Cyberspace Administration of China").
 */
export function readQuery(query: string, names: EntityNames = builtinEntityNames()): QueryTerm[] {
  const terms: QueryTerm[] = [];
  let rest = '';
  let at = 0;
  for (const f of figuresIn(query)) {
    rest += `${query.slice(at, f.start)} `;
    at = f.end;
    terms.push({ kind: 'figure', text: foldForSearch(f.written), value: f.value, digits: significantDigits(f.value), written: f.written });
  }
  rest += query.slice(at);
  const words = parseQuery(rest);
  for (let i = 0; i < words.length; ) {
    let taken = 0;
    // The longest run of words from here that is a name.
    for (let j = words.length; j > i && taken === 0; j--) {
      const phrase = words.slice(i, j).join(' ');
      const ids = names.get(phrase);
      if (ids) {
        terms.push({ kind: 'entity', text: phrase, ids });
        taken = j - i;
      }
    }
    if (taken === 0) {
      terms.push({ kind: 'text', text: words[i]! });
      taken = 1;
    }
    i += taken;
  }
  return terms;
}

/** Whether a stated `value` is the query's figure at the precision the query was written with. */
export function figureMatches(term: { value: number; digits: number }, value: number): boolean {
  // Only a value within half a unit of the last digit written can round to it: every
  // other one is passed over without rounding (a keystroke checks every figure stored).
  const half = 10 ** (Math.floor(Math.log10(term.value)) - term.digits + 1) / 2;
  if (!(Math.abs(value - term.value) <= half * (1 + 1e-9))) return false;
  return value > 0 && roundSignificant(value, term.digits) === term.value;
}

const sameTerm = (a: QueryTerm, b: QueryTerm): boolean =>
  a.kind === b.kind &&
  a.text === b.text &&
  (a.kind !== 'figure' || (b.kind === 'figure' && a.value === b.value && a.digits === b.digits));

/**
 * Whether every item `next` finds is also found by `previous`, so that a search for
 * `next` need only look among `previous`'s matches (the keystroke that extends a word).
 * True when each term of `previous` is in `next` unchanged, or is contained in a plain
 * text term of `next`: an item containing "weib" contains "wei", and so matches "wei"
 * however "wei" was read. A longer word that becomes a name or a figure is not a
 * narrowing ("网信" → "网信办" also finds CAC highlights that never write 网信), nor is
 * a figure that grows ("67" → "67,0" is another value): those search everything again.
 */
export function narrows(previous: readonly QueryTerm[], next: readonly QueryTerm[]): boolean {
  return (
    previous.length > 0 &&
    previous.every((p) => next.some((n) => sameTerm(p, n) || (n.kind === 'text' && n.text.includes(p.text))))
  );
}
