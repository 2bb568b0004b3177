import type { FigureUnit, Period } from '../lib/types';
import { formattingLocale, isMessageKey, t, type MessageKey } from './i18n';

/** The interface word for a normalised word of lib/facts ('dealt with' → action_dealt_with), or the word itself. */
function word(prefix: string, value: string | undefined): string {
  if (!value) return '';
  const key = `${prefix}${value.replace(/\s+/g, '_')}`;
  return isMessageKey(key) ? t(key) : value;
}

/**
 * A figure as a reader says it: "more than 67,000 accounts closed", "关闭超过67,000个账号".
 * The order of qualifier ($1), number ($2), unit ($3) and action ($4) is a string of
 * its own, because the languages put them differently.
 */
export function formatFigure(value: number, unit?: FigureUnit, action?: string, qualifier?: string): string {
  const number = new Intl.NumberFormat(formattingLocale(), { maximumFractionDigits: 6 }).format(value);
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
