/**
 * Numbers written as words: Chinese numerals (二十, 两千, 一万二千) and English number
 * words (two, twenty-five, three hundred). Values are integers, so plain arithmetic is exact.
 */

const ZH_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const ZH_SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const ZH_BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Characters a Chinese numeral is written with. */
export const ZH_NUMERAL_CHARS = '零〇一二两兩三四五六七八九十拾百佰千仟万萬亿億';

/**
 * Parses a Chinese numeral ("二十" → 20, "十二" → 12, "两千" → 2000, "一万二千" → 12000,
 * "一亿二千万" → 120000000). Undefined for strings that are not a well-formed numeral.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let sawValue = false;
  for (const ch of text) {
    if (ch in ZH_DIGITS) {
      // Two digits in a row ("一一", "二〇二一") are not a quantity, except after 零 ("一百零五").
      if (digit !== undefined && digit !== 0) return undefined;
      digit = ZH_DIGITS[ch]!;
      sawValue = true;
    } else if (ch in ZH_SMALL_UNITS) {
      // A bare 十 at the start means one ten ("十二" = 12); other units need a digit before them.
      if (digit === undefined && !(ch === '十' && section === 0 && total === 0)) return undefined;
      section += (digit ?? 1) * ZH_SMALL_UNITS[ch]!;
      digit = undefined;
      sawValue = true;
    } else if (ch in ZH_BIG_UNITS) {
      if (!sawValue) return undefined;
      const unit = ZH_BIG_UNITS[ch]!;
      const part = section + (digit ?? 0);
      if (unit === 1e8) total = (total + part) * unit;
      else total += part * unit;
      section = 0;
      digit = undefined;
    } else return undefined;
  }
  if (!sawValue) return undefined;
  return total + section + (digit ?? 0);
}

const EN_SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const EN_TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const EN_SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const longestFirst = (words: string[]) => words.sort((a, b) => b.length - a.length).join('|');
const EN_NUMBER_WORD = longestFirst([...Object.keys(EN_SMALL), ...Object.keys(EN_TENS), 'hundred', ...Object.keys(EN_SCALES)]);
const EN_SCALE_WORD = ['hundred', ...Object.keys(EN_SCALES)].join('|');

/**
 * A run of English number words: "two", "twenty-five", "three hundred and twenty",
 * "a thousand". It starts with a number below a hundred, or with "a"/"one" before a scale
 * word, so "million" alone (after digits: "1.4 million") never starts one; plurals
 * ("hundreds", "billions") are vague and never match.
 */
const EN_FIRST_WORD = longestFirst([...Object.keys(EN_SMALL), ...Object.keys(EN_TENS)]);
export const EN_NUMBER_WORDS_SOURCE =
  `(?:(?:a|an)\\s+(?:${EN_SCALE_WORD})|(?:${EN_FIRST_WORD}))` +
  `(?:(?:\\s+and\\s+|[\\s-]+)(?:${EN_NUMBER_WORD}))*(?![\\p{L}\\p{N}])`;

/** Parses English number words ("twenty-five" → 25, "two hundred and ten" → 210). */
export function parseEnglishNumberWords(text: string): number | undefined {
  const words = text.toLowerCase().split(/[\s-]+/).filter((w) => w !== 'and');
  if (words.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let sawValue = false;
  for (const [i, w] of words.entries()) {
    if ((w === 'a' || w === 'an') && i === 0) {
      current = 1;
    } else if (w in EN_SMALL) {
      current += EN_SMALL[w]!;
      sawValue = true;
    } else if (w in EN_TENS) {
      current += EN_TENS[w]!;
      sawValue = true;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
      sawValue = true;
    } else if (w in EN_SCALES) {
      total += (current || 1) * EN_SCALES[w]!;
      current = 0;
      sawValue = true;
    } else return undefined;
  }
  return sawValue ? total + current : undefined;
}
