import type { EntityId, Fact, FigureUnit, Period } from '../types';

/**
 * Facts that state the same quantity about the same thing, usually in different outlets
 * ("closed 67,000 accounts" and "永久關閉賬號6.66萬餘個"): one fact with several sources.
 */
export interface FactGroup {
  /** The id of the group's first fact (stable while that fact is kept). */
  id: string;
  /** One per article (its first statement of the figure), in the order they were given; never empty. */
  facts: Fact[];
  /** Later statements of the figure by articles already among `facts`: not further sources. */
  repeats: Fact[];
  /** The most precise value stated (the one with the most significant digits). */
  value: number;
  /** That value as its source wrote it ("6.66萬", "1.4 million"), for a heading that keeps its precision. */
  figureText: string;
  /** The hedge of that source ("more than"), when it gave one. */
  qualifier?: string;
  unit?: FigureUnit;
  /** The action every fact of the group states. */
  action?: string;
  /** Every entity any of the facts names, in first-seen order. */
  entities: EntityId[];
  /** The span the group's periods and dates share, where any give one. */
  period?: Period;
}
