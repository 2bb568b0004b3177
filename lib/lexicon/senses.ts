/**
 * How context decides the built-in names that are also ordinary words or other bodies'
 * acronyms. Each rule is read by lib/detect/senses.ts, tier by tier (see SenseRule);
 * every cue carries a label, so a decision can be explained.
 *
 * Cues are tested on folded text (lib/text/fold.ts): full-width letters and digits are
 * ASCII, every quote is " or ', every middle dot (· ・ • ･) is ·, every dash is -, every
 * space is one ' '. Han characters are not folded there, so cues list both scripts.
 */
import type { CueWords, NearCue, SenseRule } from './types';

/** Every tracked entity: naming any of them makes a page one about the Chinese internet. */
const ALL_ENTITIES = ['cac', 'self-media', 'wechat', 'douyin', 'weibo', 'kuaishou', 'qinglang'] as const;

/** Campaign and platform vocabulary shared by the rules. */
const INTERNET_WORDS =
  '网信|網信|互联网|互聯網|网络|網絡|網路|网民|網民|网友|網友|平台|平臺|账号|帳號|賬號|自媒体|自媒體|算法|直播|短视频|短視頻|网站|網站|约谈|約談';

// ── 快手 ─────────────────────────────────────────────────────────────────────────────
// Kuaishou the platform, or the everyday word: a quick dish (快手菜, 家常快手小炒), quick
// as an adjective (这道菜很“快手”), a deft person (他是个快手, 快手快脚).

