import type { Fact } from '../types';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** The YYYY-MM-DD day an ISO date or date-time string starts with, if it starts with one. */
export function isoDay(value: string | undefined): string | undefined {
  const m = value?.match(ISO_DAY);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * The calendar day of a timestamp as the user sees it. `utcOffsetMinutes` is the
 * user's offset east of UTC (480 in Beijing); the caller passes it so this stays
 * pure and a highlight saved at 07:00 in Beijing counts for that day, not the day before.
 */
export function dayOfTimestamp(ms: number, utcOffsetMinutes = 0): string {
  return new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** When a fact happened, and what that is based on. */
export interface FactSpan {
  /** First day (YYYY-MM-DD). */
  from: string;
  /** Last day (YYYY-MM-DD), same as `from` for one day. */
  to: string;
  /** `period`/`date`: stated in the sentence; `published`: only the article's date is known. */
  basis: 'period' | 'date' | 'published';
}

/**
 * The days a fact speaks of: its period (an open end takes the other end), else the
 * one day it names, else the day its source was published, else nothing.
 */
export function factSpan(fact: Fact): FactSpan | undefined {
  const from = isoDay(fact.period?.from);
  const to = isoDay(fact.period?.to);
  if (from || to) {
    const a = from ?? to ?? '';
    const b = to ?? from ?? '';
    return a <= b ? { from: a, to: b, basis: 'period' } : { from: b, to: a, basis: 'period' };
  }
  const date = isoDay(fact.date);
  if (date) return { from: date, to: date, basis: 'date' };
  const published = isoDay(fact.source.published);
  if (published) return { from: published, to: published, basis: 'published' };
  return undefined;
}
