import { describe, expect, it } from 'vitest';
import { compileMatcher, detect, entityInfo, type Matcher } from '../../lib/detect';
import { normalize, toOriginalRange } from '../../lib/text';
import type { Mention } from '../../lib/types';

/** Every mention must quote the text exactly, in order, without overlaps. */
function checked(text: string, mentions: Mention[]): Mention[] {
  let last = 0;
  for (const m of mentions) {
    expect(m.text).toBe(text.slice(m.start, m.end));
    expect(m.start).toBeGreaterThanOrEqual(last);
    expect(m.end).toBeGreaterThan(m.start);
    last = m.end;
  }
  return mentions;
}

/** [entity, text] for each mention: what a reader would see marked. */
function found(text: string, matcher?: Matcher): Array<[string, string]> {
  return checked(text, detect(text, matcher)).map((m) => [m.entity, m.text]);
}

describe('the Cyberspace Administration of China', () => {
  it('takes the full name with its acronym in brackets as one mention', () => {
    expect(found('The Cyberspace Administration of China (CAC) said on Tuesday it would tighten the rules.')).toEqual([
      ['cac', 'Cyberspace Administration of China (CAC)'],
    ]);
    expect(found('據Cyberspace Administration of China（CAC）消息')).toEqual([['cac', 'Cyberspace Administration of China（CAC）']]);
  });

  it('finds the acronym on its own, also glued to Chinese characters', () => {
    expect(found('Officials at the CAC declined to comment.')).toEqual([['cac', 'CAC']]);
    expect(found('The CAC’s new rules take effect in May.')).toEqual([['cac', 'CAC']]);
    expect(found('据CAC称，处置账号6.7万个。')).toEqual([['cac', 'CAC']]);
    expect(found('據CAC稱，處置帳號6.7萬個。')).toEqual([['cac', 'CAC']]);
  });

  it('reads full-width letters as the acronym', () => {
    expect(found('据ＣＡＣ通报')).toEqual([['cac', 'ＣＡＣ']]);
  });

  it('knows the descriptive but specific English names', () => {
    expect(found("China's Cyberspace Administration issued new guidelines.")).toEqual([
      ['cac', "China's Cyberspace Administration"],
    ]);
    expect(found('China’s Cyberspace Administration (CAC) issued new guidelines.')).toEqual([
      ['cac', 'China’s Cyberspace Administration (CAC)'],
    ]);
    expect(found('the Office of the Central Cyberspace Affairs Commission')).toEqual([
      ['cac', 'Office of the Central Cyberspace Affairs Commission'],
    ]);
    expect(found('a notice from the State Internet Information Office')).toEqual([['cac', 'State Internet Information Office']]);
    expect(found('The Cyberspace Administration said the rules apply to all apps.')).toEqual([
      ['cac', 'Cyberspace Administration'],
    ]);
  });

  it('matches the English names in headline capitals too', () => {
    expect(found('CYBERSPACE ADMINISTRATION OF CHINA OPENS PROBE')).toEqual([['cac', 'CYBERSPACE ADMINISTRATION OF CHINA']]);
    expect(found('China Cyberspace Administration Of China')).toEqual([['cac', 'China Cyberspace Administration']]);
  });

  it('demands the capitals of a form written in capitals, past its first letter too', () => {
    // "Cac" is a Vietnamese given name; "CAc" a typo nobody means as the regulator.
    expect(found('Midfielder Nguyen Van Cac scored twice on Sunday.')).toEqual([]);
    expect(found('a CAc cable, a Cac note')).toEqual([]);
    expect(found('The new Cyberspace administration rules for drones, said the city.')).toEqual([]);
    // The same words in the capitals the form has are the regulator.
    expect(found('The CAC said so; the Cyberspace Administration agreed.')).toEqual([
      ['cac', 'CAC'],
      ['cac', 'Cyberspace Administration'],
    ]);
  });

  it('finds the Chinese names in simplified and traditional script', () => {
    const text =
      '国家互联网信息办公室发布通知。國家互聯網信息辦公室發布通知。国家网信办表示，國家網信辦表示，' +
      '中央网信办和中央網信辦也参与了。';
    expect(found(text)).toEqual([
      ['cac', '国家互联网信息办公室'],
      ['cac', '國家互聯網信息辦公室'],
      ['cac', '国家网信办'],
      ['cac', '國家網信辦'],
      ['cac', '中央网信办'],
      ['cac', '中央網信辦'],
    ]);
  });

  it('takes the long Chinese name with its short form in brackets as one mention', () => {
    expect(found('国家互联网信息办公室（国家网信办）近日部署')).toEqual([['cac', '国家互联网信息办公室（国家网信办）']]);
  });

  it('takes bare 网信办 for the national office where no place precedes it', () => {
    expect(found('网信办表示，将继续整治。')).toEqual([['cac', '网信办']]);
    expect(found('據網信辦通報，已關閉帳號。')).toEqual([['cac', '網信辦']]);
  });

  it('does not take a local cyberspace office for the CAC', () => {
    const local = [
      '北京市網信辦今天發布通知。',
      '上海市网信办今天发布通知。',
      '广东省网信办约谈了三家平台。',
      '海淀区网信办和朝阳區網信辦',
      '北京网信办约谈平台',
      '市委网信办负责人表示',
      '各地网信办要加强监管',
      'The Beijing Cyberspace Administration summoned the platform.',
      'the Shanghai Municipal Cyberspace Administration',
      "Guangdong's Cyberspace Administration said",
      'the Cyberspace Administration of Guangdong Province',
      // A no-break space or a double space between the words changes nothing.
      'the Cyberspace Administration\u00a0of Guangdong Province',
      'the Cyberspace Administration  of Guangdong Province',
      'The Beijing  Cyberspace Administration summoned the platform.',
      // Nor does a headline typed in full-width letters.
      'ＢＥＩＪＩＮＧ　ＣＹＢＥＲＳＰＡＣＥ　ＡＤＭＩＮＩＳＴＲＡＴＩＯＮ',
    ];
    for (const text of local) expect(found(text), text).toEqual([]);
  });

  it('does not take "cac" in lower case or inside words for the CAC', () => {
    expect(found('cacao and Alcacer, a CACtus, the cac file, MCAC and CACs')).toEqual([]);
  });

  it('does not take the Paris stock index for the CAC', () => {
    expect(found('The CAC 40 rose 1.2% while the CAC-40 futures and the CAC40 slipped.')).toEqual([]);
    expect(found('Paris\u00a0: CAC\u00a040 en hausse, CAC Next 20 stable.')).toEqual([]);
  });

  it('does not take generic descriptions of a regulator for the CAC', () => {
    const text =
      "China's internet regulator has launched a campaign. The regulator said the cyberspace regulator " +
      'and the watchdog would act; the internet watchdog agreed.';
    expect(found(text)).toEqual([]);
  });
});

