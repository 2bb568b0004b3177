import { roundSignificant, significantDigits } from './decimal';

/**
 * Where linking looks for a fact's group. Two facts can only link when they count the
 * same unit with the same action, share a year, and one figure is the other rounded the
 * way journalists round (sameQuantity in link.ts): the less precise figure equals the
 * more precise one rounded to the less precise one's significant digits (to nearest, or
 * down or up where a qualifier allows). So every figure has its value and its
 * roundings: its value rounded to each precision up to its own, each way (66,600 →
 * 70,000, 60,000, 67,000, 66,000, 66,600). Two figures can be the same quantity only if
 * one's value is among the other's roundings. Groups are filed on a shelf per unit,
 * action and year, under their first fact's value (and, apart, its roundings); a fact
 * looks up its value among the groups' roundings and its roundings among the groups'
 * values. Each lookup touches the few groups that could take it: linking is
 * near-linear, however densely the values lie.
 *
 * Linking 15,000 facts spends more time making and collecting small objects than
 * comparing, so the index makes none per fact: shelves are numbered (unit and action
 * interned once, the year added as a number), each key's groups are a chain through two
 * typed arrays rather than an array per key, and a fact's roundings are worked out once
 * into a reused buffer.
 */

/** significantDigits, by arithmetic rather than through a string for whole numbers (nearly every figure). */
export function digitsOf(v: number): number {
  if (!(Number.isSafeInteger(v) && v > 0)) return significantDigits(v);
  let n = v;
  while (n % 10 === 0) n /= 10;
  return decimalLength(n);
}

/** How many digits a positive whole number is written with (66600 → 5), without a string. */
export function decimalLength(v: number): number {
  let length = 1;
  for (let p = 10; p <= v; p *= 10) length++;
  return length;
}

const MODES = ['nearest', 'down', 'up'] as const;

/** A figure's value and its roundings (the value among them), in a buffer reused from fact to fact. */
export class Roundings {
  value = 0;
  count = 0;
  readonly keys = new Float64Array(3 * 17);

  /** Works out the roundings of `value`: rounding is most of linking's arithmetic, so once per fact. */
  of(value: number): this {
    this.value = value;
    this.count = 0;
    // Zero, negative and non-finite values only ever equal themselves.
    if (!(value > 0 && Number.isFinite(value))) this.keys[this.count++] = value;
    else if (Number.isSafeInteger(value)) {
      // Whole numbers (nearly every figure) round exactly in integer arithmetic, the same
      // way roundSignificant does; down and up differ only where the value is not already
      // round at that precision, and nearest is one of them.
      const digits = digitsOf(value);
      let step = 10 ** (decimalLength(value) - 1);
      for (let k = 1; k <= digits; k++, step /= 10) {
        const down = value - (value % step);
        this.keys[this.count++] = down;
        if (down !== value) this.keys[this.count++] = down + step;
      }
    } else {
      const digits = Math.min(significantDigits(value), 17);
      for (let k = 1; k <= digits; k++) {
        for (const mode of MODES) this.push(roundSignificant(value, k, mode));
      }
    }
    return this;
  }

  private push(r: number): void {
    for (let i = 0; i < this.count; i++) if (this.keys[i] === r) return;
    this.keys[this.count++] = r;
  }
}

/** A figure's value and roundings as a list (for tests and for reading; linking uses Roundings). */
export function quantityKeys(value: number): { value: number; roundings: number[] } {
  const r = new Roundings().of(value);
  return { value, roundings: Array.from(r.keys.subarray(0, r.count)) };
}

/** The year of a fact that has none: such facts share a shelf of their own. */
export const NO_YEAR = -1;
/** Years are read from four digits (fact-years.ts), so a shelf number leaves room for 10,001 of them. */
const YEAR_SLOTS = 10_001;

/** Each key's groups, as a chain: a map gives the key's newest entry, `next` the one before it. */
interface Shelf {
  byValue: Map<number, number>;
  byRounding: Map<number, number>;
}

export class LinkIndex {
  private readonly kinds = new Map<string | undefined, Map<string, number>>();
  private kindCount = 0;
  private readonly shelves = new Map<number, Shelf>();
  private entryGroup = new Int32Array(1024);
  private entryNext = new Int32Array(1024);
  private entries = 0;
  /** The last lookup that found each group, so a lookup lists a group once without a Set. */
  private seen = new Int32Array(1024);
  private lookups = 0;
  private readonly found: number[] = [];

  /** The number of the unit and action's shelves (interned: no string is made per fact). */
  kind(unit: string | undefined, action: string): number {
    let byAction = this.kinds.get(unit);
    if (!byAction) this.kinds.set(unit, (byAction = new Map()));
    let kind = byAction.get(action);
    if (kind === undefined) byAction.set(action, (kind = this.kindCount++));
    return kind;
  }

  /** Files group number `group` on the shelves of its first fact: its kind, each of its years, its value and roundings. */
  add(group: number, kind: number, firstYear: number, lastYear: number, keys: Roundings): void {
    for (let y = firstYear; y <= lastYear; y++) {
      const slot = kind * YEAR_SLOTS + y + 1;
      let shelf = this.shelves.get(slot);
      if (!shelf) this.shelves.set(slot, (shelf = { byValue: new Map(), byRounding: new Map() }));
      this.file(shelf.byValue, keys.value, group);
      for (let i = 0; i < keys.count; i++) this.file(shelf.byRounding, keys.keys[i]!, group);
    }
  }

  /**
   * The groups a fact of this kind, years and quantity might join, oldest first, each
   * once. The list is reused by the next lookup: read it before asking again.
   */
  candidates(kind: number, firstYear: number, lastYear: number, keys: Roundings): readonly number[] {
    const found = this.found;
    found.length = 0;
    const stamp = ++this.lookups;
    for (let y = firstYear; y <= lastYear; y++) {
      const shelf = this.shelves.get(kind * YEAR_SLOTS + y + 1);
      if (!shelf) continue;
      this.collect(shelf.byRounding.get(keys.value), stamp);
      for (let i = 0; i < keys.count; i++) this.collect(shelf.byValue.get(keys.keys[i]!), stamp);
    }
    if (found.length > 1) found.sort((a, b) => a - b);
    return found;
  }

  private file(map: Map<number, number>, key: number, group: number): void {
    if (this.entries === this.entryGroup.length) {
      this.entryGroup = grown(this.entryGroup);
      this.entryNext = grown(this.entryNext);
    }
    const entry = this.entries++;
    this.entryGroup[entry] = group;
    this.entryNext[entry] = map.get(key) ?? -1;
    map.set(key, entry);
    if (group >= this.seen.length) this.seen = grown(this.seen, group + 1);
  }

  private collect(entry: number | undefined, stamp: number): void {
    for (let e = entry ?? -1; e !== -1; e = this.entryNext[e]!) {
      const g = this.entryGroup[e]!;
      if (this.seen[g] === stamp) continue;
      this.seen[g] = stamp;
      this.found.push(g);
    }
  }
}

/** A copy of `a` with room for at least `least` entries (doubling, so filing stays linear). */
function grown(a: Int32Array, least = a.length + 1): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(2 * a.length, least));
  b.set(a);
  return b;
}
