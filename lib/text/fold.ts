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
 * The tables hold only the exceptions: an entry of 0 means "folds to itself", so a
 * lookup is `table[c] || c`. That keeps start-up cheap, which matters because the
 * content script builds them on every page: a loop over all 65,536 code units costs
 * milliseconds before the JIT has warmed up, while the exceptions are a few thousand
 * entries filled from ranges and short lists.
 */
import { hanFoldPairs } from './han-fold';

/** Folds to nothing: skipped when matching, dropped when normalising. (U+FFFF is a noncharacter.) */
export const IGNORABLE = 0xffff;

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
const INVISIBLE = [0x00ad, 0x034f, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xffff];

/** Ranges [from, to] of marks that belong to the letter before them (a\u030c is ǎ). */
export const COMBINING_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f],
];

/** Marks that belong to the letter before them: a match or range that ends at the letter takes them along. */
export function isCombiningMark(code: number): boolean {
  // Written out rather than looped over COMBINING_RANGES: this runs on cold code paths
  // at start-up, where the interpreter makes every iterator and destructuring costly.
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
  /** Case kept: ＣＡＣ → C A C, ī → i, ’ → ', U+00A0 → space; IGNORABLE for marks; 0 where a character stays itself. */
  fold: Uint16Array;
  /**
   * As `fold`, then lower-cased where that is one code unit to one (Ｑī → q i), and
   * traditional or variant Han characters to simplified (網 → 网): what matching compares.
   */
  foldLower: Uint16Array;
  /** Every code unit with an entry in `foldLower`, for building inverse maps without scanning all 65,536. */
  changed: Uint16Array;
}

let tables: FoldTables | undefined;

export function foldTables(): FoldTables {
  tables ??= buildTables();
  return tables;
}

function buildTables(): FoldTables {
  const fold = new Uint16Array(0x10000);

  // Latin letters with diacritics (precomposed pinyin tones among them) fold to their
  // base letter: ī ǐ ǚ → i i u, İ → I. One normalize() call per range: the
  // decomposition of each starts with its base letter, followed by combining marks.
  for (const [from, to] of [
    [0x00c0, 0x024f],
    [0x1e00, 0x1eff],
  ] as const) {
    const codes: number[] = [];
    for (let c = from; c <= to; c++) codes.push(c);
    const nfd = String.fromCharCode(...codes).normalize('NFD');
    let k = 0;
    for (const c of codes) {
      const base = nfd.charCodeAt(k++);
      let marks = 0;
      while (k < nfd.length && isCombiningMark(nfd.charCodeAt(k))) {
        k++;
        marks++;
      }
      if (marks > 0 && base < 0x80) fold[c] = base;
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
  for (const [from, to] of COMBINING_RANGES) fold.fill(IGNORABLE, from, to + 1);

  const foldLower = fold.slice();
  const lowerOf = (f: number): number => {
    if (f >= 0x41 && f <= 0x5a) return f + 0x20;
    // Latin-1 leftovers (Ø, Æ), Greek and Cyrillic: lower-case only when it stays one unit.
    if (f >= 0xc0 && f < 0x530) {
      const lower = String.fromCharCode(f).toLowerCase();
      if (lower.length === 1 && lower.charCodeAt(0) !== f) return lower.charCodeAt(0);
    }
    return 0;
  };
  // Upper-case letters that fold to themselves, then everything that folds to an upper-case letter.
  for (let c = 0x41; c <= 0x5a; c++) foldLower[c] = c + 0x20;
  for (let c = 0xc0; c < 0x530; c++) if (fold[c] === 0) foldLower[c] = lowerOf(c);
  for (let c = 0; c < 0x530; c++) if (fold[c] !== 0 && fold[c] !== IGNORABLE) foldLower[c] = lowerOf(fold[c]!) || fold[c]!;
  for (let c = 0x1e00; c <= 0x1eff; c++) if (fold[c] !== 0 && fold[c] !== IGNORABLE) foldLower[c] = lowerOf(fold[c]!) || fold[c]!;
  for (let c = 0xff21; c <= 0xff3a; c++) foldLower[c] = c - 0xfee0 + 0x20;
  // Script is not case, but matching treats it alike: 長城 is 长城 (see han-fold.ts).
  const han = hanFoldPairs();
  for (const [variant, lead] of han) foldLower[variant] = lead;

  const changed: number[] = [];
  const note = (from: number, to: number) => {
    for (let c = from; c <= to; c++) if (foldLower[c] !== 0) changed.push(c);
  };
  note(0, 0x52f);
  note(0x1680, 0x1eff);
  note(0x2000, 0x22ff);
  note(0x3000, 0x30ff);
  note(0xfe00, 0xffff);
  for (const [variant] of han) changed.push(variant);
  return { fold, foldLower, changed: Uint16Array.from(changed) };
}

/** What a code unit folds to (case kept): the table entry, or the code unit itself. */
export function foldCode(code: number): number {
  return foldTables().fold[code] || code;
}

/** What a code unit folds to, lower-cased. */
export function foldLowerCode(code: number): number {
  return foldTables().foldLower[code] || code;
}

/** Folds a whole string the same way (ignorables dropped): for terms and for short contexts. */
export function foldString(text: string, lower = false): string {
  const { fold, foldLower } = foldTables();
  const table = lower ? foldLower : fold;
  // Most text has nothing to fold: hand it back as it is, without building a copy.
  let i = 0;
  while (i < text.length && table[text.charCodeAt(i)] === 0) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = table[c] || c;
    if (f !== IGNORABLE) out += String.fromCharCode(f);
  }
  return out;
}

/**
 * Folds and lower-cases a string keeping its length (an ignorable becomes a space), so
 * offsets into it are offsets into the original: for cue words found in a passage.
 */
export function foldKeepingLength(text: string): string {
  const { foldLower } = foldTables();
  let i = 0;
  while (i < text.length && foldLower[text.charCodeAt(i)] === 0) i++;
  if (i === text.length) return text;
  const codes = new Uint16Array(text.length);
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    const f = foldLower[c] || c;
    codes[k] = f === IGNORABLE ? SPACE : f;
  }
  let out = '';
  // In chunks: an argument list as long as a whole page would overflow the stack.
  for (let k = 0; k < codes.length; k += 8192) out += String.fromCharCode.apply(null, codes.subarray(k, k + 8192) as unknown as number[]);
  return out;
}
