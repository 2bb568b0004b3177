/**
 * How much a highlight, fact, page and setting may hold: one table for saving, the store,
 * import and export alike, so that whatever can be saved can be exported and imported back
 * (issue 9: a 108,000-character selection used to make a whole backup unimportable).
 * They also keep a hostile or broken import file from exhausting memory or the UI.
 * Lengths are UTF-16 code units (JavaScript string length).
 */
export const LIMITS = {
  /** Largest import file: far above 10,000 highlights with notes, facts and page texts (≈ 30 MB). */
  maxBytes: 64 * 1024 * 1024,
  /** Most annotations in one import file. */
  maxItems: 100_000,
  /** Quote, note, fact sentence, a selector's quoted text and its context. */
  longText: 100_000,
  /** Titles, outlet and author names. */
  shortText: 2_000,
  /** Ids, entity ids, tags, qualifiers, actions, figures as written. */
  label: 300,
  url: 8_192,
  /** Tags, entities, selectors and facts of one highlight. */
  listItems: 500,
  /**
   * The text kept of a page when its first highlight is saved (the article as
   * lib/page-meta's articleText reads it). A long news article is 5,000–40,000
   * characters and the longest reports we met about 150,000; 200,000 keeps all of
   * those whole while one page's copy stays under about 600 KB (Chinese, UTF-8), so a
   * backup of a few thousand pages still fits the import's file limit. Longer texts
   * (a whole forum thread, an endless feed) are kept up to the cap.
   */
  snapshot: 200_000,
  /** Publication dates and times as a page's metadata writes them. */
  dateText: 64,
} as const;

/** How much the user's own watch-list may hold (lengths in characters: 𠀀 is one). */
export const TERM_LIMITS = {
  label: 60,
  variantsPerTerm: 50,
  variantMin: 2,
  variant: 100,
  terms: 200,
  description: 500,
} as const;
