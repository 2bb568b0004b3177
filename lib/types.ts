/**
 * The shapes every part of Qinglang Lens agrees on, declared once.
 * A *mention* is what detection finds; a *highlight* is what the user saves;
 * a *fact* is a figure with its context.
 */

/** The seven built-in entities (★ contract in DESIGN.md). */
export const ENTITY_IDS = ['cac', 'self-media', 'wechat', 'douyin', 'weibo', 'kuaishou', 'qinglang'] as const;
export type BuiltinEntityId = (typeof ENTITY_IDS)[number];
/** A built-in id, or the id of one of the user's own watch-list terms. */
export type EntityId = BuiltinEntityId | (string & {});

/** One occurrence of a tracked entity in a text. Offsets are UTF-16 indices into the original text. */
export interface Mention {
  entity: EntityId;
  start: number;
  end: number;
  /** `text === source.slice(start, end)` */
  text: string;
}

/** What a figure counts: one list, which every view, editor and export takes its units from. */
export const FIGURE_UNITS = ['accounts', 'posts', 'people', 'clues', 'days', 'platforms', 'cases', 'items'] as const;
export type FigureUnit = (typeof FIGURE_UNITS)[number];

/** A quantity a sentence states about a campaign. */
export interface Figure {
  start: number;
  end: number;
  text: string;
  /** Plain number, exact to the digits written (141.09萬 → 1410900). */
  value: number;
  unit?: FigureUnit;
  /** Normalised qualifier: 'more than' | 'nearly' | 'around' | 'at least' | … */
  qualifier?: string;
}

/** ISO dates (YYYY-MM-DD); either end may be open. */
export interface Period {
  from?: string;
  to?: string;
}

/** A sentence that carries campaign figures, as found in a text (before the user saves it). */
export interface FactCandidate {
  start: number;
  end: number;
  /** The whole sentence. */
  text: string;
  entities: EntityId[];
  figures: Figure[];
  /** Normalised action verb: 'closed' | 'removed' | 'banned' | 'summoned' | … */
  action?: string;
  /** One day the sentence speaks of (ISO). */
  date?: string;
  period?: Period;
}

/** W3C Web Annotation selectors. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}
export type Selector = TextQuoteSelector | TextPositionSelector;

/** What a researcher needs to cite a page and find it again. */
export interface PageMeta {
  /** Normalised URL: no fragment, no tracking parameters. The store's key for a page. */
  url: string;
  title: string;
  /** Outlet / site name. */
  site?: string;
  author?: string;
  /** Publication date (ISO date or date-time) from the page's metadata. */
  published?: string;
  canonical?: string;
}

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export const SCHEMA_VERSION = 1 as const;

/** A passage the user saved. */
export interface Highlight {
  schemaVersion: typeof SCHEMA_VERSION;
  /** Client-generated (crypto.randomUUID), so a retried save is never saved twice. */
  id: string;
  /** Normalised page URL (see PageMeta.url). */
  url: string;
  page: PageMeta;
  selectors: Selector[];
  /** The quoted text, as selected. */
  quote: string;
  note: string;
  tags: string[];
  color: HighlightColor;
  /** Entities the quote mentions. */
  entities: EntityId[];
  /** Facts extracted from the quote when it was saved. */
  facts: Fact[];
  /** Set when re-anchoring could not find the quote on the page any more. */
  orphaned?: boolean;
  /** ms since epoch */
  created: number;
  updated: number;
}

/** A campaign figure tied to a highlight, with its source. */
export interface Fact {
  id: string;
  highlightId: string;
  /** The sentence it comes from. */
  text: string;
  value: number;
  unit?: FigureUnit;
  qualifier?: string;
  action?: string;
  /** The figure as written ("6.66萬"). */
  figureText: string;
  date?: string;
  period?: Period;
  entities: EntityId[];
  source: PageMeta;
  /** Facts the user unlinked from this one by hand (ids). */
  unlinked?: string[];
  created: number;
}
