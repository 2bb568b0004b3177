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

/**
 * The calendar years a fact speaks of, in order: every year its period touches ("from
 * December 2022 to February 2023" is 2022 and 2023), its day's year, or its article's
 * publication year. An open-ended period ("since March 2023") runs to the publication
 * year when that is later. Empty when nothing gives a year.
 */
export function yearsOf(f: Pick<Fact, 'period' | 'date' | 'source'>): number[] {
  const span = spanOf(f);
  const published = publishedYear(f);
  if (!span) return published === undefined ? [] : [published];
  const from = yearOf(span.from);
  const to = yearOf(span.to);
  const first = from ?? to;
  if (first === undefined) return published === undefined ? [] : [published];
  const last = to ?? (published !== undefined && published > first ? published : first);
  const years: number[] = [];
  // A malformed period (to before from) still names its years; a huge one is capped.
  for (let y = Math.min(first, last); y <= Math.max(first, last) && years.length < 50; y++) years.push(y);
  return years;
}

/** Whether two lists of years (as yearsOf gives them) share one; two unknowns agree. */
export function sameYear(a: readonly number[], b: readonly number[]): boolean {
  if (a.length === 0 || b.length === 0) return a.length === b.length;
  return a.some((y) => b.includes(y));
}

/** Whether two periods overlap. A fact without a period is placed by its year instead (sameYear). */
export function overlapping(a: Period | undefined, b: Period | undefined): boolean {
  if (!a || !b) return true;
  // Open ends reach as far as needed; ISO dates compare as strings.
  const startsBeforeEnd = (x: Period, y: Period) => !x.from || !y.to || x.from <= y.to;
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}
