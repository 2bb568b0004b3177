import type { EntityId, Fact, FigureUnit, Period } from '../types';

/**
 * Facts that state the same quantity about the same thing, usually in different outlets
 * ("closed 67,000 accounts" and "永久關閉賬號6.66萬餘個"): one fact with several sources.
 */
export interface FactGroup {
  /** The id of the group's first fact (stable while that fact is kept). */
  id: string;
  /** In the order they were given; never empty. */
  facts: Fact[];
  /** The most precise value stated (the one with the most significant digits). */
  value: number;
  unit?: FigureUnit;
  /** The most specific action stated ('closed' over 'dealt with'). */
  action?: string;
  /** Every entity any of the facts names, in first-seen order. */
  entities: EntityId[];
  /** The span the group's periods and dates share, where any give one. */
  period?: Period;
}
