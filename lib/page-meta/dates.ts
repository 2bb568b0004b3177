/**
 * Publication dates as pages write them, turned into ISO 8601. Parsed by hand rather
 * than with `Date.parse`, whose handling of non-ISO strings differs between engines
 * and shifts a date-only value into the reader's time zone.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/**
 * An ISO date (`YYYY-MM-DD`) or, when the page states a time, an ISO date-time as
 * written (its zone kept). `undefined` when the value is not a recognisable date.
 */
export function toIsoDate(value: string): string | undefined {
  const v = value.trim();

  // 2023-05-26, 2023-05-26T10:00:00+08:00, 2023-05-26 10:00:00
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(v);
  if (iso) {
    const date = ymd(iso[1]!, iso[2]!, iso[3]!);
    if (!date) return undefined;
    return iso[4] ? `${date}T${iso[4]}${(iso[5] ?? '').toUpperCase()}` : date;
  }

  // 20230526 and 2023/05/26, 2023.05.26
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(v) ?? /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(v);
  if (compact) return ymd(compact[1]!, compact[2]!, compact[3]!);

  // 2023年5月26日
  const cjk = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(v);
  if (cjk) return ymd(cjk[1]!, cjk[2]!, cjk[3]!);

  // May 26, 2023 · 26 May 2023 · Friday, 26 May 2023
  const mdy = /([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/.exec(v);
  if (mdy) {
    const month = monthNumber(mdy[1]!);
    if (month) return ymd(mdy[3]!, String(month), mdy[2]!);
  }
  const dmy = /(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})/.exec(v);
  if (dmy) {
    const month = monthNumber(dmy[2]!);
    if (month) return ymd(dmy[3]!, String(month), dmy[1]!);
  }
  return undefined;
}

function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase();
  const short = key.slice(0, key === 'sept' ? 4 : 3);
  const month = MONTHS[short];
  // "Mayday" is not May: a long name must be the full month name.
  if (month === undefined) return undefined;
  return key.length <= 4 || FULL_MONTHS[month - 1] === key ? month : undefined;
}

const FULL_MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

function ymd(year: string, month: string, day: string): string | undefined {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
