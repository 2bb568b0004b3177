import type { Fact } from '../types';
import { factSpan, type FactSpan } from './dates';

export type TimelineUnit = 'month' | 'quarter' | 'year';

export interface TimelineEntry extends FactSpan {
  fact: Fact;
}

export interface TimelineGroup {
  /** "2023-05" (month), "2023-Q2" (quarter) or "2023" (year). */
  key: string;
  unit: TimelineUnit;
  entries: TimelineEntry[];
}

export interface Timeline {
  groups: TimelineGroup[];
  /** Facts with no period, date or publication date. */
  undated: Fact[];
}

function keyOf(day: string, unit: TimelineUnit): string {
  const year = day.slice(0, 4);
  if (unit === 'year') return year;
  const month = Number(day.slice(5, 7));
  if (unit === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return day.slice(0, 7);
}

/**
 * Facts placed on a timeline by when they happened. A fact goes under the period it
 * starts in (a campaign from 10 March to 22 May is a March fact, shown with its whole
 * span), so each fact appears once. Groups and entries run oldest first unless
 * `order` is 'desc'.
 */
export function timelineOf(
  facts: readonly Fact[],
  { unit = 'month', order = 'asc' }: { unit?: TimelineUnit; order?: 'asc' | 'desc' } = {},
): Timeline {
  const groups = new Map<string, TimelineGroup>();
  const undated: Fact[] = [];
  for (const fact of facts) {
    const span = factSpan(fact);
    if (!span) {
      undated.push(fact);
      continue;
    }
    const key = keyOf(span.from, unit);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, unit, entries: [] }));
    group.entries.push({ fact, ...span });
  }
  const sign = order === 'asc' ? 1 : -1;
  const byKey = (a: string, b: string) => (a < b ? -sign : a > b ? sign : 0);
  const sorted = [...groups.values()].sort((a, b) => byKey(a.key, b.key));
  for (const g of sorted) g.entries.sort((a, b) => byKey(a.from, b.from) || byKey(a.to, b.to));
  return { groups: sorted, undated };
}
