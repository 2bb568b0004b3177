import type { EntityId, Fact, Period } from '../types';
import { roundSignificant } from './decimal';
import { endsOverlap, overlapping, spanOf, yearBounds, type YearBounds } from './fact-years';
import { linkAction } from './link-action';
import { decimalLength, digitsOf, LinkIndex, NO_YEAR, Roundings } from './link-index';
import type { FactGroup } from './types';

/**
 * Linking facts across outlets. Two facts state the same thing when they count the same
 * unit with the same action (lib/facts/actions.ts already maps "closed", 关闭 and 關閉
 * to one action, and keeps different acts apart), values equal the way journalists
 * round (66,600 ≈ 67,000; 1,410,900 ≈ 1.4 million), the same year (from the period, or
 * else the day, or else the publication date: fact-years.ts), periods that overlap when
 * both give one, and, when both name platforms, a platform in common (Weibo's 1,000
 * closed accounts are not Douyin's). An article is one source, however often it repeats
 * a figure.
 */

/**
 * Rounding is read from the less precise figure: "67,000" has two significant digits,
 * so 66,600 is compared at two. A qualifier allows rounding one way: "over 66,000" may
 * stand for 66,600 (rounded down), "nearly 8,000" for 7,600 (rounded up). The two values
 * must also lie within 10% of each other, so one-digit figures ("100,000") do not swallow
 * everything from 50,000 to 149,999.
 */
export function sameQuantity(a: { value: number; qualifier?: string }, b: { value: number; qualifier?: string }): boolean {
  return quantitiesMatch(a, digitsOf(a.value), b, digitsOf(b.value));
}

/** sameQuantity with each value's significant digits already counted (any numbers: toPrecision's rounding). */
function quantitiesMatch(a: { value: number; qualifier?: string }, da: number, b: { value: number; qualifier?: string }, db: number): boolean {
  if (a.value === b.value) return true;
  // This also refuses zero, negative and NaN values: none is within 10 % of another value.
  if (!(Math.abs(a.value - b.value) <= 0.1 * Math.max(a.value, b.value))) return false;
  const [rough, precise] = da <= db ? [a, b] : [b, a];
  const digits = Math.min(da, db);
  if (roundSignificant(precise.value, digits) === rough.value) return true;
  if ((rough.qualifier === 'more than' || rough.qualifier === 'at least') && roundSignificant(precise.value, digits, 'down') === rough.value) return true;
  if ((rough.qualifier === 'nearly' || rough.qualifier === 'up to' || rough.qualifier === 'less than') && roundSignificant(precise.value, digits, 'up') === rough.value) return true;
  return false;
}

export { overlapping };

/** The article a fact comes from: one source, however many times it states the figure. */
export const articleOf = (f: Pick<Fact, 'source'>): string => f.source.url;

const PLATFORM_BITS: Readonly<Record<string, number>> = { wechat: 1, douyin: 2, weibo: 4, kuaishou: 8 };

/**
 * What linking compares, worked out once per fact rather than once per comparison, and
 * kept in columns (typed arrays of numbers, arrays of the facts' own strings) rather than
 * an object per fact: 15,000 facts make 15,000 objects that live as long as linking does,
 * and collecting them was a quarter of its time.
 */
class FactTable {
  readonly facts: readonly Fact[];
  /** The act linking compares (link-action.ts). */
  readonly acts: string[];
  readonly firstYear: Int32Array;
  readonly lastYear: Int32Array;
  /** The span's ends (spanOf): absent ends, or no span, overlap everything. */
  readonly from: (string | undefined)[];
  readonly to: (string | undefined)[];
  /** The platforms named, one bit each. */
  readonly platforms: Uint8Array;
  /** Significant digits, and for whole numbers the digits written (66600: 3 and 5). */
  readonly digits: Uint8Array;
  readonly length: Uint8Array;

  constructor(facts: readonly Fact[]) {
    const n = facts.length;
    this.facts = facts;
    this.acts = new Array<string>(n);
    this.firstYear = new Int32Array(n);
    this.lastYear = new Int32Array(n);
    this.from = new Array<string | undefined>(n);
    this.to = new Array<string | undefined>(n);
    this.platforms = new Uint8Array(n);
    this.digits = new Uint8Array(n);
    this.length = new Uint8Array(n);
  }

  private readonly years: YearBounds = { first: NO_YEAR, last: NO_YEAR };

