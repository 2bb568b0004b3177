import type { Fact, Period } from '../types';
import { roundSignificant } from './decimal';
import { overlapping, sameYear, spanOf, yearsOf } from './fact-years';
import { linkAction } from './link-action';
import { digitsOf, heads, LinkIndex, quantityKeys } from './link-index';
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

const PLATFORMS = new Set(['wechat', 'douyin', 'weibo', 'kuaishou']);

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

/** sameQuantity with each value's significant digits already counted. */
function quantitiesMatch(a: { value: number; qualifier?: string }, da: number, b: { value: number; qualifier?: string }, db: number): boolean {
  if (a.value === b.value) return true;
  if (!(a.value > 0 && b.value > 0)) return false;
  if (Math.abs(a.value - b.value) > 0.1 * Math.max(a.value, b.value)) return false;
  const [rough, precise] = da <= db ? [a, b] : [b, a];
  const digits = Math.min(da, db);
  if (roundSignificant(precise.value, digits) === rough.value) return true;
  if ((rough.qualifier === 'more than' || rough.qualifier === 'at least') && roundSignificant(precise.value, digits, 'down') === rough.value) return true;
  if ((rough.qualifier === 'nearly' || rough.qualifier === 'up to' || rough.qualifier === 'less than') && roundSignificant(precise.value, digits, 'up') === rough.value) return true;
  return false;
}

/**
 * Actions link only when they are the same action. The action table decides what is one
 * act in both languages; linking adds no families on top, so "closed" never links with
 * "removed", nor "acted on" (处置) with "closed". A fact without an action links only with
 * others without one.
 */
export function compatibleActions(a: string | undefined, b: string | undefined, unit?: string): boolean {
  return linkAction(a, unit) === linkAction(b, unit);
}


export { overlapping };

/** The article a fact comes from: one source, however many times it states the figure. */
export const articleOf = (f: Pick<Fact, 'source'>): string => f.source.url;

/** What linking compares, worked out once per fact rather than once per comparison. */
interface Prepared {
  fact: Fact;
  years: number[];
  span: Period | undefined;
  platforms: string[];
  digits: number;
}

function prepare(fact: Fact): Prepared {
  return { fact, years: yearsOf(fact), span: spanOf(fact), platforms: fact.entities.filter((e) => PLATFORMS.has(e)), digits: digitsOf(fact.value) };
}

function samePrepared(pa: Prepared, pb: Prepared): boolean {
  const a = pa.fact;
  const b = pb.fact;
  if (a.unlinked?.includes(b.id) || b.unlinked?.includes(a.id)) return false;
  if (a.unit !== b.unit) return false;
  if (!compatibleActions(a.action, b.action, a.unit)) return false;
  if (!sameYear(pa.years, pb.years)) return false;
  if (!overlapping(pa.span, pb.span)) return false;
  if (pa.platforms.length > 0 && pb.platforms.length > 0 && !pa.platforms.some((e) => pb.platforms.includes(e))) return false;
  return quantitiesMatch(a, pa.digits, b, pb.digits);
}

/** Whether two facts state the same quantity about the same thing. */
export function sameFact(a: Fact, b: Fact): boolean {
  return samePrepared(prepare(a), prepare(b));
}

interface Building {
  sources: Fact[];
  repeats: Fact[];
  members: Prepared[];
  articles: Set<string>;
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
  const groups: Building[] = [];
  const index = new LinkIndex();
  for (const fact of facts) {
    const p = prepare(fact);
    const keys = quantityKeys(fact.value);
    const fileAs = heads(fact, p.years);
    let home: Building | undefined;
    for (const i of index.candidates(fact, fileAs, keys)) {
      const g = groups[i]!;
      if (g.members.every((other) => other.fact.id !== fact.id && samePrepared(p, other))) {
        home = g;
        break;
      }
    }
    if (home) {
      home.members.push(p);
      const article = articleOf(fact);
      if (home.articles.has(article)) home.repeats.push(fact);
      else {
        home.articles.add(article);
        home.sources.push(fact);
      }
    } else {
      index.add(groups.length, fact, fileAs, keys);
      groups.push({ sources: [fact], repeats: [], members: [p], articles: new Set([articleOf(fact)]) });
    }
  }
  return groups.map((g) => describeGroup(g.sources, g.repeats));
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
