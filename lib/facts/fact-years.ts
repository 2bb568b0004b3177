import type { Fact, Period } from '../types';

/**
 * When a fact happened, as linking and ranking need it. The period the sentence gives
 * decides, or else the day it names, or else the day the article was published: a
 * report published in March 2024 without a period speaks of 2024 (or of the year before
 * it, which the period would have said). A fact with none of these has no year, and
 * links only with others that have none: it cannot be shown to be the same year.
 */

/** The span the sentence itself states: its period, or else its one day. */
export function spanOf(f: Pick<Fact, 'period' | 'date'>): Period | undefined {
  if (f.period && (f.period.from || f.period.to)) return f.period;
  if (f.date) return { from: f.date, to: f.date };
  return undefined;
}

/** The year of an ISO date ("2023-05-22" → 2023); read by character codes, since linking asks for every fact. */
function yearOf(iso: string | undefined): number | undefined {
  if (!iso || iso.length < 5 || iso.charCodeAt(4) !== 45 /* - */) return undefined;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = iso.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    year = year * 10 + d;
  }
  return year;
}

/** The publication year of the fact's article, when its page says. */
export function publishedYear(f: Pick<Fact, 'source'>): number | undefined {
  return yearOf(f.source.published);
}

/** The first and last year a fact speaks of (yearsOf lists every year between them). */
export interface YearBounds {
  first: number;
  last: number;
}

/**
 * The calendar years a fact speaks of, as a range: every year its period touches ("from
 * December 2022 to February 2023" is 2022 to 2023), its day's year, or its article's
 * publication year. An open-ended period ("since March 2023") runs to the publication
 * year when that is later. Written into `into` rather than returned, since linking asks
 * for every fact; false, with `into` untouched, when nothing gives a year.
 */
export function yearBounds(f: Pick<Fact, 'period' | 'date' | 'source'>, into: YearBounds): boolean {
  const period = f.period && (f.period.from || f.period.to) ? f.period : undefined;
  const spanFrom = period ? period.from : f.date;
  const spanTo = period ? period.to : f.date;
  const published = publishedYear(f);
  const from = yearOf(spanFrom);
  const to = yearOf(spanTo);
  const first = from ?? to;
  if (first === undefined) {
    if (published === undefined) return false;
    into.first = into.last = published;
    return true;
  }
  const last = to ?? (published !== undefined && published > first ? published : first);
  // A malformed period (to before from) still names its years; a huge one is capped.
  into.first = Math.min(first, last);
  into.last = Math.min(Math.max(first, last), into.first + MAX_YEARS - 1);
  return true;
}

const MAX_YEARS = 50;

/** The calendar years a fact speaks of, in order (yearBounds as a list); empty when nothing gives a year. */
export function yearsOf(f: Pick<Fact, 'period' | 'date' | 'source'>): number[] {
  const bounds = { first: 0, last: 0 };
  if (!yearBounds(f, bounds)) return [];
  const years: number[] = [];
  for (let y = bounds.first; y <= bounds.last; y++) years.push(y);
  return years;
}

/** Whether two lists of years (as yearsOf gives them) share one; two unknowns agree. */
export function sameYear(a: readonly number[], b: readonly number[]): boolean {
  if (a.length === 0 || b.length === 0) return a.length === b.length;
  return a.some((y) => b.includes(y));
}

/** Whether two periods overlap. A fact without a period is placed by its year instead (sameYear). */
export function overlapping(a: Period | undefined, b: Period | undefined): boolean {
  return !a || !b || endsOverlap(a.from, a.to, b.from, b.to);
}

/**
 * overlapping() on the ends themselves, for linking, which keeps them apart from their
 * facts: an end that is not given reaches as far as needed; ISO dates compare as strings.
 */
export function endsOverlap(aFrom: string | undefined, aTo: string | undefined, bFrom: string | undefined, bTo: string | undefined): boolean {
  return (!aFrom || !bTo || aFrom <= bTo) && (!bFrom || !aTo || bFrom <= aTo);
}