const KUAISHOU_NEAR: readonly NearCue[] = [
  {
    sense: 'entity',
    label: 'a word about the platform follows',
    followedBy:
      /^["'」』]?(?:平台|平臺|[Aa][Pp][Pp]|应用|應用|官方|公司|科技|集团|集團|直播|短视频|短視頻|视频|視頻|账号|帳號|賬號|号|號|用户|用戶|网友|網友|主播|达人|達人|电商|電商|小店|极速版|極速版|上市|股价|股價|股份|港股|财报|財報|创始人|創始人|CEO|回应|回應|表示|称|稱|发布|發布|发文|發文|声明|聲明|宣布|方面|客服|安全中心|社区|社區|热榜|熱榜|上(?!手))/,
  },
  {
    sense: 'entity',
    label: 'used as a place or an app (在快手, 刷快手)',
    precededBy: /(?:在|登录|登錄|下载|下載|打开|打開|刷|入驻|入駐|通过|通過|据|據|Kuaishou ?\(?)["'「『]?$/i,
  },
  {
    sense: 'other',
    label: 'a dish (快手菜, 快手早餐)',
    followedBy:
      /^["'」』]?(?:菜|小炒|炒|早餐|午餐|晚餐|早饭|早飯|午饭|午飯|晚饭|晚飯|饭|飯|面(?![向对對临臨前])|麵|汤|湯|粥|料理|美食|菜谱|菜譜|食谱|食譜|做法|便当|便當|凉拌|涼拌|甜品|点心|點心|小菜|好菜|下饭|下飯|家常)/,
  },
  { sense: 'other', label: 'a manner of working (快手快脚)', followedBy: /^(?:快脚|快腳|麻利|利落)/ },
  {
    sense: 'other',
    label: 'an adjective after a degree word (很快手)',
    precededBy: /(?:很|超|太|最|更|挺|真|非常|特别|特別|比较|比較|相当|相當|十分|够|夠|既|又)["'「『]?$/,
  },
  { sense: 'other', label: 'a deft person (是个快手)', precededBy: /(?:[一是]?[个個位名把])$/ },
  { sense: 'other', label: 'a dish (家常快手)', precededBy: /(?:家常|懒人|懶人|上班族|一人食|道|份|款)["'「『]?$/ },
];

const KUAISHOU_CUES: readonly CueWords[] = [
  {
    sense: 'entity',
    label: 'the platforms',
    words: new RegExp(
      `${INTERNET_WORDS}|用户|用戶|粉丝|粉絲|App|APP|应用|應用|上市|港股|市值|流量|抖音|微博|微信|B站|哔哩哔哩|小红书|小紅書|拼多多|淘宝|淘寶|字节|字節|腾讯|騰訊|Kuaishou|Douyin|TikTok|WeChat|Weibo`,
      'gi',
    ),
  },
  {
    sense: 'other',
    label: 'cooking',
    words:
      /菜|炒|煮|蒸|炖|燉|煎|烤|锅|鍋|食材|调料|調料|调味|調味|火候|盐|鹽|酱油|醬油|葱|蔥|姜|薑|蒜|厨房|廚房|做饭|做飯|烹饪|烹飪|口感|味道|美味|下饭|下飯|菜谱|菜譜|食谱|食譜|早餐|晚餐|午餐|便当|便當|家常/gi,
  },
  { sense: 'other', label: 'a manner of working', words: /马虎|馬虎|麻利|利落|手脚|手腳|干活|幹活|做事|手艺|手藝|勤快|熟练|熟練/gi },
];

export const KUAISHOU_SENSE: SenseRule = {
  meaning: 'the platform Kuaishou',
  near: KUAISHOU_NEAR,
  cues: KUAISHOU_CUES,
  pageEntities: ALL_ENTITIES,
  fallback: 'other',
};

// ── 清朗 ─────────────────────────────────────────────────────────────────────────────
// The campaign's name, or the adjective "clear, bright" (天空清朗, 营造清朗网络空间).

/** Quote marks and the brackets that set a name apart: “清朗” 「清朗」 【清朗】 《清朗》. */
const OPENS_NAME = /["'「『【〔〖《〈([] ?$/;
/**
 * What joins the campaign's name to a sub-campaign's title: a middle dot of any kind
 * (· ・ • ･, folded), a full stop (．), a dash (－ —), each with or without spaces, or a
 * space before a year: 清朗·2023年…, 「清朗．2026年…」, 清朗 - 春节…, 清朗 2024.
 */
const JOINS_TITLE = /^ ?(?:· ?|[.\-:] ?(?=[0-9\u3400-\u9fff"'「『【])|(?=[0-9]{4}))/;

const QINGLANG_NEAR: readonly NearCue[] = [
  {
    sense: 'entity',
    label: 'quoted or bracketed as a name (“清朗”)',
    precededBy: OPENS_NAME,
    followedBy: /^ ?(?:["'」』】〕〗》〉)\]]|·|[.\-:] ?(?=[0-9\u3400-\u9fff]))/,
  },
  { sense: 'entity', label: 'joined to a campaign title (清朗·2024年…)', followedBy: JOINS_TITLE },
  { sense: 'entity', label: 'named as a campaign (清朗系列, 清朗专项行动)', followedBy: /^(?:系列|专项|專項|行动|行動|整治)/ },
  {
    sense: 'other',
    label: 'an adjective (清朗的, 清朗网络空间)',
    followedBy:
      /^(?:的|地|起来|起來|下来|下來|了|些|而|、|网络|網絡|網路|空间|空間|环境|環境|天空|夜空|月色|世界|生态|生態|舆论|輿論|氛围|氛圍|明亮|健康|和谐|和諧|有序|干净|乾淨|之)/,
  },
  {
    sense: 'other',
    label: 'an adjective after a degree word or a subject (很清朗, 天空清朗)',
    precededBy:
      /(?:很|更|更加|愈加|愈发|愈發|十分|非常|格外|越来越|越來越|日益|日趋|日趨|天|天空|天气|天氣|夜空|月色|空气|空氣|环境|環境|空间|空間|网络|網絡|網路|营造|營造|建设|建設|打造|维护|維護|守护|守護|还|還|共建|一片|、|和|与|與|晴朗|明朗)$/,
  },
];

export const QINGLANG_SENSE: SenseRule = {
  meaning: 'the Qinglang campaign',
  near: QINGLANG_NEAR,
  cues: [
    {
      sense: 'entity',
      label: 'the campaign',
      words: /专项行动|專項行動|专项整治|專項整治|整治行动|整治行動|系列行动|系列行動|网信|網信|Qinglang|Clear and Bright/gi,
    },
    { sense: 'other', label: 'weather', words: /天气|天氣|晴|多云|多雲|气温|氣溫|降雨|阴天|陰天|月色|月光|夜空|星空|秋高|气爽|氣爽/gi },
  ],
  // The adjective is everywhere in campaign articles ("营造清朗网络空间"): only a near
  // cue says "adjective"; a passage about the campaign can only say "campaign".
  cuesOnlyFor: 'entity',
  pageEntities: ['qinglang'],
  fallback: 'other',
};

// ── CAC ──────────────────────────────────────────────────────────────────────────────
// The Cyberspace Administration, the Codex Alimentarius Commission, the Paris index
// family (CAC 40, CAC Next 20 = CAC候选20), and other bodies with the same letters.

const CAC_NEAR: readonly NearCue[] = [
  {
    sense: 'other',
    label: 'a stock index name (CAC 40, CAC候选20, CAC Next 20)',
    defines: true,
    followedBy:
      /^(?: ?-? ?[0-9]{2}(?![0-9])| ?(?:候选|候選|指数|指數|股指|全指|全股|成分|期货|期貨)| (?:Next|Mid|Large|Small|All[- ]Tradable|All[- ]Share|Index|index|futures)(?![A-Za-z]))/,
  },
  { sense: 'other', label: 'a Codex document code (CAC/GL)', defines: true, followedBy: /^\/(?:[A-Z]{2,}|[0-9])/ },
  { sense: 'other', label: 'a Codex document code (REP12/CAC)', defines: true, precededBy: /[A-Z]{2,}[0-9]*\/$/ },
  { sense: 'other', label: 'the Paris index (巴黎CAC)', defines: true, precededBy: /(?:巴黎|法国|法國|Paris|France's|French) ?$/ },
];

export const CAC_SENSE: SenseRule = {
  meaning: 'the Cyberspace Administration of China',
  near: CAC_NEAR,
  cues: [
    {
      sense: 'entity',
      label: 'Chinese internet regulation',
      words: new RegExp(
        `${INTERNET_WORDS}|整治|清朗|internet|online|cyber\\w*|platforms?|apps?|censor\\w*|algorithms?|livestream\\w*|social media|crackdown`,
        'gi',
      ),
    },
    {
      sense: 'other',
      label: 'stock markets',
      words: /股市|股指|指数|指數|收盘|收盤|开盘|開盤|成分股|欧股|歐股|泛欧|泛歐|证券|證券|交易所|Euronext|stocks?|shares|indices|bourse|FTSE|DAX|Stoxx|blue chips?/gi,
    },
    {
      sense: 'other',
      label: 'food standards',
      words: /食品|法典|Codex|FAO|粮农|糧農|农药|農藥|残留|殘留|兽药|獸藥|限量|添加剂|添加劑|Alimentarius|food|residues?|pesticides?|MRLs?|contaminants?/gi,
    },
  ],
  pageEntities: ALL_ENTITIES,
  fallback: 'entity',
  acronym: {
    entityExpansion:
      /网信|網信|互联网信息|互聯網信息|互聯網資訊|网络安全和信息化|網絡安全和信息化|網路安全和資訊化|Cyberspace|Internet Information/i,
  },
};
