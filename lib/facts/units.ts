import type { FigureUnit } from '../types';

/**
 * What a figure counts, read from the noun or classifier next to it. A campaign figure
 * counts accounts, posts, people, clues, days, platforms, cases or items; a number of
 * years, yuan or per cent is something else and never a campaign figure.
 */

/** English nouns (lower case) and the unit they count. */
const EN_UNITS: Record<string, FigureUnit> = {
  account: 'accounts', accounts: 'accounts', profiles: 'accounts', handles: 'accounts',
  // Platforms act on users through their accounts: "banned 3,000 users" counts accounts.
  users: 'accounts',
  post: 'posts', posts: 'posts', articles: 'posts', messages: 'posts', comments: 'posts',
  videos: 'posts', clips: 'posts', rumours: 'posts', rumors: 'posts', livestreams: 'posts',
  people: 'people', persons: 'people', individuals: 'people', officials: 'people',
  executives: 'people', suspects: 'people', netizens: 'people',
  // Livestreamers are people (封禁主播7200余名).
  streamers: 'people', livestreamers: 'people', 'live-streamers': 'people', anchors: 'people', influencers: 'people',
  clues: 'clues', leads: 'clues', tips: 'clues', 'tip-offs': 'clues',
  day: 'days', days: 'days',
  platforms: 'platforms', websites: 'platforms', sites: 'platforms', apps: 'platforms',
  applications: 'platforms', companies: 'platforms', firms: 'platforms', portals: 'platforms',
  // Apps and mini programs are counted with websites as platforms (下架App、小程序2890余款).
  programs: 'platforms', programmes: 'platforms', 'mini-programs': 'platforms', agencies: 'platforms',
  cases: 'cases', incidents: 'cases',
  groups: 'items', channels: 'items', products: 'items', items: 'items',
};

/** "pieces of information", "items of harmful content": counted posts. */
const EN_PIECES = new Set(['pieces', 'piece', 'items']);
const EN_INFORMATION = new Set(['information', 'content', 'news', 'posts', 'misinformation', 'disinformation']);

/** Nouns after a number that make it something other than a campaign figure. */
const EN_NOT_FIGURES = new Set([
  'year', 'years', 'month', 'months', 'week', 'weeks', 'hour', 'hours', 'minute', 'minutes', 'min', 'mins',
  'second', 'seconds', 'percent', 'per', 'yuan', 'rmb', 'dollars', 'usd', 'euros', 'pounds', 'cents',
  'km', 'kilometres', 'kilometers', 'metres', 'meters', 'miles', 'kg', 'tons', 'tonnes', 'times',
  'am', 'pm', 'a.m', 'p.m', "o'clock", 'points', 'degrees', 'decades', 'centuries', 'read',
]);

export type UnitReading = { unit: FigureUnit } | { notAFigure: true } | undefined;

/** What an English noun says about the number before it (`following`: the words after the noun). */
export function readEnglishNoun(word: string, following: readonly string[] = []): UnitReading {
  const w = word.toLowerCase();
  if (EN_NOT_FIGURES.has(w)) return { notAFigure: true };
  if (EN_PIECES.has(w) && following[0]?.toLowerCase() === 'of') {
    // "pieces of (illegal and harmful) information"
    const info = following.slice(1, 5).some((f) => EN_INFORMATION.has(f.toLowerCase()));
    return info ? { unit: 'posts' } : { unit: 'items' };
  }
  if (w === 'pieces' || w === 'piece') return { unit: 'posts' };
  const unit = EN_UNITS[w];
  return unit ? { unit } : undefined;
}

/** English nouns that a following "of …" may name ("pieces of harmful information"). */
export function isEnglishInformationNoun(word: string): boolean {
  return EN_INFORMATION.has(word.toLowerCase());
}

