import { builtinEntity } from '@/lib/lexicon';
import type { EntityId } from '@/lib/types';
import type { CardLanguage } from '../page/page-script';

/**
 * The lexicon's labels and descriptions in Traditional characters, for pages written in
 * them (the lexicon holds English and Simplified). A unit test keeps each one the
 * lexicon's Simplified text character for character, through the search's folding table.
 */
export const TRADITIONAL: Record<string, { label: string; description: string }> = {
  cac: {
    label: '網信辦',
    description: '國家互聯網信息辦公室（國家網信辦），主管全國互聯網信息內容的機構，負責網絡內容的許可與管理，並組織“清朗”系列專項行動。地方網信辦是另外的機構。',
  },
  'self-media': {
    label: '自媒體',
    description: '自媒體：由個人或小團隊運營、沒有新聞資質卻發布新聞和評論的賬號，常是整治行動的對象。',
  },
  wechat: { label: '微信', description: '微信，騰訊旗下的即時通訊應用，其公眾號是新聞和自媒體的重要發布渠道。' },
  douyin: { label: '抖音', description: '抖音，字節跳動在中國大陸運營的短視頻平台；TikTok 是另行運營的海外產品。' },
  weibo: { label: '微博', description: '微博（新浪微博），中國主要的微博客平台，熱搜和官方通報常在此傳播。' },
  kuaishou: { label: '快手', description: '快手，短視頻和直播平台，抖音的主要競爭對手。' },
  qinglang: { label: '清朗', description: '“清朗”系列專項行動：國家網信辦部署的網絡環境整治行動。' },
};

/** A built-in entity's label and description in the card's language. */
export function entityText(entity: EntityId, language: CardLanguage): { label: string; description: string } | undefined {
  const entry = builtinEntity(entity);
  if (!entry) return undefined;
  if (language === 'en') return { label: entry.label.en, description: entry.description.en };
  if (language === 'zh-Hant' && TRADITIONAL[entity]) return TRADITIONAL[entity];
  return { label: entry.label.zh, description: entry.description.zh };
}

/** The card's own words for one of the user's watch-list terms. */
export const OWN_TERM: Record<CardLanguage, string> = {
  en: 'One of your own watch-list terms.',
  'zh-Hans': '你自己关注的词语之一。',
  'zh-Hant': '你自己關注的詞語之一。',
};
