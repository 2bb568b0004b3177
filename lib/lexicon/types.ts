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
  /** A mention only in one of these contexts (bare 清朗 is the campaign only when named as one). */
  onlyIn?: readonly Context[];
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