describe('self-media', () => {
  it('finds the English spellings, whatever the hyphen or space', () => {
    const text =
      'self-media, self media, Self-Media, self\u2010media, self\u2011media, self\u2013media, self\u00a0media, ' +
      'we media, we-media, We-Media and WeMedia';
    expect(found(text).map(([entity]) => entity)).toEqual(Array(11).fill('self-media'));
    expect(found(text).map(([, t]) => t)).toEqual([
      'self-media', 'self media', 'Self-Media', 'self\u2010media', 'self\u2011media', 'self\u2013media',
      'self\u00a0media', 'we media', 'we-media', 'We-Media', 'WeMedia',
    ]);
  });

  it('finds the pinyin with and without tone marks, precomposed or combining', () => {
    expect(found('so-called zimeiti, or zìméitǐ, or zi\u0300me\u0301iti\u030c accounts')).toEqual([
      ['self-media', 'zimeiti'],
      ['self-media', 'zìméitǐ'],
      ['self-media', 'zi\u0300me\u0301iti\u030c'],
    ]);
  });

  it('finds 自媒体 and 自媒體', () => {
    expect(found('自媒体账号和自媒體帳號')).toEqual([
      ['self-media', '自媒体'],
      ['self-media', '自媒體'],
    ]);
  });

  it('does not find self-media inside other words', () => {
    expect(found('itself media-savvy, selfmediated, wemediately')).toEqual([]);
  });
});

