/**
 * Which characters continue a Latin-script word, for the token boundaries of
 * Latin-script terms. `\b` and `\p{L}` count Han characters as letters, so 據CAC稱
 * would have no boundary around CAC; here only alphabetic scripts written with spaces
 * between words (Latin, Greek, Cyrillic), digits, the underscore and combining marks
 * continue a word. Han, kana, hangul, punctuation and spaces all end one.
 */
import { foldTables, IGNORABLE } from './fold';

let table: Uint8Array | undefined;

/** 1 for a code unit that continues a Latin-script word, 0 otherwise; indexed by raw code unit. */
export function wordCharTable(): Uint8Array {
  table ??= build();
  return table;
}

function build(): Uint8Array {
  const { fold } = foldTables();
  const word = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = fold[c]!;
    if (
      (f >= 0x30 && f <= 0x39) ||
      (f >= 0x41 && f <= 0x5a) ||
      (f >= 0x61 && f <= 0x7a) ||
      f === 0x5f ||
      (f >= 0xc0 && f <= 0x24f && f !== 0xd7 && f !== 0xf7) ||
      (f >= 0x370 && f <= 0x52f) ||
      (f >= 0x1e00 && f <= 0x1eff)
    ) {
      word[c] = 1;
    }
    // A combining mark belongs to the letter before it (a\u030c is ǎ), so it continues
    // the word; so do soft hyphens and zero-width joiners, which sit inside words.
    if (f === IGNORABLE) word[c] = 1;
  }
  // Zero-width spaces and the BOM separate rather than join.
  word[0x200b] = 0;
  word[0xfeff] = 0;
  return word;
}

/** Whether the code unit continues a Latin-script word. */
export function isWordChar(code: number): boolean {
  return wordCharTable()[code] === 1;
}