  /**
   * Works out row `i`. Linking compares a fact only with facts before it, so rows are
   * filled as linking reaches them, and linking can stop between any two facts.
   */
  fill(i: number): void {
    const f = this.facts[i]!;
    const years = this.years;
    this.acts[i] = linkAction(f.action, f.unit);
    if (yearBounds(f, years)) {
      this.firstYear[i] = years.first;
      this.lastYear[i] = years.last;
    } else this.firstYear[i] = this.lastYear[i] = NO_YEAR;
    const period = f.period && (f.period.from || f.period.to) ? f.period : undefined;
    this.from[i] = period ? period.from : f.date;
    this.to[i] = period ? period.to : f.date;
    let bits = 0;
    for (const e of f.entities) bits |= PLATFORM_BITS[e] ?? 0;
    this.platforms[i] = bits;
    this.digits[i] = digitsOf(f.value);
    this.length[i] = Number.isSafeInteger(f.value) && f.value > 0 ? decimalLength(f.value) : 0;
  }

  /** Whether facts i and j state the same quantity about the same thing (see the top of this file). */
  same(i: number, j: number): boolean {
    const a = this.facts[i]!;
    const b = this.facts[j]!;
    if (a.id === b.id) return false;
    if (a.unlinked?.includes(b.id) || b.unlinked?.includes(a.id)) return false;
    if (a.unit !== b.unit || this.acts[i] !== this.acts[j]) return false;
    // Two unknown years agree; an unknown never agrees with a known one.
    const ai = this.firstYear[i]!;
    const bi = this.firstYear[j]!;
    if ((ai === NO_YEAR) !== (bi === NO_YEAR)) return false;
    if (ai > this.lastYear[j]! || bi > this.lastYear[i]!) return false;
    if (!endsOverlap(this.from[i], this.to[i], this.from[j], this.to[j])) return false;
    const pa = this.platforms[i]!;
    const pb = this.platforms[j]!;
    if (pa !== 0 && pb !== 0 && (pa & pb) === 0) return false;
    if (a.value === b.value) return true;
    return this.digits[i]! <= this.digits[j]! ? this.roundsTo(j, i) : this.roundsTo(i, j);
  }

  /** Whether the less precise figure `rough` is the more precise one, `precise`, rounded as written. */
  private roundsTo(precise: number, rough: number): boolean {
    const p = this.facts[precise]!;
    const r = this.facts[rough]!;
    return this.length[precise]! > 0
      ? wholeQuantitiesMatch(r, p, this.digits[rough]!, this.length[precise]!)
      : quantitiesMatch(r, this.digits[rough]!, p, this.digits[precise]!);
  }
}

/**
 * quantitiesMatch for a precise figure that is a whole number (nearly all are), rounded
 * in integer arithmetic rather than through toPrecision's string: the same roundings
 * (halves up, as toPrecision does), without a string per comparison.
 */
function wholeQuantitiesMatch(rough: { value: number; qualifier?: string }, precise: { value: number }, digits: number, length: number): boolean {
  // The precise value is positive: this also refuses a rough one that is zero, negative or NaN.
  if (!(Math.abs(rough.value - precise.value) <= 0.1 * Math.max(rough.value, precise.value))) return false;
  // The rough figure has no more significant digits than the precise one has digits.
  const step = 10 ** (length - digits);
  const rest = precise.value % step;
  const down = precise.value - rest;
  const up = rest === 0 ? down : down + step;
  if ((2 * rest >= step ? up : down) === rough.value) return true;
  if ((rough.qualifier === 'more than' || rough.qualifier === 'at least') && down === rough.value) return true;
  return (rough.qualifier === 'nearly' || rough.qualifier === 'up to' || rough.qualifier === 'less than') && up === rough.value;
}

/** Whether two facts state the same quantity about the same thing. */
export function sameFact(a: Fact, b: Fact): boolean {
  const table = new FactTable([a, b]);
  table.fill(0);
  table.fill(1);
  return table.same(0, 1);
}

/**
 * Groups facts that state the same thing. Every fact of a group links with every other
 * one, so a pair the user unlinked never shares a group, and 67,000 does not join
 * 76,000 through some fact that is loosely near both. Facts go into the first group that
 * takes them, in the order given; a fact that links with none makes a group of its own.
 * A group lists each article once, at its first fact in the order given; the article's
 * later statements of the same figure are kept as `repeats`, not counted as sources.
 */
