import type { FigureUnit, Period } from '../lib/types';
import { formattingLocale, isMessageKey, t, type MessageKey } from './i18n';

/** The interface word for a normalised word of lib/facts ('dealt with' → action_dealt_with), or the word itself. */
function word(prefix: string, value: string | undefined): string {
  if (!value) return '';
  const key = `${prefix}${value.replace(/\s+/g, '_')}`;
  return isMessageKey(key) ? t(key) : value;
}

const ENGLISH_SCALE = /\d\s*(?:million|billion|trillion|mn|bn|m|b)\b/i;
const CHINESE_SCALE = /[万萬亿億]/;

/** Significant digits of a value (67000 → 2), for showing no more precision than was written. */
function significant(value: number): number {
  const digits = String(Math.abs(value)).replace(/e.*$/, '').replace('.', '').replace(/^0+/, '');
  return Math.min(21, Math.max(1, (Number.isInteger(value) ? digits.replace(/0+$/, '') : digits).length));
}

// Making an Intl.NumberFormat costs far more than using one, and a keystroke in the
// library re-renders every figure on screen: one formatter per locale and options.
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/**
 * A number with the precision it was written with: "1.4 million" stays "1.4 million"
 * (not "1,400,000", which claims seven digits), "6.66萬" becomes "66,600" in English and
 * "6.66万" in Chinese, "67,000" stays "67,000". A scale word is kept where the interface
 * language has it: million and billion in English, 万 and 亿 in Chinese.
 */
export function formatWrittenNumber(value: number, written: string | undefined, locale = formattingLocale()): string {
  const chinese = /^zh/i.test(locale);
  const scaled = written !== undefined &&
    (chinese ? (CHINESE_SCALE.test(written) || ENGLISH_SCALE.test(written)) && value >= 10_000
      : ENGLISH_SCALE.test(written.normalize('NFKC')) && value >= 1_000_000);
  if (scaled) {
    return numberFormat(locale, { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: significant(value) }).format(value);
  }
  return numberFormat(locale, { maximumFractionDigits: 6 }).format(value);
}

/**
 * A figure as a reader says it: "more than 67,000 accounts closed", "关闭超过67,000个账号".
 * The order of qualifier ($1), number ($2), unit ($3) and action ($4) is a string of
 * its own, because the languages put them differently. Given the figure as written
 * (`written`), the number keeps its written precision (formatWrittenNumber).
 */
export function formatFigure(value: number, unit?: FigureUnit, action?: string, qualifier?: string, written?: string): string {
  const number = formatWrittenNumber(value, written);
  const unitText = unit ? t(`unit_${unit}` as MessageKey) : '';
  return t('figure_order', [word('qualifier_', qualifier), number, unitText, word('action_', action)])
    .replace(/\s+/g, ' ')
    .trim();
}

/** "2023-03-10 – 2023-05-22", "from …", "until …", or empty. */
export function formatPeriod(period: Period | undefined, date?: string): string {
  const from = period?.from;
  const to = period?.to;
  if (from && to) return from === to ? from : t('period_from_to', [from, to]);
  if (from) return t('period_from', [from]);
  if (to) return t('period_until', [to]);
  return date ?? '';
}

/** A month, quarter or year key of the timeline ("2023-05", "2023-Q2", "2023") as a heading. */
export function formatPeriodKey(key: string): string {
  const month = key.match(/^(\d{4})-(\d{2})$/);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return new Intl.DateTimeFormat(formattingLocale(), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
  }
  return key;
}

/** The first characters of a quote, for labels that name a highlight. */
export function shorten(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
