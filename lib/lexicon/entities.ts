/**
 * The seven entities the lens watches for (★ ids in DESIGN.md), with every way real
 * pages write them. Traditional Chinese forms are listed beside the simplified ones
 * rather than converted at run time: a converter is far too large for a content script.
 *
 * Rules of thumb behind the lists:
 * - A specific name is one mention however long it is ("Cyberspace Administration of
 *   China (CAC)", "Sina Weibo", "Operation Qinglang"); the matcher takes the longest.
 * - Generic descriptions ("the regulator", "China's internet regulator") are not names.
 * - Sister products are other entities: TikTok is not Douyin, Tencent is not WeChat,
 *   Tencent Weibo (腾讯微博) is not Sina Weibo.
 * - A local cyberspace office (北京市网信办, the Shanghai Cyberspace Administration) is
 *   not the national CAC.
 * - No fuzzy matching: one letter turns the person Qin Lang into the campaign Qinglang.
 */
import type { BuiltinEntityId } from '../types';
import type { Context, EntityEntry, SurfaceForm } from './types';
import { LOCAL_SUFFIXES_ZH, LOCAL_WORDS_EN, PLACES_PINYIN, PLACES_ZH } from './places';
import { CAC_SENSE, KUAISHOU_SENSE, QINGLANG_SENSE } from './senses';
import { SURNAMES_PINYIN } from './surnames';

