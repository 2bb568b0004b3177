import { scaleDecimal } from './decimal';
import { EN_NUMBER_WORDS_SOURCE, parseChineseNumeral, parseEnglishNumberWords, ZH_NUMERAL_CHARS } from './numerals';
import { qualifierBefore, zhQualifierAt, type Qualifier } from './qualifiers';

/**
 * Quantities as written, before anything is known about what they count: "1,410,900",
 * "1.4m", "54.3 million", "141.09萬", "6.66萬餘", "二十", "two", with the qualifier that
 * hedges them. Whether a quantity is a campaign figure is decided by ./figures.
 */
export interface Quantity {
  /** The number as written, scale included ("1.4 million", "6.66萬"), qualifiers excluded. */
  start: number;
  end: number;
  value: number;
  qualifier?: Qualifier;
  /** Where the qualifier before the number starts (`start` when there is none). */
  leadStart: number;
  /** Where the quantity ends, a qualifier written after it included ("6.66萬餘" ends after 餘). */
  tailEnd: number;
  form: 'digits' | 'chinese' | 'words';
  /** Written as plain digits with no separator, decimals or scale: a year looks like this. */
  bare: boolean;
}

const EN_SCALE: Record<string, number> = { thousand: 3, million: 6, billion: 9, trillion: 12 };
const EN_ABBREVIATION: Record<string, number> = { k: 3, m: 6, mn: 6, b: 9, bn: 9, tn: 12 };
const ZH_SCALE: Record<string, number> = { 百: 2, 千: 3, 万: 4, 萬: 4, 亿: 8, 億: 8 };

// Digits not glued to a Latin word ("A2", "COVID-19", "mp3"); CJK around them is fine ("账号6.66万").
// A comma glued to a word before is a missing space ("accounts,187,500"), not a digit group.
const DIGITS_RE = /(?<![A-Za-z\d_./]|\d,|[A-Za-z]-)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?!\d|,\d{3}(?!\d))/g;
const EN_SCALE_AFTER = /^\s?(thousand|million|billion|trillion)(?![\p{L}\p{N}])/iu;
const EN_ABBREVIATION_AFTER = /^(k|m|mn|b|bn|tn)(?![\p{L}\p{N}])/iu;
const ZH_SCALE_AFTER = /^([余餘多])?([百千万萬亿億]+)/;
const ZH_NUMERAL_RE = new RegExp(`[${ZH_NUMERAL_CHARS}]+`, 'g');
const EN_WORDS_RE = new RegExp(`(?<![\\p{L}\\p{N}-])${EN_NUMBER_WORDS_SOURCE}`, 'giu');
/** Before a Chinese numeral, these make it vague ("数十万", "几千") or not a count ("第五", "星期一"). */
const ZH_NOT_A_COUNT_BEFORE = /[第数數几幾上成好初逐统統唯同周週期拜]$/;
/** After a Chinese numeral, these make it vague ("十几个", "一些") or a word ("一起", "一律"). */
const ZH_VAGUE_AFTER = /^[几幾数數些]/;

/** Every quantity in `text[from, to)`, in order. */
export function findQuantities(text: string, from = 0, to = text.length): Quantity[] {
  const found: Quantity[] = [];
  const segment = text.slice(from, to);
  const at = (i: number) => from + i;

  DIGITS_RE.lastIndex = 0;
  for (let m = DIGITS_RE.exec(segment); m; m = DIGITS_RE.exec(segment)) {
    const start = at(m.index);
    let end = start + m[0].length;
    const written = m[1]!.replace(/,/g, '') + (m[2] ?? '');
    let power = 0;
    let qualifier: Qualifier | undefined;
    const rest = text.slice(end, Math.min(to, end + 12));
    const en = EN_SCALE_AFTER.exec(rest) ?? EN_ABBREVIATION_AFTER.exec(rest);
    const zh = en ? null : ZH_SCALE_AFTER.exec(rest);
    if (en) {
      const word = en[1]!.toLowerCase();
      power = EN_SCALE[word] ?? EN_ABBREVIATION[word] ?? 0;
      end += en[0].length;
    } else if (zh) {
      for (const ch of zh[2]!) power += ZH_SCALE[ch]!;
      if (zh[1]) qualifier = 'more than';
      end += zh[0].length;
    }
    found.push(withQualifiers(text, {
      start, end, value: scaleDecimal(written, power), qualifier, leadStart: start, tailEnd: end,
      form: 'digits', bare: power === 0 && !m[2] && !m[1]!.includes(','),
    }, to));
  }

  ZH_NUMERAL_RE.lastIndex = 0;
  for (let m = ZH_NUMERAL_RE.exec(segment); m; m = ZH_NUMERAL_RE.exec(segment)) {
    const start = at(m.index);
    let end = start + m[0].length;
    if (ZH_NOT_A_COUNT_BEFORE.test(text.slice(Math.max(0, start - 1), start))) continue;
    if (ZH_VAGUE_AFTER.test(text.slice(end, end + 1))) continue;
    let value = parseChineseNumeral(m[0]);
    if (value === undefined) continue;
    let qualifier: Qualifier | undefined;
    // "十余万": a qualifier between the numeral and its scale.
    const scaled = /^([余餘多])([万萬亿億]+)/.exec(text.slice(end, end + 4));
    if (scaled) {
      for (const ch of scaled[2]!) value = scaleDecimal(String(value), ZH_SCALE[ch]!);
      qualifier = 'more than';
      end += scaled[0].length;
    }
    found.push(withQualifiers(text, {
      start, end, value, qualifier, leadStart: start, tailEnd: end, form: 'chinese', bare: false,
    }, to));
  }

  EN_WORDS_RE.lastIndex = 0;
  for (let m = EN_WORDS_RE.exec(segment); m; m = EN_WORDS_RE.exec(segment)) {
    const value = parseEnglishNumberWords(m[0]);
    if (value === undefined) continue;
    const start = at(m.index);
    const end = start + m[0].length;
    found.push(withQualifiers(text, { start, end, value, leadStart: start, tailEnd: end, form: 'words', bare: false }, to));
  }

  // A run of digits wins over words that overlap it.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Quantity[] = [];
  for (const q of found) {
    const last = kept[kept.length - 1];
    if (last && q.start < last.end) continue;
    kept.push(q);
  }
  return kept;
}

/** Adds the qualifier written before the number, and a Chinese one written right after it. */
function withQualifiers(text: string, q: Quantity, limit: number): Quantity {
  const before = qualifierBefore(text.slice(Math.max(0, q.start - 24), q.start));
  if (before) {
    q.leadStart = q.start - before.length;
    q.qualifier ??= before.qualifier;
  }
  const after = q.tailEnd < limit ? zhQualifierAt(text, q.tailEnd) : undefined;
  // 以上 / 左右 usually follow the classifier; ./figures looks for them there.
  if (after && (after.qualifier === 'more than' && after.length === 1)) {
    q.qualifier ??= after.qualifier;
    q.tailEnd += after.length;
  }
  return q;
}
