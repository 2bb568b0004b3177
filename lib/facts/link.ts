import type { Fact, Period } from '../types';
import { roundSignificant, significantDigits } from './decimal';
import type { FactGroup } from './types';

/**
 * Linking facts across outlets. Two facts state the same thing when they count the same
 * unit, with compatible actions, values equal the way journalists round (66,600 ≈ 67,000;
 * 1,410,900 ≈ 1.4 million), periods that overlap (or are not given), and, when both name
 * platforms, a platform in common (Weibo's 1,000 closed accounts are not Douyin's).
 */

/** Actions that name the same outcome in different words. */
const ACTION_FAMILY: Record<string, string> = {
  closed: 'shut', banned: 'shut', removed: 'shut', cleared: 'shut',
  suspended: 'restricted',
  targeted: 'found', identified: 'found', investigated: 'found', accused: 'found', exposed: 'found',
  summoned: 'summoned', referred: 'referred', rectified: 'rectified',
};
/** Actions general enough to cover any sanction ("dealt with" 处置, "penalised" 处罚). */
const GENERAL_SANCTIONS = new Set(['penalised', 'dealt with']);
const SANCTION_FAMILIES = new Set(['shut', 'restricted']);
const PLATFORMS = new Set(['wechat', 'douyin', 'weibo', 'kuaishou']);

/**
 * Rounding is read from the less precise figure: "67,000" has two significant digits,
 * so 66,600 is compared at two. A qualifier allows rounding one way: "over 66,000" may
 * stand for 66,600 (rounded down), "nearly 8,000" for 7,600 (rounded up). The two values
 * must also lie within 10% of each other, so one-digit figures ("100,000") do not swallow
 * everything from 50,000 to 149,999.
 */
export function sameQuantity(a: { value: number; qualifier?: string }, b: { value: number; qualifier?: string }): boolean {
  if (a.value === b.value) return true;
  if (!(a.value > 0 && b.value > 0)) return false;
  if (Math.abs(a.value - b.value) > 0.1 * Math.max(a.value, b.value)) return false;
  const [rough, precise] = significantDigits(a.value) <= significantDigits(b.value) ? [a, b] : [b, a];
  const digits = significantDigits(rough.value);
  if (roundSignificant(precise.value, digits) === rough.value) return true;
  if ((rough.qualifier === 'more than' || rough.qualifier === 'at least') && roundSignificant(precise.value, digits, 'down') === rough.value) return true;
  if ((rough.qualifier === 'nearly' || rough.qualifier === 'up to' || rough.qualifier === 'less than') && roundSignificant(precise.value, digits, 'up') === rough.value) return true;
  return false;
}

export function compatibleActions(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a === b) return true;
  const fa = ACTION_FAMILY[a];
  const fb = ACTION_FAMILY[b];
  if (fa && fa === fb) return true;
  const sanction = (x: string, f: string | undefined) => GENERAL_SANCTIONS.has(x) || (f !== undefined && SANCTION_FAMILIES.has(f));
  return (GENERAL_SANCTIONS.has(a) && sanction(b, fb)) || (GENERAL_SANCTIONS.has(b) && sanction(a, fa));
}

function spanOf(f: Pick<Fact, 'period' | 'date'>): Period | undefined {
  if (f.period && (f.period.from || f.period.to)) return f.period;
  if (f.date) return { from: f.date, to: f.date };
  return undefined;
}

export function overlapping(a: Period | undefined, b: Period | undefined): boolean {
  if (!a || !b) return true;
  // Open ends reach as far as needed; ISO dates compare as strings.
  const startsBeforeEnd = (x: Period, y: Period) => !x.from || !y.to || x.from <= y.to;
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}

/** Whether two facts state the same quantity about the same thing. */
export function sameFact(a: Fact, b: Fact): boolean {
  if (a.unlinked?.includes(b.id) || b.unlinked?.includes(a.id)) return false;
  if (a.unit !== b.unit) return false;
  if (!compatibleActions(a.action, b.action)) return false;
  if (!sameQuantity(a, b)) return false;
  if (!overlapping(spanOf(a), spanOf(b))) return false;
  const pa = a.entities.filter((e) => PLATFORMS.has(e));
  const pb = b.entities.filter((e) => PLATFORMS.has(e));
  if (pa.length > 0 && pb.length > 0 && !pa.some((e) => pb.includes(e))) return false;
  return true;
}

/**
 * Groups facts that state the same thing. Every fact of a group links with every other
 * one, so a pair the user unlinked never shares a group, and 67,000 does not join
 * 76,000 through some fact that is loosely near both. Facts go into the first group that
 * takes them, in the order given; a fact that links with none makes a group of its own.
 */
export function linkFacts(facts: readonly Fact[]): FactGroup[] {
  const groups: Fact[][] = [];
  for (const fact of facts) {
    const home = groups.find((g) => g.every((other) => other.id !== fact.id && sameFact(fact, other)));
    if (home) home.push(fact);
    else groups.push([fact]);
  }
  return groups.map(describeGroup);
}

const GENERALITY = (action: string | undefined) => (!action ? 2 : GENERAL_SANCTIONS.has(action) ? 1 : 0);

function describeGroup(facts: Fact[]): FactGroup {
  const first = facts[0]!;
  const precise = facts.reduce((best, f) => (significantDigits(f.value) > significantDigits(best.value) ? f : best), first);
  const action = facts.reduce((best, f) => (GENERALITY(f.action) < GENERALITY(best.action) ? f : best), first).action;
  const entities = [...new Set(facts.flatMap((f) => f.entities))];
  let period: Period | undefined;
  for (const f of facts) {
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
    value: precise.value,
    ...(first.unit && { unit: first.unit }),
    ...(action && { action }),
    entities,
    ...(period && { period }),
  };
}
