import type { Fact } from '../types';
import { roundSignificant, significantDigits } from './decimal';
import { yearsOf } from './fact-years';
import { linkAction } from './link-action';

/**
 * Where linking looks for a fact's group. Two facts can only link when they count the
 * same unit with the same action, share a year, and one figure is the other rounded the
 * way journalists round (sameQuantity in link.ts): the less precise figure equals the
 * more precise one rounded to the less precise one's significant digits (to nearest, or
 * down or up where a qualifier allows). So every figure has its value and its
 * roundings: its value rounded to each precision up to its own, each way (66,600 →
 * 70,000, 60,000, 67,000, 66,000, 66,600). Two figures can be the same quantity only if
 * one's value is among the other's roundings. Groups are filed under their first fact's
 * unit, action, year and value (and, apart, its roundings); a fact looks up its value
 * among the groups' roundings and its roundings among the groups' values. Each lookup
 * touches the few groups that could take it: linking is near-linear, however densely
 * the values lie. Keys are numbers in a map per unit/action/year, so the index makes
 * no strings per figure.
 */

const MODES = ['nearest', 'down', 'up'] as const;

/** A figure's value and roundings, worked out once per fact (rounding is most of linking's arithmetic). */
export interface QuantityKeys {
  value: number;
  roundings: number[];
}

/** significantDigits, by arithmetic rather than through a string for whole numbers (nearly every figure). */
export function digitsOf(v: number): number {
  if (!(Number.isSafeInteger(v) && v > 0)) return significantDigits(v);
  let n = v;
  while (n % 10 === 0) n /= 10;
  return String(n).length;
}

export function quantityKeys(value: number): QuantityKeys {
  // Zero, negative and non-finite values only ever equal themselves.
  if (!(value > 0 && Number.isFinite(value))) return { value, roundings: [value] };
  const keys: number[] = [];
  if (Number.isSafeInteger(value)) {
    // Whole numbers (nearly every figure) round exactly in integer arithmetic, the same
    // way roundSignificant does (halves upwards).
    const digits = digitsOf(value);
    const length = String(value).length;
    for (let k = 1; k <= digits; k++) {
      const step = 10 ** (length - k);
      const q = value / step;
      // Down and up differ only when the value is not already round at k; nearest is one of them.
      const down = Math.floor(q) * step;
      const up = Math.ceil(q) * step;
      keys.push(down);
      if (up !== down) keys.push(up);
    }
  } else {
    const digits = significantDigits(value);
    for (let k = 1; k <= digits; k++) {
      for (const mode of MODES) {
        const r = roundSignificant(value, k, mode);
        if (!keys.includes(r)) keys.push(r);
      }
    }
  }
  return { value, roundings: keys };
}

/** "accounts|closed|2023": a fact without a year is filed under "?" and meets only others without one. */
export function heads(f: Fact, years: readonly number[] = yearsOf(f)): string[] {
  const head = `${f.unit ?? ''}|${linkAction(f.action, f.unit)}|`;
  return years.length === 0 ? [`${head}?`] : years.map((y) => `${head}${y}`);
}

type Slots = Map<string, Map<number, number[]>>;

function file(slots: Slots, head: string, key: number, group: number): void {
  let byValue = slots.get(head);
  if (!byValue) slots.set(head, (byValue = new Map()));
  const list = byValue.get(key);
  if (list) list.push(group);
  else byValue.set(key, [group]);
}

export class LinkIndex {
  private readonly byValue: Slots = new Map();
  private readonly byRounding: Slots = new Map();
  /** The last lookup that found each group, so a lookup lists a group once without a Set. */
  private readonly seen: number[] = [];
  private lookups = 0;

  /** Files group number `group` under the keys of its first fact. */
  add(group: number, first: Fact, fileAs = heads(first), keys = quantityKeys(first.value)): void {
    for (const head of fileAs) {
      file(this.byValue, head, keys.value, group);
      for (const r of keys.roundings) file(this.byRounding, head, r, group);
    }
  }

  /** The groups `fact` might join, oldest first, each once. */
  candidates(fact: Fact, lookIn = heads(fact), keys = quantityKeys(fact.value)): number[] {
    const found: number[] = [];
    const stamp = ++this.lookups;
    for (const head of lookIn) {
      this.collect(this.byRounding.get(head)?.get(keys.value), stamp, found);
      const values = this.byValue.get(head);
      if (values) for (const r of keys.roundings) this.collect(values.get(r), stamp, found);
    }
    return found.length < 2 ? found : found.sort((a, b) => a - b);
  }

  private collect(list: number[] | undefined, stamp: number, found: number[]): void {
    if (!list) return;
    for (const g of list) {
      if (this.seen[g] === stamp) continue;
      this.seen[g] = stamp;
      found.push(g);
    }
  }
}