describe('the platforms', () => {
  it('finds WeChat by its names in any case, and 微信', () => {
    expect(found('WeChat, Wechat, WECHAT, Weixin and 微信 all count.')).toEqual([
      ['wechat', 'WeChat'],
      ['wechat', 'Wechat'],
      ['wechat', 'WECHAT'],
      ['wechat', 'Weixin'],
      ['wechat', '微信'],
    ]);
  });

  it('does not take Tencent for WeChat', () => {
    expect(found('Tencent, 腾讯 and 騰訊 reported profits.')).toEqual([]);
    expect(found("Tencent's WeChat grew.")).toEqual([['wechat', 'WeChat']]);
  });

  it('takes "Sina Weibo" and 新浪微博 as one Weibo mention each', () => {
    expect(found('Sina Weibo, Weibo, 新浪微博 and 微博')).toEqual([
      ['weibo', 'Sina Weibo'],
      ['weibo', 'Weibo'],
      ['weibo', '新浪微博'],
      ['weibo', '微博'],
    ]);
  });

  it('does not take Tencent Weibo, a different service, for Weibo', () => {
    expect(found('Tencent Weibo closed in 2020; 腾讯微博和騰訊微博都已停止服务。')).toEqual([]);
    expect(found('Tencent  Weibo, Tencent\u00a0Weibo and ＴＥＮＣＥＮＴ　ＷＥＩＢＯ closed.')).toEqual([]);
    // A soft hyphen (a hyphenation point) inside the word before changes nothing either.
    expect(found('Ten\u00adcent Weibo closed.')).toEqual([]);
  });

  it('finds Douyin and 抖音 but does not take TikTok for Douyin', () => {
    expect(found('Douyin and 抖音 differ from TikTok.')).toEqual([
      ['douyin', 'Douyin'],
      ['douyin', '抖音'],
    ]);
    expect(found('TikTok, also called 抖音国际版 or 抖音海外版')).toEqual([]);
  });

  it('finds Kuaishou and 快手', () => {
    expect(found('Kuaishou (快手) said it would comply.')).toEqual([
      ['kuaishou', 'Kuaishou'],
      ['kuaishou', '快手'],
    ]);
  });

  it('does not take the everyday 快手 for Kuaishou', () => {
    expect(found('他做事快手快脚，晚饭是三道快手菜。')).toEqual([]);
  });

  it('keeps names apart when a slash joins them', () => {
    expect(found('WeChat/Weixin and Douyin/Kuaishou')).toEqual([
      ['wechat', 'WeChat'],
      ['wechat', 'Weixin'],
      ['douyin', 'Douyin'],
      ['kuaishou', 'Kuaishou'],
    ]);
  });
});

describe('the Qinglang campaign', () => {
  it('finds the pinyin with and without tone marks and spaces', () => {
    expect(found('Qinglang, QINGLANG, Qīnglǎng, Qi\u0304ngla\u030cng and Qing Lang')).toEqual([
      ['qinglang', 'Qinglang'],
      ['qinglang', 'QINGLANG'],
      ['qinglang', 'Qīnglǎng'],
      ['qinglang', 'Qi\u0304ngla\u030cng'],
      ['qinglang', 'Qing Lang'],
    ]);
  });

  it('takes "Operation Qinglang" as one mention', () => {
    expect(found('the new round of "Operation Qinglang" by the regulator')).toEqual([['qinglang', 'Operation Qinglang']]);
  });

  it('finds the "Clear and Bright" calque where it names the campaign', () => {
    expect(found('the "Clear and Bright" campaign')).toEqual([['qinglang', 'Clear and Bright']]);
    expect(found('the Clear and Bright operation targets fan culture')).toEqual([['qinglang', 'Clear and Bright']]);
    expect(found('Qinglang (Clear and Bright) is back')).toEqual([
      ['qinglang', 'Qinglang'],
      ['qinglang', 'Clear and Bright'],
    ]);
  });

  it('does not take ordinary "clear and bright" for the campaign', () => {
    expect(found('The morning was clear and bright.')).toEqual([]);
    expect(found('Clear And Bright Skies Expected Over Weekend')).toEqual([]);
  });

  it('does not take the person Qin Lang, nor a person named Qinglang, for the campaign', () => {
    expect(found('Qin Lang, a Beijing lawyer, spoke to Wang Qinglang and Li Qing Lang.')).toEqual([]);
    expect(found('秦朗在巴黎')).toEqual([]);
  });

  it('takes 清朗 for the campaign where the text names it as one', () => {
    const text =
      '“清朗”系列专项行动启动。「清朗」行動開始。清朗·2024年春节网络环境整治，清朗专项行动，清朗系列，清朗行動。';
    expect(found(text).map(([e, t]) => `${e}:${t}`)).toEqual(Array(6).fill('qinglang:清朗'));
  });

  it('does not take the everyday adjective 清朗 for the campaign', () => {
    expect(found('天空清朗，月色清朗。营造清朗网络空间，让网络空间清朗起来。清朗的声音')).toEqual([]);
  });
});

