import type { EntityId } from '../types';

/** A short text in both languages the extension speaks. */
export interface Bilingual {
  en: string;
  zh: string;
}

/**
 * How letter case decides a match.
 * - `any`: case does not matter (brand names and common nouns: WeChat, wechat, WECHAT).
 * - `capitals`: every capital letter of the form must be a capital in the text; its
 *   lower-case letters may be either, so Title Case and ALL-CAPS headlines still match.
 *   "CAC" matches only CAC; "Clear and Bright" matches "Clear And Bright" but not
 *   "clear and bright".
 */
export type CaseRule = 'any' | 'capitals';

/**
 * A context a form is found in. Both parts are tested on the folded text around the
 * match (see lib/text/fold.ts: ＂ “ ” are ", ’ is ', every space is one U+0020, every
 * dash is -, ignorable marks dropped; case kept): `precededBy` against the 24
 * characters that end where the match starts (write it ending in `$`), `followedBy`
 * against the 24 that start where it ends (write it starting with `^`).
 */
export interface Context {
  precededBy?: RegExp;
  followedBy?: RegExp;
}

/** One way a page writes an entity's name. */
export interface SurfaceForm {
  /** As written; folded like the text before matching, so "Qīnglǎng" and "ＣＡＣ" are fine. A space matches any run of spaces. */
  text: string;
  /** Default `any`. */
  case?: CaseRule;
  /** Not a mention when the text before it matches (a local office: 北京市网信办). */
  notPrecededBy?: RegExp;
  /** Not a mention when the text after it matches (the Paris index: CAC 40). */
  notFollowedBy?: RegExp;
  /** A mention only in one of these contexts ("Clear and Bright" only where it names the campaign). */
  onlyIn?: readonly Context[];
  /**
   * The form is also an everyday word or another body's acronym (快手, 清朗, bare CAC):
   * the passage and the page decide which sense a use of it has (lib/detect/senses.ts).
   */
  sense?: SenseRule;
  /** The form spells out an acronym of its entity ("Cyberspace Administration of China (CAC)" defines CAC). */
  defines?: string;
}

/** Which way a cue points: the entity's sense, or another. */
export type Sense = 'entity' | 'other';

/**
 * A cue right next to an ambiguous word, tested like a Context (folded text, 24
 * characters each side). The first cue that matches decides.
 */
export interface NearCue extends Context {
  sense: Sense;
  /** What the cue shows, for explanations: "a dish (快手菜)", "a stock index name". */
  label: string;
  /** The cue also tells what the word means on the whole page (an index name, a definition). */
  defines?: boolean;
}

/** Words in a sentence or passage that support one sense. */
export interface CueWords {
  sense: Sense;
  /** "cooking", "the platforms", "stock markets": for explanations. */
  label: string;
  /** Matches the cue words (global flag: every match counts once per distinct word). */
  words: RegExp;
}

/**
 * How context decides an ambiguous form. In order: a near cue; for an acronym, what
 * the passage or the page defines it as; the cue words of its sentence, then of its
 * block and the block before; what the page shows (the senses found for the same word
 * elsewhere on it, the entities it names); else `fallback`.
 */
export interface SenseRule {
  /** Short name of the entity's sense, for explanations: "the platform Kuaishou". */
  meaning: string;
  near: readonly NearCue[];
  cues: readonly CueWords[];
  /**
   * Cue words may only take the word for the entity, not reject it. For 清朗, whose
   * adjective sense appears in campaign articles too ("营造清朗网络空间"): only near cues
   * say "adjective"; a passage about the campaign says "campaign".
   */
  cuesOnlyFor?: Sense;
  /**
   * Cue words are written folded (simplified, lower-case, as a user's terms are): fold
   * the passage before reading it. Built-in cues list both scripts and need no folding.
   */
  foldPassage?: boolean;
  /** Entities whose unambiguous mention on the page shows that the page is about this one's world. */
  pageEntities: readonly string[];
  fallback: Sense;
  /** An acronym: bracketed definitions on the page decide ("食品法典委员会（CAC）"). */
  acronym?: {
    /** An expansion that means the entity ("Cyberspace Administration", "国家互联网信息办公室"). */
    entityExpansion: RegExp;
  };
}

/** One thing the lens watches for: a built-in entity or one of the user's own terms. */
export interface EntityEntry {
  id: EntityId;
  label: Bilingual;
  /** A plain-language sentence or two for hover cards. */
  description: Bilingual;
  /** Solid sRGB hex (#rrggbb); marks paint it translucent, so it must read on light and dark pages. */
  color: string;
  forms: readonly SurfaceForm[];
}
