import type { Period } from '../types';
import { parseChineseNumeral } from './numerals';

/**
 * Dates and periods in English and Chinese: "between March 10 and May 22",
 * "3月10日以來 … 截至5月22日", "until October 26", "on Friday", 昨天. A date whose year the
 * text leaves out takes it from the article's date; without an article date such a date
 * (and any relative one) is found, so its digits are never taken for a figure, but left
 * unresolved.
 */

export interface DateFinding {
  start: number;
  end: number;
  /** 'day': a day on its own; 'from' / 'to': one end of a period; 'range': both ends. */
  role: 'day' | 'from' | 'to' | 'range';
  /** The day, for role 'day', when its year is known. */
  date?: string;
  /** The period, for the other roles; an end whose year is unknown is left out. */
  period?: Period;
}

export interface DateOptions {
  /** The article's publication date (YYYY-MM-DD, or an ISO date-time). */
  articleDate?: string;
}

/** A date as written, before its year is known. */
type Written =
  | { kind: 'day'; year?: number; month: number; day: number; yearOffset?: number }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'relative'; days: number }
  | { kind: 'weekday'; weekday: number; direction: 'last' | 'next' | 'nearest' };

interface Atom {
  start: number;
  end: number;
  written: Written;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december'];
const MONTH_ALT = 'January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const ZH_WEEKDAYS = '日天一二三四五六';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])';
const ORD = '(?:st|nd|rd|th)?';
const YEAR = '(?:1[89]\\d\\d|20\\d\\d)';
const ZH_NUM = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';

// Month names are capitalised so that "may" the verb is never a month.
const ATOM_RE = new RegExp(
  [
    `(?<iso>(?<![\\d-])(?<isoY>${YEAR})-(?<isoM>0[1-9]|1[0-2])-(?<isoD>0[1-9]|[12]\\d|3[01])(?!\\d))`,
    `(?<md>\\b(?<mdM>${MONTH_ALT})\\s+(?<mdD>${DAY})${ORD}(?!\\d)(?:,?\\s+(?<mdY>${YEAR})(?!\\d))?)`,
    `(?<dm>(?<![\\d.,])\\b(?<dmD>${DAY})${ORD}\\s+(?:of\\s+)?(?<dmM>${MONTH_ALT})(?:,?\\s+(?<dmY>${YEAR})(?!\\d))?)`,
    `(?<my>\\b(?<myM>${MONTH_ALT})\\s+(?<myY>${YEAR})(?!\\d))`,
    `(?<wd>\\b(?:(?<wdDir>last|this\\s+past|next|this\\s+coming)\\s+)?(?<wdDay>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b)`,
    `(?<rel>\\b(?<relW>[Yy]esterday|[Tt]oday)\\b)`,
    `(?<zh>(?:(?<zhY>\\d{4}|[〇零一二三四五六七八九]{4})年|(?<zhRelY>今年|去年|明年))?(?<zhM>${ZH_NUM})月(?<zhD>${ZH_NUM})[日号號])`,
    `(?<zhMonth>(?<zhMY>\\d{4})年(?<zhMM>\\d{1,2})月(?![\\d一二三四五六七八九十]))`,
    // "5月以来": since the start of the month.
    `(?<zhMonthSince>(?<![\\d年])(?<zhMSM>\\d{1,2}|[一二三四五六七八九十]{1,3})月(?=\\s*(?:以来|以來|起|开始|開始)))`,
    `(?<zhRel>昨日|昨天|今日(?!头条|頭條)|今天|前天)`,
    `(?<zhWd>(?:(?<zhWdDir>上|下|本|这|這)个?|上個|下個)?(?:周|週|星期|礼拜|禮拜)(?<zhWdDay>[${ZH_WEEKDAYS}]))`,
  ].join('|'),
  'gu',
);

const ZH_DIGIT_YEAR: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

function monthIndex(name: string): number {
  const key = name.toLowerCase().replace('.', '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

function zhNumber(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text);
}

function atomFrom(groups: Record<string, string | undefined>): Written | undefined {
  const g = groups;
  if (g.iso) return { kind: 'day', year: Number(g.isoY), month: Number(g.isoM), day: Number(g.isoD) };
  if (g.md) return { kind: 'day', year: g.mdY ? Number(g.mdY) : undefined, month: monthIndex(g.mdM!), day: Number(g.mdD) };
  if (g.dm) return { kind: 'day', year: g.dmY ? Number(g.dmY) : undefined, month: monthIndex(g.dmM!), day: Number(g.dmD) };
  if (g.my) return { kind: 'month', year: Number(g.myY), month: monthIndex(g.myM!) };
  if (g.wd) {
    const dir = g.wdDir?.toLowerCase().replace(/\s+/g, ' ');
    return {
      kind: 'weekday',
      weekday: WEEKDAYS.indexOf(g.wdDay!.toLowerCase()),
      direction: dir === 'next' || dir === 'this coming' ? 'next' : dir ? 'last' : 'nearest',
    };
  }
  if (g.rel) return { kind: 'relative', days: g.relW!.toLowerCase() === 'yesterday' ? -1 : 0 };
  if (g.zh) {
    const month = zhNumber(g.zhM!);
    const day = zhNumber(g.zhD!);
    if (month === undefined || day === undefined) return undefined;
    let year: number | undefined;
    if (g.zhY) year = Number([...g.zhY].map((c) => ZH_DIGIT_YEAR[c] ?? c).join(''));
    const yearOffset = g.zhRelY === '今年' ? 0 : g.zhRelY === '去年' ? -1 : g.zhRelY === '明年' ? 1 : undefined;
    return { kind: 'day', year, month, day, yearOffset };
  }
  if (g.zhMonth) return { kind: 'month', year: Number(g.zhMY), month: Number(g.zhMM) };
  if (g.zhMonthSince) {
    const month = zhNumber(g.zhMSM!);
    return month === undefined ? undefined : { kind: 'day', month, day: 1 };
  }
  if (g.zhRel) return { kind: 'relative', days: g.zhRel.startsWith('昨') ? -1 : g.zhRel === '前天' ? -2 : 0 };
  if (g.zhWd) {
    const dir = g.zhWdDir;
    return {
      kind: 'weekday',
      weekday: ZH_WEEKDAYS.indexOf(g.zhWdDay!) === 0 || g.zhWdDay === '天' ? 0 : ZH_WEEKDAYS.indexOf(g.zhWdDay!) - 1,
      direction: dir?.startsWith('下') ? 'next' : dir?.startsWith('上') ? 'last' : 'nearest',
    };
  }
  return undefined;
}

// Connectors, read from the text around atoms.
const RANGE_BETWEEN = /^\s*(?:-|–|—|to|until|till|through|thru|至|到|－|~|～|—至)\s*$/;
const BETWEEN_AND = /^\s+and\s+$/;
const BARE_END_DAY = new RegExp(`^\\s*(?:-|–|—|to|and|until|through)\\s*(${DAY})${ORD}(?!\\d|,\\d{3})(?:,?\\s+(${YEAR})(?!\\d))?`);
const ZH_BARE_END_DAY = /^\s*(?:至|到|-|–|—|－|~|～)\s*(\d{1,2}|[一二三四五六七八九十]{1,3})[日号號]/;
const EN_FROM_BEFORE = /(?:^|[^\p{L}])(?:since|from|starting|beginning|effective)\s+(?:on\s+)?$/iu;
const EN_TO_BEFORE = /(?:^|[^\p{L}])(until|till|through|up\s+to|as\s+of|by|to|ending|before)\s+(?:on\s+)?$/iu;
const EN_FROM_NOW_BEFORE = /(?:^|[^\p{L}])from\s+now\s+(?:until|till|to|through)\s+$/iu;
const ZH_FROM_BEFORE = /(?:自|从|從|自从|自從|由)\s*$/;
const ZH_FROM_AFTER = /^\s*(?:以来|以來|起|开始|開始|至今)/;
const ZH_TO_BEFORE = /(?:截至|截止|截止到|截止至|直至|直到|至|到)\s*$/;
const ZH_FROM_NOW_BEFORE = /(?:即日起|从现在起|從現在起|即日起至|即日起到)\s*(?:至|到)?\s*$/;

/** Finds every date in `text[from, to)` (the whole text by default), with periods joined up. */
export function findDates(text: string, options: DateOptions = {}, from = 0, to = text.length): DateFinding[] {
  const article = parseArticleDate(options.articleDate);
  const atoms: Atom[] = [];
  const segment = text.slice(from, to);
  ATOM_RE.lastIndex = 0;
  for (let m = ATOM_RE.exec(segment); m; m = ATOM_RE.exec(segment)) {
    const written = atomFrom(m.groups ?? {});
    if (written) atoms.push({ start: from + m.index, end: from + m.index + m[0].length, written });
  }
  const findings: DateFinding[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    const next = atoms[i + 1];
    const before = text.slice(Math.max(from, a.start - 40), a.start);
    const between = next ? text.slice(a.end, next.start) : '';
    const after = text.slice(a.end, Math.min(to, a.end + 12));

    // Two dates joined into a range: "between March 10 and May 22", "3月10日至5月22日".
    if (next && (RANGE_BETWEEN.test(between) || (BETWEEN_AND.test(between) && /between\s+$/i.test(before)))) {
      const period = resolveRange(a.written, next.written, article);
      const start = /(?:between|from)\s+$/i.test(before) ? a.start - (before.length - before.search(/(?:between|from)\s+$/i)) : a.start;
      findings.push({ start, end: next.end, role: 'range', ...(period && { period }) });
      i++;
      continue;
    }
    // A range whose end is a bare day: "March 10–22", "3月10日至22日".
    const rest = text.slice(a.end, Math.min(to, a.end + 24));
    const bare = a.written.kind === 'day' ? (BARE_END_DAY.exec(rest) ?? ZH_BARE_END_DAY.exec(rest)) : null;
    if (bare && a.written.kind === 'day') {
      const endDay = zhNumber(bare[1]!);
      if (endDay !== undefined && (!/\band\b/.test(bare[0]) || /between\s+$/i.test(before))) {
        // "June 1 and 30, 2023": a year after the end day is the year of both.
        const year = a.written.year ?? (bare[2] ? Number(bare[2]) : undefined);
        const endWritten: Written = { ...a.written, day: endDay, year };
        const startWritten: Written = { ...a.written, year };
        const period = resolveRange(startWritten, endWritten, article);
        findings.push({ start: a.start, end: a.end + bare[0].length, role: 'range', ...(period && { period }) });
        continue;
      }
    }
    if (EN_FROM_NOW_BEFORE.test(before) || ZH_FROM_NOW_BEFORE.test(before)) {
      const end = resolve(a.written, article, undefined, 'next');
      const period: Period = {};
      if (article) period.from = article.iso;
      if (end) period.to = end;
      findings.push({ start: a.start, end: a.end, role: 'range', ...(Object.keys(period).length && { period }) });
      continue;
    }
    if (EN_FROM_BEFORE.test(before) || ZH_FROM_BEFORE.test(before) || ZH_FROM_AFTER.test(after)) {
      const day = a.written.kind === 'month' ? monthBounds(a.written).from : resolve(a.written, article, undefined, 'last');
      findings.push({ start: a.start, end: a.end, role: 'from', ...(day && { period: { from: day } }) });
      continue;
    }
    if (EN_TO_BEFORE.test(before) || ZH_TO_BEFORE.test(before)) {
      const day = a.written.kind === 'month' ? monthBounds(a.written).to : resolve(a.written, article, undefined, 'next');
      findings.push({ start: a.start, end: a.end, role: 'to', ...(day && { period: { to: day } }) });
      continue;
    }
    if (a.written.kind === 'month') {
      findings.push({ start: a.start, end: a.end, role: 'range', period: monthBounds(a.written) });
      continue;
    }
    const day = resolve(a.written, article, undefined, 'last');
    findings.push({ start: a.start, end: a.end, role: 'day', ...(day && { date: day }) });
  }
  return findings;
}

/**
 * The period and the day a passage speaks of, from its date findings: a range wins; a
 * "from" and a "to" found apart ("3月10日以來 … 截至5月22日") are joined.
 */
export function periodOf(findings: DateFinding[]): { period?: Period; date?: string } {
  const out: { period?: Period; date?: string } = {};
  const range = findings.find((f) => f.role === 'range' && f.period);
  if (range?.period) out.period = { ...range.period };
  else {
    const from = findings.find((f) => f.role === 'from' && f.period?.from)?.period?.from;
    const to = findings.find((f) => f.role === 'to' && f.period?.to)?.period?.to;
    if (from || to) out.period = { ...(from && { from }), ...(to && { to }) };
  }
  const day = findings.find((f) => f.role === 'day' && f.date)?.date;
  if (day) out.date = day;
  return out;
}

interface ArticleDate {
  iso: string;
  year: number;
  /** Days since the epoch, for weekday and closeness arithmetic. */
  dayNumber: number;
}

function parseArticleDate(value: string | undefined): ArticleDate | undefined {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validDay(y, mo, d)) return undefined;
  return { iso: isoOf(y, mo, d), year: y, dayNumber: dayNumberOf(y, mo, d) };
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function dayNumberOf(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function isoOfDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

function monthBounds(w: { year: number; month: number }): Period {
  const last = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
  return { from: isoOf(w.year, w.month, 1), to: isoOf(w.year, w.month, last) };
}

/**
 * One written date as an ISO day. `year` is a year the context supplies (the other end of
 * a range); otherwise the article's year, or the year next to it that puts the date
 * nearest the article (an article of 2 January speaking of "December 30" means the year
 * before). `lean` says which way an unqualified weekday points.
 */
function resolve(w: Written, article: ArticleDate | undefined, year: number | undefined, lean: 'last' | 'next'): string | undefined {
  switch (w.kind) {
    case 'month':
      return undefined;
    case 'relative':
      return article ? isoOfDayNumber(article.dayNumber + w.days) : undefined;
    case 'weekday': {
      if (!article) return undefined;
      const today = (article.dayNumber + 4) % 7; // 1970-01-01 was a Thursday
      const direction = w.direction === 'nearest' ? lean : w.direction;
      if (direction === 'last') {
        const back = (today - w.weekday + 7) % 7;
        return isoOfDayNumber(article.dayNumber - (back === 0 && w.direction === 'last' ? 7 : back));
      }
      const ahead = (w.weekday - today + 7) % 7;
      return isoOfDayNumber(article.dayNumber + (ahead === 0 && w.direction === 'next' ? 7 : ahead));
    }
    case 'day': {
      let y = w.year ?? year;
      if (y === undefined && w.yearOffset !== undefined && article) y = article.year + w.yearOffset;
      if (y === undefined && article) {
        const candidates = [article.year - 1, article.year, article.year + 1].filter((c) => validDay(c, w.month, w.day));
        y = candidates.sort((a, b) =>
          Math.abs(dayNumberOf(a, w.month, w.day) - article.dayNumber) - Math.abs(dayNumberOf(b, w.month, w.day) - article.dayNumber))[0];
      }
      if (y === undefined || !validDay(y, w.month, w.day)) return undefined;
      return isoOf(y, w.month, w.day);
    }
  }
}

/** Both ends of a range; a year written on one end serves the other. */
function resolveRange(a: Written, b: Written, article: ArticleDate | undefined): Period | undefined {
  const yearOf = (iso: string | undefined) => (iso ? Number(iso.slice(0, 4)) : undefined);
  const end = (y: number | undefined) => (b.kind === 'month' ? monthBounds(b).to : resolve(b, article, y, 'next'));
  const start = (y: number | undefined) => (a.kind === 'month' ? monthBounds(a).from : resolve(a, article, y, 'last'));
  let from: string | undefined;
  let to: string | undefined;
  if (a.kind === 'day' && a.year !== undefined && b.kind === 'day' && b.year === undefined) {
    // "December 1, 2022 to March 3": the end follows the start's year, or the next one.
    from = start(undefined);
    const y = yearOf(from);
    to = resolve(b, undefined, y, 'next');
    if (to && from && to < from) to = resolve(b, undefined, y! + 1, 'next');
  } else {
    to = end(undefined);
    const y = a.kind === 'day' && a.year === undefined ? yearOf(to) : undefined;
    from = start(y);
    if (from && to && from > to && y !== undefined) from = start(y - 1);
  }
  if (!from && !to) return undefined;
  return { ...(from && { from }), ...(to && { to }) };
}
