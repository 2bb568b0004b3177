/**
 * Per-character folding for matching: the differences in how a page types a name that
 * do not change what it says (full-width ＣＡＣ, tone marks, curly apostrophes, the
 * dozen kinds of hyphen and space) are folded away one UTF-16 code unit at a time.
 *
 * Folding is one code unit to at most one code unit, never more: that keeps every
 * folded position tied to exactly one original position, so detection can run on the
 * original text through these tables and report offsets into it directly. Characters
 * that carry nothing for matching (combining tone marks, soft hyphens, zero-width
 * spaces) fold to IGNORABLE and are skipped.
 *
 * The tables are built once, on first use, from arithmetic and a few short lists:
 * Unicode normalisation runs only on the Latin ranges (about 900 calls), so loading
 * the content script stays cheap.
 */

/** Folds to nothing: skipped when matching, dropped when normalising. */
export const IGNORABLE = 0;

/** What every kind of whitespace folds to. */
export const SPACE = 0x20;
/** What every kind of hyphen and dash folds to. */
export const HYPHEN = 0x2d;
/** What every kind of middle dot folds to (清朗·2023, 清朗・, 清朗•). */
export const MIDDLE_DOT = 0xb7;

const SPACES = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];
// U+2012–2015 are figure, en and em dashes and the horizontal bar: pages use them as
// hyphens often enough ("self–media") that telling them apart would lose real mentions.
const HYPHENS = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63];
const APOSTROPHES = [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc, 0x00b4, 0x0060];
const DOUBLE_QUOTES = [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb];
const MIDDLE_DOTS = [0x2027, 0x2022, 0x2219, 0x22c5, 0x30fb, 0xff65];
const INVISIBLE = [0x00ad, 0x034f, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];

/** Marks that belong to the letter before them (a\u030c is ǎ): a match or range that ends at the letter takes them along. */
export function isCombiningMark(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0xfe20 && code <= 0xfe2f)
  );
}

export interface FoldTables {
  /** Case kept: ＣＡＣ → C A C, ī → i, ’ → ', U+00A0 → space; IGNORABLE for marks. */
  fold: Uint16Array;
  /** As `fold`, then lower-cased where that is one code unit to one: Ｑī → q i. */
  foldLower: Uint16Array;
}

let tables: FoldTables | undefined;

export function foldTables(): FoldTables {
  tables ??= buildTables();
  return tables;
}

function buildTables(): FoldTables {
  const fold = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) fold[c] = c;

  // Latin letters with diacritics (precomposed pinyin tones among them) fold to their
  // base letter: ī ǐ ǚ → i i u, İ → I. Only where the base is plain ASCII.
  const latinRanges: Array<[number, number]> = [
    [0x00c0, 0x024f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of latinRanges) {
    for (let c = from; c <= to; c++) {
      const nfd = String.fromCharCode(c).normalize('NFD');
      const base = nfd.charCodeAt(0);
      if (nfd.length > 1 && base < 0x80) fold[c] = base;
    }
  }
  fold[0x0131] = 0x69; // dotless ı: no decomposition, but it is an i to a reader of pinyin

  // Full-width ASCII (ＣＡＣ，（ ）) is the same text typed on a CJK keyboard.
  for (let c = 0xff01; c <= 0xff5e; c++) fold[c] = c - 0xfee0;

  for (const c of SPACES) fold[c] = SPACE;
  for (const c of HYPHENS) fold[c] = HYPHEN;
  for (const c of APOSTROPHES) fold[c] = 0x27;
  for (const c of DOUBLE_QUOTES) fold[c] = 0x22;
  for (const c of MIDDLE_DOTS) fold[c] = MIDDLE_DOT;
  for (const c of INVISIBLE) fold[c] = IGNORABLE;
  for (let c = 0; c < 0x10000; c++) if (isCombiningMark(c)) fold[c] = IGNORABLE;
  // NUL folds to itself numerically (0 === IGNORABLE); make it a plain separator instead.
  fold[0] = SPACE;

  const foldLower = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = fold[c]!;
    if (f >= 0x41 && f <= 0x5a) foldLower[c] = f + 0x20;
    else if (f >= 0xc0 && f < 0x530) {
      // Latin-1 leftovers (Ø, Æ), Greek and Cyrillic: lower-case only when it stays one unit.
      const lower = String.fromCharCode(f).toLowerCase();
      foldLower[c] = lower.length === 1 ? lower.charCodeAt(0) : f;
    } else foldLower[c] = f;
  }
  return { fold, foldLower };
}

/** Folds a whole string the same way (ignorables dropped): for terms and for short contexts. */
export function foldString(text: string, lower = false): string {
  const { fold, foldLower } = foldTables();
  const table = lower ? foldLower : fold;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const f = table[text.charCodeAt(i)]!;
    if (f !== IGNORABLE) out += String.fromCharCode(f);
  }
  return out;
}
