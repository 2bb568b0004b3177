/**
 * Which characters continue a Latin-script word, for the token boundaries of
 * Latin-script terms. `\b` and `\p{L}` count Han characters as letters, so 據CAC稱
 * would have no boundary around CAC; here only alphabetic scripts written with spaces
 * between words (Latin, Greek, Cyrillic), digits, the underscore and combining marks
 * continue a word. Han, kana, hangul, punctuation and spaces all end one.
 */
import { COMBINING_RANGES } from './fold';

/** [from, to] ranges of code units that continue a word. */
const WORD_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, 0x24f],
  [0x370, 0x52f],
  [0x1e00, 0x1eff],
  // Full-width digits and letters (ＣＡＣ).
  [0xff10, 0xff19],
  [0xff21, 0xff3a],
  [0xff41, 0xff5a],
  // A combining mark belongs to the letter before it (a\u030c is ǎ), so it continues the
  // word; so do soft hyphens and zero-width joiners, which sit inside words.
  ...COMBINING_RANGES,
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x200c, 0x200d],
  [0x2060, 0x2060],
];

let table: Uint8Array | undefined;

/** 1 for a code unit that continues a Latin-script word, 0 otherwise; indexed by raw code unit. */
export function wordCharTable(): Uint8Array {
  if (!table) {
    table = new Uint8Array(0x10000);
    for (const [from, to] of WORD_RANGES) table.fill(1, from, to + 1);
  }
  return table;
}

/** Whether the code unit continues a Latin-script word. */
export function isWordChar(code: number): boolean {
  return wordCharTable()[code] === 1;
}