describe('mixed text', () => {
  it('finds English and Chinese names side by side', () => {
    const text = 'On Weibo (微博) and WeChat (微信), the CAC (国家网信办) targeted self-media (自媒體) accounts.';
    expect(found(text)).toEqual([
      ['weibo', 'Weibo'],
      ['weibo', '微博'],
      ['wechat', 'WeChat'],
      ['wechat', '微信'],
      ['cac', 'CAC'],
      ['cac', '国家网信办'],
      ['self-media', 'self-media'],
      ['self-media', '自媒體'],
    ]);
  });

  it('counts every occurrence, also a caption printed twice', () => {
    const caption = 'A sign at the CAC in Beijing.';
    expect(found(`${caption}\n${caption}`)).toEqual([
      ['cac', 'CAC'],
      ['cac', 'CAC'],
    ]);
  });
});

describe('offsets', () => {
  it('indexes the original text, with astral characters, marks and invisible breaks in and before mentions', () => {
    const text = '😀👍🏽 Q\u200bi\u0304nglang 𠮷 自媒体 ＣＡＣ';
    const mentions = detect(text);
    expect(mentions.map((m) => [m.entity, m.start, m.end])).toEqual([
      ['qinglang', text.indexOf('Q'), text.indexOf('g 𠮷') + 1],
      ['self-media', text.indexOf('自媒体'), text.indexOf('自媒体') + 3],
      ['cac', text.indexOf('ＣＡＣ'), text.length],
    ]);
    checked(text, mentions);
  });

  it('keeps combining tone marks with the last letter of a mention', () => {
    const text = 'about zi\u0300mei\u0301ti\u030c.';
    const [mention] = detect(text);
    expect(mention?.text).toBe('zi\u0300mei\u0301ti\u030c');
    expect(mention?.end).toBe(text.length - 1);
  });

  it('matches a name broken over a line, but not across a blank line', () => {
    expect(found('posted on Sina\nWeibo and Sina \u00a0 Weibo')).toEqual([
      ['weibo', 'Sina\nWeibo'],
      ['weibo', 'Sina \u00a0 Weibo'],
    ]);
    expect(found('News from Sina\n\nWeibo users said')).toEqual([['weibo', 'Weibo']]);
    expect(found('News from Sina\r\n\r\nWeibo users said')).toEqual([['weibo', 'Weibo']]);
  });
});

describe('folding', () => {
  it('finds the same mentions in a text as in its normalised form, mapped back', () => {
    const text =
      'Ｗｅｉｂｏ and ＷｅＣｈａｔ, zi\u0300me\u0301iti\u030c, self\u2011media, China’s Cyberspace Administration, ' +
      'Sina\u00a0Weibo, 「清朗・2024」, Qīnglǎng, Wei\u00adbo, ＣＡＣ。';
    const folded = normalize(text);
    const direct = detect(text).map((m) => [m.entity, m.start, m.end]);
    const viaNormalised = detect(folded.text).map((m) => {
      const { start, end } = toOriginalRange(folded, m.start, m.end);
      return [m.entity, start, end];
    });
    expect(direct).toHaveLength(10);
    expect(viaNormalised).toEqual(direct);
  });
});

describe('web addresses', () => {
  it('skips names inside a web address', () => {
    expect(found('See https://weibo.com/u/WeChat?q=Douyin&src=CAC for details.')).toEqual([]);
    expect(found('Visit www.douyin.com/Kuaishou or WWW.WEIBO.COM today.')).toEqual([]);
    expect(found('(http://www.cac.gov.cn/2023/自媒体.htm)')).toEqual([]);
  });

  it('skips a bare host name', () => {
    expect(found('posted to weibo.com and m.weibo.cn and douyin.com')).toEqual([]);
  });

  it('finds names right before and after an address', () => {
    expect(found('微博https://weibo.com/x。网信办表示')).toEqual([
      ['weibo', '微博'],
      ['cac', '网信办'],
    ]);
    expect(found('WeChat (https://weixin.qq.com/) and Weibo.')).toEqual([
      ['wechat', 'WeChat'],
      ['weibo', 'Weibo'],
    ]);
  });

  it('does not keep a name that turns out to be the start of an address', () => {
    expect(found('Weibohttps://example.com/Douyin')).toEqual([]);
  });
});