export function linkFacts(facts: readonly Fact[]): FactGroup[] {
  const linker = createLinker(facts);
  linker.step(() => true);
  return linker.groups();
}

/** Linking that can stop and go on (the library links 15,000 facts a slice per task). */
export interface Linker {
  /** Links facts, then describes groups, while `timeLeft()` says so; true once all is done. */
  step(timeLeft: () => boolean): boolean;
  /** The groups, once `step` said it is done: linkFacts' answer. */
  groups(): FactGroup[];
}

/** Facts (or groups) worked between two looks at the clock. */
const BETWEEN_CHECKS = 32;

/** linkFacts as a Linker: the same groups, made in as many steps as the caller wants. */
export function createLinker(facts: readonly Fact[]): Linker {
  const table = new FactTable(facts);
  const index = new LinkIndex();
  const keys = new Roundings();
  /** Each group's facts, by their place in `facts`, in the order they joined. */
  const members: number[][] = [];
  const described: FactGroup[] = [];
  let i = 0;
  const linkNext = (): void => {
    table.fill(i);
    const kind = index.kind(facts[i]!.unit, table.acts[i]!);
    const first = table.firstYear[i]!;
    const last = table.lastYear[i]!;
    keys.of(facts[i]!.value);
    let home = -1;
    for (const g of index.candidates(kind, first, last, keys)) {
      if (everyLinks(table, members[g]!, i)) {
        home = g;
        break;
      }
    }
    if (home !== -1) members[home]!.push(i);
    else {
      index.add(members.length, kind, first, last, keys);
      members.push([i]);
    }
    i++;
  };
  return {
    step(timeLeft) {
      for (let n = 1; i < facts.length; n++) {
        linkNext();
        if (n % BETWEEN_CHECKS === 0 && !timeLeft()) return false;
      }
      for (let n = 1; described.length < members.length; n++) {
        described.push(groupOf(facts, members[described.length]!));
        if (n % BETWEEN_CHECKS === 0 && !timeLeft()) return described.length === members.length;
      }
      return true;
    },
    groups() {
      if (i < facts.length || described.length < members.length) throw new Error('createLinker: groups() asked before step() finished');
      return described;
    },
  };
}

function everyLinks(table: FactTable, members: readonly number[], i: number): boolean {
  for (const m of members) if (!table.same(i, m)) return false;
  return true;
}

/** A group's summary: one source per article (its first fact), the rest repeats. */
function groupOf(facts: readonly Fact[], members: readonly number[]): FactGroup {
  const sources: Fact[] = [];
  const repeats: Fact[] = [];
  for (const m of members) {
    const f = facts[m]!;
    const article = articleOf(f);
    let repeat = false;
    // Groups hold a handful of articles: a scan costs less than a Set per group.
    for (const s of sources) if (articleOf(s) === article) { repeat = true; break; }
    (repeat ? repeats : sources).push(f);
  }
  return describeGroup(sources, repeats);
}

/**
 * The fact a group's heading shows: the most precise figure (most significant digits),
 * the first of equals. Its qualifier and its figure as written go with it, so the
 * heading never claims a precision or a certainty no source gave.
 */
export function headlineFact(facts: readonly Fact[]): Fact {
  let best = facts[0]!;
  let most = digitsOf(best.value);
  for (const f of facts) {
    const d = digitsOf(f.value);
    if (d > most) [best, most] = [f, d];
  }
  return best;
}

/** A group's summary from its sources (one per article) and the repeats within them. */
export function describeGroup(facts: Fact[], repeats: Fact[] = []): FactGroup {
  const first = facts[0]!;
  const head = headlineFact(facts);
  const entities: EntityId[] = [];
  let period: Period | undefined;
  for (const f of facts) {
    for (const e of f.entities) if (!entities.includes(e)) entities.push(e);
    const span = spanOf(f);
    if (!span) continue;
    if (!period) period = { ...span };
    else {
      if (span.from && (!period.from || span.from > period.from)) period.from = span.from;
      if (span.to && (!period.to || span.to < period.to)) period.to = span.to;
    }
  }
  return {
    id: first.id,
    facts,
    repeats,
    value: head.value,
    figureText: head.figureText,
    ...(head.qualifier && { qualifier: head.qualifier }),
    ...(first.unit && { unit: first.unit }),
    ...(first.action && { action: first.action }),
    entities,
    ...(period && { period }),
  };
}
