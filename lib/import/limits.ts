/** Upper bounds that keep a hostile or broken file from exhausting memory or the UI. */
export const LIMITS = {
  /** Default largest file: far above 10,000 highlights with notes and facts (≈ 30 MB). */
  maxBytes: 64 * 1024 * 1024,
  /** Default most annotations in one file. */
  maxItems: 100_000,
  /** Quote, note and fact sentence. */
  longText: 100_000,
  /** Titles, author names, figures as written. */
  shortText: 2_000,
  /** Ids, entity ids, tags, qualifiers, actions. */
  label: 300,
  url: 8_192,
  /** Tags, entities, selectors, bodies, targets, facts of one annotation. */
  listItems: 500,
} as const;
