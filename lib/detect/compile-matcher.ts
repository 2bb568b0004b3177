/**
 * Compiles lexicon entries into the tables the scanner walks: a trie over folded,
 * lower-cased characters, flattened into typed arrays, with a 65,536-entry table that
 * says for every raw code unit whether a term can start there. The scanner reads each
 * character of the page once through that table; only where a term can start does it
 * walk the trie, and only where the trie reaches the end of a form does it look at
 * case, token boundaries and context.
 */
import type { Context, EntityEntry, SenseRule } from '../lexicon';
import { BUILTIN_ENTITIES } from '../lexicon';
import { foldTables, IGNORABLE, SPACE, wordCharTable } from '../text';
import { userTermsToEntries, type UserTerms } from './user-terms';

/** One surface form, ready to be checked where the trie says it may end. */
export interface Variant {
  entity: string;
  /** The form folded (case kept), whitespace runs as one space. */
  folded: string;
  /** Capital letters of the form must be capitals in the text. */
  capitals: boolean;
  /** The form ends in a Latin-script word character, so the text must not continue the word. */
  boundaryAfter: boolean;
  notPrecededBy?: RegExp;
  notFollowedBy?: RegExp;
  onlyIn?: readonly Context[];
  /** Context decides whether a use of this form means the entity (lib/detect/senses.ts). */
  sense?: SenseRule;
  /** The acronym this form spells out, for the page's record of definitions. */
  defines?: string;
}

/** The compiled tables; the scanner's business, not the caller's. */
export interface CompiledTables {
  /**
   * Raw code unit → what the scanner needs to know about it, packed so the hot loop
   * reads one entry per character:
   * - bit 0 (WORD_BIT): it continues a Latin-script word;
   * - bit 1 (BOUNDARY_BIT): a form may start with it only where no word continues before it;
   * - bits 2+ (>>> STATE_SHIFT): the trie state after reading it as a first character,
   *   `urlState` for characters that may open a web address, 0 for neither.
   */
  start: Int32Array;
  /** A state with no edges and no forms: marks ":" (of "://") and "w" (of "www.") when no form starts with them. */
  urlState: number;
  /** Edges of state s are edgeStart[s] … edgeStart[s + 1] - 1. */
  edgeStart: Int32Array;
  /** Folded, lower-cased character of each edge. */
  edgeCode: Uint16Array;
  edgeTo: Int32Array;
  /** Per state: index into `variants` of the forms that end there, or -1. */
  accepts: Int32Array;
  variants: ReadonlyArray<readonly Variant[]>;
  /** The shared fold table (lib/text), held here so the scanner reads it without a call. */
  foldLower: Uint16Array;
}

export const WORD_BIT = 1;
export const BOUNDARY_BIT = 2;
export const STATE_SHIFT = 2;

/** What the UI needs to show an entity: everything but its forms. */
export type EntityInfo = Omit<EntityEntry, 'forms'> & {
  /** False for the user's own terms. */
  builtin: boolean;
};

/** A user term the matcher could not use, with the reason, for the watch-list to show. */
export interface SkippedTerm {
  id: string;
  term: string;
  reason: string;
}

export interface Matcher {
  /** The entities this matcher finds: the enabled built-ins, then the user's own. */
  readonly entities: readonly EntityInfo[];
  readonly skipped: readonly SkippedTerm[];
  readonly tables: CompiledTables;
}

export interface MatcherOptions {
  /** Lexicon entries to match; the built-in entities when absent. */
  entries?: readonly EntityEntry[];
  /** Entity ids turned off in the watch-list (built-in or user). */
  disabled?: ReadonlySet<string> | readonly string[];
  /** The user's own terms. Under a built-in id they add variants to that entity. */
  userTerms?: readonly UserTerms[];
}

export function compileMatcher(options: MatcherOptions = {}): Matcher {
  const disabled = new Set(options.disabled ?? []);
  const builtins = (options.entries ?? BUILTIN_ENTITIES).filter((e) => !disabled.has(e.id));
  const builtinIds = new Set((options.entries ?? BUILTIN_ENTITIES).map((e) => e.id));
  const users = userTermsToEntries(options.userTerms ?? []).filter((e) => !disabled.has(e.id));
  const skipped: SkippedTerm[] = [];

  // The user's forms go in first: where a user term and a built-in form are the same
  // text, the user's choice of entity wins.
  const variants: Variant[] = [];
  for (const entry of [...users, ...builtins]) {
    for (const form of entry.forms) {
      const folded = foldForm(form.text);
      if (folded === '') {
        skipped.push({ id: entry.id, term: form.text, reason: 'has no letters or characters to match' });
        continue;
      }
      variants.push({
        entity: entry.id,
        folded,
        capitals: form.case === 'capitals',
        boundaryAfter: wordCharTable()[folded.charCodeAt(folded.length - 1)] === 1,
        notPrecededBy: form.notPrecededBy,
        notFollowedBy: form.notFollowedBy,
        onlyIn: form.onlyIn,
        sense: form.sense,
        defines: form.defines,
      });
    }
  }

  const entities: EntityInfo[] = [];
  const seen = new Set<string>();
  for (const entry of [...builtins, ...users]) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    const { forms: _forms, ...info } = entry;
    entities.push({ ...info, builtin: builtinIds.has(entry.id) });
  }

  return { entities, skipped, tables: buildTables(variants) };
}