function anyOf(words: readonly string[]): string {
  // Longest first, so a regex alternation prefers 黑龙江 over a shorter name it contains.
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

/** 北京网信办, 北京市网信办, 市委网信办, 各地网信办: the office of a place, not the CAC. */
const LOCAL_OFFICE_ZH = new RegExp(`(?:${anyOf(PLACES_ZH)}|[${LOCAL_SUFFIXES_ZH}])$`);
/** "Beijing Cyberspace Administration", "the Municipal Cyberspace Administration", "Shanghai's …". */
const LOCAL_OFFICE_EN = new RegExp(`(?<![A-Za-z])(?:${anyOf([...PLACES_PINYIN, ...LOCAL_WORDS_EN])})(?:'s)? $`, 'i');
/** "Cyberspace Administration of Guangdong": of a place other than China. */
const OF_ANOTHER_PLACE = /^ of (?!China)[A-Z]/;
/** "Wang Qinglang": a person's given name after a family name. */
const AFTER_FAMILY_NAME = new RegExp(`(?<![A-Za-z])(?:${anyOf(SURNAMES_PINYIN)}) $`);

/** Quote marks as folded (" ' for all Western styles) plus the CJK corner brackets. */
const OPENING_QUOTE = /["'「『]$/;
const CLOSING_QUOTE = /^["'」』]/;

/**
 * "Clear and Bright" is ordinary English in a Title Case headline; it is the calque of
 * Qinglang when quoted, when it names a campaign, or when it glosses Qinglang.
 */
const CLEAR_AND_BRIGHT_AS_NAME: readonly Context[] = [
  { precededBy: OPENING_QUOTE, followedBy: CLOSING_QUOTE },
  {
    followedBy:
      /^["']? (?:campaigns?|operations?|initiatives?|series|crackdowns?|drives?|actions?|special actions?|movements?)(?![A-Za-z])/i,
  },
  { precededBy: /Qing ?-?lang ?[(,] ?["']?$/i },
];

/** "Long name (ABBR)" is one mention; pages write it with and without the space. */
function withAbbreviation(names: readonly string[], abbreviations: readonly string[], form: Omit<SurfaceForm, 'text'> = {}): SurfaceForm[] {
  const out: SurfaceForm[] = [];
  for (const name of names) {
    for (const abbr of abbreviations) {
      // A Latin acronym spelt out is a definition the page's other uses of it follow.
      const defines = /^[A-Z]{2,}$/.test(abbr) ? { defines: abbr } : {};
      out.push({ ...form, ...defines, text: `${name} (${abbr})` }, { ...form, ...defines, text: `${name}(${abbr})` });
    }
  }
  return out;
}

const CAC_NAMES_EN = [
  'Cyberspace Administration of China',
  "China's Cyberspace Administration",
  'China Cyberspace Administration',
];
// 信息 is the mainland word; Taiwanese outlets also write 資訊, and 網路 for 網絡.
const CAC_NAMES_HANS = ['国家互联网信息办公室', '中央网络安全和信息化委员会办公室'];
const CAC_NAMES_HANT = [
  '國家互聯網信息辦公室',
  '國家互聯網資訊辦公室',
  '中央網絡安全和信息化委員會辦公室',
  '中央網路安全和資訊化委員會辦公室',
];

const cac: EntityEntry = {
  id: 'cac',
  label: { en: 'CAC', zh: '网信办' },
  description: {
    en: 'The Cyberspace Administration of China (国家网信办), the national internet regulator: it licenses and polices online content and runs the Qinglang clean-up campaigns. Local cyberspace offices are separate bodies.',
    zh: '国家互联网信息办公室（国家网信办），主管全国互联网信息内容的机构，负责网络内容的许可与管理，并组织“清朗”系列专项行动。地方网信办是另外的机构。',
  },
  color: '#e5484d',
  forms: [
    // Case carries meaning: "CAC" is an acronym, "cac" is not. Other bodies and the
    // Paris index share the letters: the page and the passage decide (CAC_SENSE).
    { text: 'CAC', case: 'capitals', sense: CAC_SENSE },
    ...CAC_NAMES_EN.map((text): SurfaceForm => ({ text, case: 'capitals' })),
    ...withAbbreviation(CAC_NAMES_EN, ['CAC'], { case: 'capitals' }),
    // Without "of China" it is still the CAC, unless a place or "municipal" makes it a local office.
    { text: 'Cyberspace Administration', case: 'capitals', notPrecededBy: LOCAL_OFFICE_EN, notFollowedBy: OF_ANOTHER_PLACE },
    ...withAbbreviation(['Cyberspace Administration'], ['CAC'], { case: 'capitals', notPrecededBy: LOCAL_OFFICE_EN }),
    { text: 'Office of the Central Cyberspace Affairs Commission', case: 'capitals' },
    { text: 'Central Cyberspace Affairs Commission Office', case: 'capitals' },
    { text: 'State Internet Information Office', case: 'capitals' },
    { text: 'National Internet Information Office', case: 'capitals' },
    ...CAC_NAMES_HANS.map((text): SurfaceForm => ({ text })),
    ...CAC_NAMES_HANT.map((text): SurfaceForm => ({ text })),
    { text: '国家网信办' },
    { text: '國家網信辦' },
    { text: '中央网信办' },
    { text: '中央網信辦' },
    ...withAbbreviation(CAC_NAMES_HANS, ['国家网信办', '中央网信办', '网信办']),
    ...withAbbreviation(CAC_NAMES_HANT, ['國家網信辦', '中央網信辦', '網信辦']),
    // Bare 网信办 is the national office unless a place or an administrative level precedes it.
    { text: '网信办', notPrecededBy: LOCAL_OFFICE_ZH },
    { text: '網信辦', notPrecededBy: LOCAL_OFFICE_ZH },
  ],
};

const selfMedia: EntityEntry = {
  id: 'self-media',
  label: { en: 'Self-media', zh: '自媒体' },
  description: {
    en: 'Self-media (自媒体, zimeiti): accounts run by individuals or small teams that publish news and commentary without a news licence; a frequent target of clean-up campaigns.',
    zh: '自媒体：由个人或小团队运营、没有新闻资质却发布新闻和评论的账号，常是整治行动的对象。',
  },
  color: '#f5c000',
  forms: [
    // Hyphen variants (U+2010, U+2011, en dash) fold to "-", so these cover them too.
    { text: 'self-media' },
    { text: 'self media' },
    { text: 'we-media' },
    { text: 'we media' },
    { text: 'wemedia' },
    // Tone marks fold away, so this also covers zìméitǐ, precomposed or combining.
    { text: 'zimeiti' },
    { text: '自媒体' },
    { text: '自媒體' },
  ],
};

const wechat: EntityEntry = {
  id: 'wechat',
  label: { en: 'WeChat', zh: '微信' },
  description: {
    en: "WeChat (微信, Weixin), Tencent's messaging app; its public accounts are a major channel for news and self-media. Tencent itself is not WeChat.",
    zh: '微信，腾讯旗下的即时通讯应用，其公众号是新闻和自媒体的重要发布渠道。',
  },
  color: '#46a758',
  forms: [{ text: 'WeChat' }, { text: 'Weixin' }, { text: '微信' }],
};

const douyin: EntityEntry = {
  id: 'douyin',
  label: { en: 'Douyin', zh: '抖音' },
  description: {
    en: "Douyin (抖音), ByteDance's short-video app in mainland China. TikTok is its separate international counterpart.",
    zh: '抖音，字节跳动在中国大陆运营的短视频平台；TikTok 是另行运营的海外产品。',
  },
  color: '#d6409f',
  forms: [
    { text: 'Douyin' },
    // 抖音国际版 / 抖音海外版 is how Chinese pages name TikTok.
    { text: '抖音', notFollowedBy: /^(?:国际版|國際版|海外版)/ },
  ],
};

const weibo: EntityEntry = {
  id: 'weibo',
  label: { en: 'Weibo', zh: '微博' },
  description: {
    en: "Weibo (微博, Sina Weibo), China's main microblogging platform, where trending topics and official statements spread.",
    zh: '微博（新浪微博），中国主要的微博客平台，热搜和官方通报常在此传播。',
  },
  color: '#8e4ec6',
  forms: [
    { text: 'Sina Weibo' },
    // Tencent Weibo (腾讯微博) was a rival service, closed in 2020.
    { text: 'Weibo', notPrecededBy: /(?<![A-Za-z])Tencent(?:'s)? $/i },
    { text: '新浪微博' },
    { text: '微博', notPrecededBy: /(?:腾讯|騰訊)$/ },
  ],
};

const kuaishou: EntityEntry = {
  id: 'kuaishou',
  label: { en: 'Kuaishou', zh: '快手' },
  description: {
    en: "Kuaishou (快手), a short-video and live-streaming platform and Douyin's main rival.",
    zh: '快手，短视频和直播平台，抖音的主要竞争对手。',
  },
  color: '#05a2c2',
  forms: [
    { text: 'Kuaishou' },
    // 快手 is also everyday Chinese: 快手快脚 (nimble), 快手菜 (a quick dish): context decides.
    { text: '快手', sense: KUAISHOU_SENSE },
  ],
};

const qinglang: EntityEntry = {
  id: 'qinglang',
  label: { en: 'Qinglang', zh: '清朗' },
  description: {
    en: "Qinglang (清朗, 'clear and bright'): the CAC's recurring campaigns to clean up online content, announced as a series of special operations.",
    zh: '“清朗”系列专项行动：国家网信办部署的网络环境整治行动。',
  },
  color: '#3e63dd',
  forms: [
    // Tone marks fold away: Qīnglǎng and Qi\u0304ngla\u030cng are Qinglang.
    { text: 'Qinglang', notPrecededBy: AFTER_FAMILY_NAME },
    { text: 'Qing Lang', notPrecededBy: AFTER_FAMILY_NAME },
    { text: 'Qing-lang', notPrecededBy: AFTER_FAMILY_NAME },
    { text: 'Operation Qinglang', case: 'capitals' },
    { text: 'Operation Qing Lang', case: 'capitals' },
    { text: 'Operation Clear and Bright', case: 'capitals' },
    { text: 'Clear and Bright', case: 'capitals', onlyIn: CLEAR_AND_BRIGHT_AS_NAME },
    // Bare 清朗 is an everyday adjective (天空清朗, 营造清朗网络空间): context decides.
    { text: '清朗', sense: QINGLANG_SENSE },
  ],
};

/** The built-in entities, in the order of ENTITY_IDS. */
export const BUILTIN_ENTITIES: readonly EntityEntry[] = [cac, selfMedia, wechat, douyin, weibo, kuaishou, qinglang];

const byId = new Map<string, EntityEntry>(BUILTIN_ENTITIES.map((e) => [e.id, e]));

/** The built-in entry for an id, or undefined for an id that is not built in. */
export function builtinEntity(id: BuiltinEntityId | (string & {})): EntityEntry | undefined {
  return byId.get(id);
}
