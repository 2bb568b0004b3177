/**
 * The shapes every part of Qinglang Lens agrees on, declared once.
 * A *mention* is what detection finds; a *highlight* is what the user saves;
 * a *fact* is a figure with its context.
 */

import type { FigureUnit, Period } from './schema/types';

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

// The shapes the store keeps (highlights, facts, pages, selectors) are declared once, as
// the schema that checks them (lib/schema); their types are derived from it.
export { FIGURE_UNITS, HIGHLIGHT_COLORS, SCHEMA_VERSION } from './schema/highlight';
export type {
  Fact,
  FigureUnit,
  Highlight,
  HighlightColor,
  PageMeta,
  Period,
  Selector,
  StoredPage,
  TextPositionSelector,
  TextQuoteSelector,
  Tombstone,
} from './schema/types';