/** Folds a form the way the scanner folds text: case kept, ignorables dropped, one space per run. */
function foldForm(text: string): string {
  const { fold } = foldTables();
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = fold[c] || c;
    if (f === IGNORABLE) continue;
    if (f === SPACE) {
      pendingSpace = out !== '';
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += String.fromCharCode(f);
  }
  return out;
}

/** Root keys of capital first letters are kept apart from lower-case and caseless ones. */
const CAPITAL_ROOT = 0x10000;

/** A capital letter: one that lower-cases to another character (Han characters never do). */
function isCapital(code: number): boolean {
  const ch = String.fromCharCode(code);
  return ch.toLowerCase() !== ch;
}

function buildTables(variants: readonly Variant[]): CompiledTables {
  const { fold, foldLower, changed } = foldTables();
  const word = wordCharTable();
  const lower = (c: number) => foldLower[c] || c;
  const children: Array<Map<number, number>> = [new Map()];
  const ending: Array<Variant[] | undefined> = [undefined];
  const newState = (): number => {
    children.push(new Map());
    ending.push(undefined);
    return children.length - 1;
  };

  // The first character is split by case: a form in any case hangs under both its
  // capital and its lower-case first letter, a `capitals` form under the capital only.
  // So at "state" or "office" the scanner sees at once that no form can start there,
  // although "State Internet Information Office" and "Office of the …" could at
  // "State" and "Office"; both cases are still one state for caseless Han characters.
  for (const v of variants) {
    const f0 = v.folded.charCodeAt(0);
    const key0 = lower(f0);
    // Letters only: Han characters fold too (網 → 网), but script is not case.
    const hasCase = isCapital(f0) || String.fromCharCode(f0).toUpperCase() !== String.fromCharCode(f0);
    const roots: number[] = [];
    if (!hasCase) roots.push(key0);
    else {
      roots.push(key0 | CAPITAL_ROOT);
      if (!v.capitals || key0 === f0) roots.push(key0);
    }
    for (const root of roots) {
      let state = children[0]!.get(root) ?? children[0]!.set(root, newState()).get(root)!;
      for (let k = 1; k < v.folded.length; k++) {
        const key = lower(v.folded.charCodeAt(k));
        state = children[state]!.get(key) ?? children[state]!.set(key, newState()).get(key)!;
      }
      (ending[state] ??= []).push(v);
    }
  }
  // Web addresses are found in the same pass: the scanner must stop at ":" and at a
  // word-initial "w" even when no form starts with them. This state has no edges and no forms.
  const urlState = newState();

  const states = children.length;
  const edgeStart = new Int32Array(states + 1);
  let edges = 0;
  for (let s = 0; s < states; s++) {
    edgeStart[s] = edges;
    edges += s === 0 ? 0 : children[s]!.size;
  }
  edgeStart[states] = edges;
  const edgeCode = new Uint16Array(edges);
  const edgeTo = new Int32Array(edges);
  for (let s = 1; s < states; s++) {
    let e = edgeStart[s]!;
    for (const [code, to] of children[s]!) {
      edgeCode[e] = code;
      edgeTo[e] = to;
      e++;
    }
  }

  const accepts = new Int32Array(states).fill(-1);
  const variantLists: Variant[][] = [];
  for (let s = 0; s < states; s++) {
    const list = ending[s];
    if (list) {
      accepts[s] = variantLists.length;
      variantLists.push(list);
    }
  }

  const start = new Int32Array(0x10000);
  start.set(word);
  // Every raw code unit that folds to a first character: the character itself and the
  // variants the fold tables list (Ｃ, ç, ...), found without scanning all 65,536.
  const raws = new Map<number, number[]>();
  const rootOf = (c: number): number => {
    const key = lower(c);
    return isCapital(fold[c] || c) ? key | CAPITAL_ROOT : key;
  };
  for (const root of children[0]!.keys()) {
    const key = root & 0xffff;
    if (foldLower[key] === 0) raws.set(key, [key]);
    const upper = String.fromCharCode(key).toUpperCase();
    if (upper.length === 1 && upper.charCodeAt(0) !== key) raws.set(key, [key, upper.charCodeAt(0)]);
  }
  for (const c of changed) raws.get(lower(c))?.push(c);
  for (const [key, codes] of raws) {
    for (const c of new Set(codes)) {
      const state = children[0]!.get(rootOf(c));
      if (state !== undefined) start[c] = start[c]! | (word[key]! << 1) | (state << STATE_SHIFT);
    }
  }
  for (const c of [0x3a, 0x77, 0x57]) {
    if (start[c]! >>> STATE_SHIFT === 0) start[c] = start[c]! | (word[c]! << 1) | (urlState << STATE_SHIFT);
  }

  return { start, urlState, edgeStart, edgeCode, edgeTo, accepts, variants: variantLists, foldLower };
}
