import { hanLeads } from '../text/han-fold';

interface HanFolding {
  lead: Map<string, string>;
  /** Matches exactly the characters that fold, so text without them is passed over at regex speed. */
  pattern: RegExp;
}

let hanFolding: HanFolding | undefined;

function folding(): HanFolding {
  // Stryker disable next-line ConditionalExpression: equivalent; building the table again only costs time.
  if (!hanFolding) {
    const lead = hanLeads();
    // A character class of the folding characters; none of them is special inside [ ].
    // Stryker disable next-line StringLiteral: equivalent; extra characters in the class map to themselves.
    hanFolding = { lead, pattern: new RegExp(`[${[...lead.keys()].join('')}]`, 'gu') };
  }
  return hanFolding;
}

/** Folds traditional and variant Han characters to their group's simplified form; other text is unchanged. */
export function foldHan(text: string): string {
  const { lead, pattern } = folding();
  return text.replace(pattern, (ch) => lead.get(ch) ?? ch);
}

// Stryker disable next-line Regex: equivalent; removing marks one at a time or by runs gives the same text.
const COMBINING_MARKS = /\p{Mn}+/gu;
// Everything that is not a letter or a digit separates words: "self-media",
// "self media" and "self‑media" (non-breaking hyphen) all fold to "self media".
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_SEPARATORS = /[^a-z0-9]+/g;

/**
 * The form both a query and a text are reduced to before comparing:
 * - width and compatibility forms (NFKC): ＣＡＣ → CAC, ｓｅｌｆ → self, ㈠ → (一);
 * - case: CAC → cac;
 * - diacritics, so pinyin with tone marks finds pinyin without: Qīnglǎng → qinglang, lǜ → lu;
 * - traditional and variant Han characters to simplified: 網信辦 → 网信办;
 * - punctuation and spacing to one space.
 */
export function foldForSearch(text: string): string {
  // Most English text is plain ASCII, for which the Unicode steps change nothing;
  // skipping them makes indexing ten thousand highlights several times faster.
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(ASCII_SEPARATORS, ' ').trim();
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFC');
  return foldHan(folded).replace(SEPARATORS, ' ').trim();
}