describe('longest match, no overlap', () => {
  it('prefers the longest name starting at a place', () => {
    expect(found('国家网信办')).toEqual([['cac', '国家网信办']]);
    expect(found('新浪微博')).toEqual([['weibo', '新浪微博']]);
    expect(found('Operation Qinglang')).toEqual([['qinglang', 'Operation Qinglang']]);
  });

  it('falls back to a shorter name when the longer one does not fit', () => {
    // "Operation" wants a capital O; the campaign's name is still there.
    expect(found('the operation Qinglang')).toEqual([['qinglang', 'Qinglang']]);
    expect(found('Cyberspace Administration of Chinatown')).toEqual([['cac', 'Cyberspace Administration']]);
  });
});

describe('the watch-list', () => {
  it('finds the user’s own terms under their own id, acronyms by their case', () => {
    const matcher = compileMatcher({
      userTerms: [{ id: 'samr', label: 'Market regulator', terms: ['SAMR', '市场监管总局', 'market regulator'] }],
    });
    expect(found('The SAMR (市场监管总局), not the samr, and the Market Regulator on WeChat.', matcher)).toEqual([
      ['samr', 'SAMR'],
      ['samr', '市场监管总局'],
      ['samr', 'Market Regulator'],
      ['wechat', 'WeChat'],
    ]);
    expect(entityInfo('samr', matcher)).toMatchObject({ id: 'samr', label: { en: 'Market regulator' }, builtin: false });
  });

  it('lets the user decide case for a term', () => {
    const matcher = compileMatcher({ userTerms: [{ id: 'npc', terms: ['NPC'], caseSensitive: false }] });
    expect(found('the npc and the NPC', matcher)).toEqual([
      ['npc', 'npc'],
      ['npc', 'NPC'],
    ]);
  });

  it('turns entities off', () => {
    const matcher = compileMatcher({ disabled: new Set(['wechat', 'cac']) });
    expect(found('The CAC told WeChat and Weibo to act.', matcher)).toEqual([['weibo', 'Weibo']]);
    expect(matcher.entities.map((e) => e.id)).not.toContain('wechat');
  });

  it('turns a user’s own entity off too', () => {
    const matcher = compileMatcher({ userTerms: [{ id: 'samr', terms: ['SAMR'] }], disabled: ['samr'] });
    expect(found('SAMR and CAC', matcher)).toEqual([['cac', 'CAC']]);
  });

  it('takes the longest of user terms and built-in names', () => {
    const matcher = compileMatcher({ userTerms: [{ id: 'hot-search', terms: ['Weibo hot search'] }] });
    expect(found('on the Weibo hot search list, Weibo said', matcher)).toEqual([
      ['hot-search', 'Weibo hot search'],
      ['weibo', 'Weibo'],
    ]);
  });

  it('adds variants to a built-in entity under its id', () => {
    const matcher = compileMatcher({ userTerms: [{ id: 'weibo', terms: ['微博客'] }] });
    expect(found('在微博客上', matcher)).toEqual([['weibo', '微博客']]);
  });

  it('reports a term it cannot use instead of dropping it silently', () => {
    const matcher = compileMatcher({ userTerms: [{ id: 'mine', terms: ['  ', 'ok term'] }] });
    expect(matcher.skipped).toEqual([{ id: 'mine', term: '  ', reason: expect.stringMatching(/letters|characters/) }]);
    expect(found('an ok term', matcher)).toEqual([['mine', 'ok term']]);
  });
});

describe('the watch-list’s terms as typed', () => {
  it('drops invisible characters and the spaces around a term', () => {
    const matcher = compileMatcher({ userTerms: [{ id: 'mine', terms: ['防火\u200b长城', 'Wei\u00adxin Pay', '  Great Firewall '] }] });
    expect(found('防火长城 blocks Weixin Pay? Not behind the Great Firewall.', matcher)).toEqual([
      ['mine', '防火长城'],
      ['mine', 'Weixin Pay'],
      ['mine', 'Great Firewall'],
    ]);
  });
});

describe('entity info', () => {
  it('gives label, description and colour of a built-in entity', () => {
    const info = entityInfo('qinglang');
    expect(info?.label).toEqual({ en: 'Qinglang', zh: '清朗' });
    expect(info?.description.en).toMatch(/campaign/);
    expect(info?.description.zh).toMatch(/清朗/);
    expect(info?.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(info?.builtin).toBe(true);
  });

  it('knows nothing of an id it was never given', () => {
    expect(entityInfo('no-such-entity')).toBeUndefined();
  });
});