/** Chinese nouns (simplified and traditional) and the unit they count, longest first. */
export const ZH_UNIT_NOUNS: ReadonlyArray<readonly [string, FigureUnit]> = (
  [
    ['账号', 'accounts'], ['賬號', 'accounts'], ['帐号', 'accounts'], ['帳號', 'accounts'],
    ['账户', 'accounts'], ['賬戶', 'accounts'], ['帐户', 'accounts'], ['帳戶', 'accounts'],
    ['公众号', 'accounts'], ['公眾號', 'accounts'], ['自媒体号', 'accounts'], ['自媒體號', 'accounts'],
    ['用户', 'accounts'], ['用戶', 'accounts'],
    ['信息', 'posts'], ['訊息', 'posts'], ['资讯', 'posts'], ['資訊', 'posts'], ['帖文', 'posts'],
    ['帖子', 'posts'], ['文章', 'posts'], ['视频', 'posts'], ['視頻', 'posts'], ['评论', 'posts'],
    ['評論', 'posts'], ['谣言', 'posts'], ['謠言', 'posts'], ['内容', 'posts'], ['內容', 'posts'],
    ['人次', 'people'], ['网民', 'people'], ['網民', 'people'], ['负责人', 'people'], ['負責人', 'people'],
    ['线索', 'clues'], ['線索', 'clues'],
    ['平台', 'platforms'], ['网站', 'platforms'], ['網站', 'platforms'], ['应用程序', 'platforms'],
    ['應用程式', 'platforms'], ['企业', 'platforms'], ['企業', 'platforms'], ['小程序', 'platforms'],
    ['应用', 'platforms'], ['應用', 'platforms'], ['App', 'platforms'], ['APP', 'platforms'], ['app', 'platforms'],
    ['MCN机构', 'platforms'], ['MCN機構', 'platforms'], ['主播', 'people'],
    ['案件', 'cases'],
    ['群组', 'items'], ['群組', 'items'], ['直播间', 'items'], ['直播間', 'items'],
  ] as const
).slice().sort((a, b) => b[0].length - a[0].length);

/**
 * Classifiers that follow a Chinese number. `null`: it counts something, the noun says
 * what (个 账号); `'not-a-figure'`: a date, time, age, sum of money or vague batch.
 */
export const ZH_CLASSIFIERS: ReadonlyArray<readonly [string, FigureUnit | null | 'not-a-figure']> = (
  [
    ['人次', 'people'], ['名', 'people'], ['位', 'people'], ['人', 'people'],
    ['条', 'posts'], ['條', 'posts'], ['篇', 'posts'], ['则', 'posts'], ['則', 'posts'],
    ['家', 'platforms'], ['起', 'cases'], ['件', 'cases'], ['天', 'days'], ['款', 'platforms'],
    ['户', 'accounts'], ['戶', 'accounts'],
    ['个', null], ['個', null], ['项', null], ['項', null], ['种', null], ['種', null], ['次', null],
    ['个月', 'not-a-figure'], ['個月', 'not-a-figure'], ['个小时', 'not-a-figure'], ['個小時', 'not-a-figure'],
    ['年', 'not-a-figure'], ['月', 'not-a-figure'], ['日', 'not-a-figure'], ['号', 'not-a-figure'],
    ['號', 'not-a-figure'], ['时', 'not-a-figure'], ['時', 'not-a-figure'], ['点', 'not-a-figure'],
    ['點', 'not-a-figure'], ['分', 'not-a-figure'], ['秒', 'not-a-figure'], ['岁', 'not-a-figure'],
    ['歲', 'not-a-figure'], ['周', 'not-a-figure'], ['週', 'not-a-figure'], ['元', 'not-a-figure'],
    ['块', 'not-a-figure'], ['塊', 'not-a-figure'], ['倍', 'not-a-figure'], ['度', 'not-a-figure'],
    ['期', 'not-a-figure'], ['届', 'not-a-figure'], ['屆', 'not-a-figure'], ['批', 'not-a-figure'],
    ['%', 'not-a-figure'], ['％', 'not-a-figure'], ['美元', 'not-a-figure'], ['公里', 'not-a-figure'],
  ] as const
).slice().sort((a, b) => b[0].length - a[0].length);

/** The Chinese unit noun at `pos` in `text`, if one starts there. */
export function zhUnitNounAt(text: string, pos: number): { noun: string; unit: FigureUnit } | undefined {
  for (const [noun, unit] of ZH_UNIT_NOUNS) if (text.startsWith(noun, pos)) return { noun, unit };
  return undefined;
}

/** The last Chinese unit noun inside `text` (the noun a number that follows it counts). */
export function lastZhUnitNoun(text: string): FigureUnit | undefined {
  let best: { at: number; unit: FigureUnit } | undefined;
  for (const [noun, unit] of ZH_UNIT_NOUNS) {
    const at = text.lastIndexOf(noun);
    if (at !== -1 && (!best || at + noun.length > best.at)) best = { at: at + noun.length, unit };
  }
  return best?.unit;
}
