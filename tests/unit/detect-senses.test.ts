// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compileMatcher, detect, detectPage, PageContext, type Explanation, type Matcher } from '../../lib/detect';
import { takeSnapshot, DETECTION_READING } from '../../lib/dom';

/** The texts of the mentions of one entity, each checked against the source. */
function of(entity: string, text: string, found = detect(text)): string[] {
  for (const m of found) expect(m.text).toBe(text.slice(m.start, m.end));
  return found.filter((m) => m.entity === entity).map((m) => m.text);
}

/** The sentence saying why, for every ambiguous word met. */
function sentences(text: string, matcher?: Matcher): string[] {
  const out: Explanation[] = [];
  detect(text, matcher, { explain: (e) => out.push(e) });
  return out.map((e) => e.why);
}

/** Every ambiguous word met, with the tier that decided it. */
function why(text: string, matcher?: Matcher): Array<[string, boolean, string]> {
  const out: Explanation[] = [];
  detect(text, matcher, { explain: (e) => out.push(e) });
  return out.map((e) => [e.text, e.taken, e.decision.tier]);
}

describe('快手: the platform or an everyday word', () => {
  it('takes it where a word about the platform follows or it is used as a place', () => {
    expect(of('kuaishou', '快手平台下架了这些视频。')).toEqual(['快手']);
    expect(of('kuaishou', '快手回应称已整改。')).toEqual(['快手']);
    expect(of('kuaishou', '他在快手发了一条视频。')).toEqual(['快手']);
  });

  it('does not take a quick dish, an adjective or a deft person for the platform', () => {
    expect(of('kuaishou', '今晚做两道家常快手小炒。')).toEqual([]);
    expect(of('kuaishou', '这份快手早餐十分钟就好。')).toEqual([]);
    expect(of('kuaishou', '这道菜很“快手”。')).toEqual([]);
    expect(of('kuaishou', '老王干活是个快手。')).toEqual([]);
  });

  it('lets the sentence decide when nothing next to it does', () => {
    expect(why('抖音、快手等平台都收到了通知。')).toEqual([['快手', true, 'sentence']]);
    expect(why('快手不等于马虎，火候要看准。')).toEqual([['快手', false, 'sentence']]);
  });

  it('reads the block before when its own block says nothing', () => {
    const text = '短视频平台和直播间里，主播和粉丝越来越多。\n快手也不例外。';
    expect(why(text)).toEqual([['快手', true, 'passage']]);
    const recipe = '先把葱姜蒜切好，锅烧热。\n快手也不例外。';
    expect(why(recipe)).toEqual([['快手', false, 'passage']]);
  });

  it('reads a block alone the same as inside its page when given the block before', () => {
    const before = '短视频平台和直播间里，主播和粉丝越来越多。';
    expect(of('kuaishou', '快手也不例外。', detect('快手也不例外。', undefined, { before }))).toEqual(['快手']);
    expect(of('kuaishou', '快手也不例外。')).toEqual([]);
  });

  it('follows the page when nothing nearby decides', () => {
    // A recipe page: elsewhere its own context made 快手 a dish, so a bare one is a dish too.
    const recipe = '十分钟快手菜合集。\n\n\n\n快手也可以好吃。';
    expect(of('kuaishou', recipe, detectPage(recipe))).toEqual([]);
    // A page that names Douyin far away: the world of the platforms.
    const news = '抖音发布新规。\n\n\n\n快手也可以。';
    expect(of('kuaishou', news, detectPage(news))).toEqual(['快手']);
  });
});

describe('清朗: the campaign or the adjective', () => {
  it('takes it with every separator a campaign title is written with', () => {
    const titles = [
      '清朗·2024年暑期未成年人网络环境整治',
      '「清朗．2026年春节网络环境整治」专项行动',
      '清朗・从严整治“自媒体”乱象',
      '清朗•网络直播',
      '清朗－春节网络环境',
      '清朗 · 2025年',
      '清朗 2024',
      '【清朗】行动',
      '《清朗》系列',
      '「清朗」',
      '清朗系列专项行动',
    ];
    for (const t of titles) expect(of('qinglang', t), t).toEqual(['清朗']);
  });

  it('takes it in traditional script too', () => {
    expect(of('qinglang', '「清朗．2026年春節網絡環境整治」專項行動')).toEqual(['清朗']);
    expect(of('qinglang', '清朗專項行動')).toEqual(['清朗']);
  });

  it('does not take the adjective, even in an article about the campaign', () => {
    expect(of('qinglang', '今夜月色清朗，天空清朗无云。')).toEqual([]);
    expect(of('qinglang', '“清朗”专项行动旨在营造清朗网络空间。')).toEqual(['清朗']);
    expect(of('qinglang', '让网络空间清朗起来。')).toEqual([]);
  });

  it('takes a bare 清朗 as the campaign where its passage is about the campaign', () => {
    expect(why('“清朗”专项行动启动。\n清朗期间共处置账号一万个。')).toEqual([
      ['清朗', true, 'near'],
      ['清朗', true, 'passage'],
    ]);
  });

  it('leaves a bare 清朗 with nothing around it', () => {
    expect(of('qinglang', '清朗是一个好名字。')).toEqual([]);
  });
});

describe('CAC: an acronym means what the page says it means', () => {
  it('is never the regulator as an index name, in any script', () => {
    for (const t of ['CAC候选20股指下跌', 'CAC40上涨', 'CAC 40持平', 'the CAC Next 20 fell', 'CAC指数收高', 'ＣＡＣ４０', '巴黎CAC收盘']) {
      expect(of('cac', t), t).toEqual([]);
    }
  });

  it('is not the regulator where the text spells it out as another body', () => {
    expect(of('cac', '国际食品法典委员会（CAC）于1963年成立。')).toEqual([]);
    expect(of('cac', '国际食品法典委员会（简称CAC）成立。')).toEqual([]);
    expect(of('cac', 'The Codex Alimentarius Commission (CAC) met in Rome.')).toEqual([]);
    expect(of('cac', 'The CAC (Central Arbitration Committee) ruled.')).toEqual([]);
  });

  it('is the regulator where the text spells it out as the regulator', () => {
    expect(of('cac', '中央网信办（CAC）部署工作。')).toEqual(['中央网信办', 'CAC']);
    expect(why('The CAC (Cyberspace Administration) said.')).toEqual([['CAC', true, 'definition']]);
  });

  it('follows the page’s definition in every bare use, however far away', () => {
    const page = '国际食品法典委员会（CAC）成立于1963年。\n\n\n\n今年CAC开会。\n\n\n\n会上，CAC讨论了议程。';
    expect(of('cac', page, detectPage(page))).toEqual([]);
    const regulator = 'The Cyberspace Administration of China (CAC) issued rules.\n\n\n\nThe CAC will meet.';
    expect(of('cac', regulator, detectPage(regulator))).toEqual(['Cyberspace Administration of China (CAC)', 'CAC']);
  });

  it('keeps the regulator in a regulation story that names the CAC 40 in passing', () => {
    // The index defines nothing once the page's own sentences use CAC as the regulator.
    const page = 'The CAC ordered platforms to close self-media accounts.\n\n\n\nIn Paris the CAC 40 closed flat.\n\n\n\nUpdate: the CAC spoke again.';
    expect(of('cac', page, detectPage(page))).toEqual(['CAC', 'CAC']);
    // Without such a sentence, the index still settles the bare uses of a market page.
    const market = 'In Paris the CAC 40 closed flat.\n\n\n\nLater the CAC recovered.';
    expect(of('cac', market, detectPage(market))).toEqual([]);
  });

  it('is the regulator without a definition on a page about Chinese internet regulation', () => {
    const page = '微博和抖音收到通知。\n\n\n\nCAC表示将继续。';
    expect(of('cac', page, detectPage(page))).toEqual(['CAC']);
    expect(of('cac', 'Officials at the CAC declined to comment.')).toEqual(['CAC']);
  });

  it('is not the regulator where its passage speaks of stocks or food standards', () => {
    expect(of('cac', 'Paris stocks slipped and the CAC lost 1% as shares of banks fell.')).toEqual([]);
    expect(of('cac', 'CAC制定的食品农药残留限量被多国采用。')).toEqual([]);
  });
});

describe('the page learns and asks for a second reading', () => {
  it('is stale when it learns a definition after a word was decided from its side', () => {
    const page = new PageContext();
    detect('今年CAC开会。', undefined, { page });
    expect(page.stale).toBe(false);
    detect('国际食品法典委员会（CAC）成立。', undefined, { page });
    expect(page.stale).toBe(true);
    page.settled();
    expect(of('cac', '今年CAC开会。', detect('今年CAC开会。', undefined, { page }))).toEqual([]);
    expect(page.stale).toBe(false);
  });
});

describe('user terms marked ambiguous', () => {
  const matcher = compileMatcher({
    userTerms: [{ id: 'user-gfw', label: 'Great Firewall', terms: ['GFW', '防火长城'], ambiguous: true }],
  });

  it('counts where another of its names is nearby, and not alone', () => {
    expect(of('user-gfw', '防火长城（GFW）屏蔽了网站。', detect('防火长城（GFW）屏蔽了网站。', matcher))).toEqual(['防火长城', 'GFW']);
    expect(of('user-gfw', 'GFW said profits rose.', detect('GFW said profits rose.', matcher))).toEqual([]);
  });

  it('is another body where the page spells the acronym out as something else', () => {
    const text = 'Global Fund for Wildlife (GFW) and the Great Firewall are not the same.';
    expect(why(text, matcher)).toEqual([['GFW', false, 'definition']]);
  });

  it('is the entity where the text spells the acronym out as its label, whatever the case', () => {
    expect(why('The Great Firewall (GFW) blocks sites.', matcher)).toEqual([['GFW', true, 'definition']]);
    expect(why('THE GREAT FIREWALL (GFW) BLOCKS SITES.', matcher)).toEqual([['GFW', true, 'definition']]);
  });

  it('says why in one sentence that names its label and its other names, longest first, as the cues read them', () => {
    // Traditional 防火長城 is supported by GFW, and GFW by the simplified term it was typed as.
    expect(sentences('防火長城與GFW。', matcher)).toEqual([
      '防火長城 is Great Firewall: its sentence speaks of its other names (great firewall, 防火长城, gfw) (gfw).',
      'GFW is Great Firewall: its sentence speaks of its other names (great firewall, 防火长城, gfw) (防火长城).',
    ]);
    // Without a label, the entry's id names it, and only its terms support it.
    const unlabelled = compileMatcher({ userTerms: [{ id: 'user-gfw', terms: ['GFW', '防火长城'], ambiguous: true }] });
    expect(sentences('GFW，防火长城。', unlabelled)).toEqual([
      'GFW is user-gfw: its sentence speaks of its other names (防火长城, gfw) (防火长城).',
      '防火长城 is user-gfw: its sentence speaks of its other names (防火长城, gfw) (gfw).',
    ]);
  });

  it('is left as another word when nothing supports it', () => {
    const out: Explanation[] = [];
    detect('GFW said profits rose.', matcher, { explain: (e) => out.push(e) });
    expect(out.map((e) => e.decision)).toEqual([{ take: false, sense: 'other', tier: 'fallback', label: 'other' }]);
  });

  it('counts a longer name that holds the term as support, but not the term itself', () => {
    const shield = compileMatcher({
      userTerms: [{ id: 'user-gsp', label: 'Golden Shield Project', terms: ['Golden Shield'], ambiguous: true }],
    });
    expect(of('user-gsp', 'The Golden Shield Project filters sites.', detect('The Golden Shield Project filters sites.', shield))).toEqual([
      'Golden Shield',
    ]);
    expect(of('user-gsp', 'Golden Shield sunscreen sold out.', detect('Golden Shield sunscreen sold out.', shield))).toEqual([]);
  });

  it('reads the full stops in its names as themselves', () => {
    const doc9 = compileMatcher({ userTerms: [{ id: 'doc9', label: 'Document No. 9', terms: ['Document 9'], ambiguous: true }] });
    const text = 'Document No. 9, or Document 9, warned of seven perils.';
    expect(of('doc9', text, detect(text, doc9))).toEqual(['Document 9']);
    expect(why('Document 9 warned of seven perils.', doc9)).toEqual([['Document 9', false, 'fallback']]);
  });

  it('ignores blank variants and the spaces around a variant', () => {
    // A blank line in the watch-list is no name: it must not make every definition this entity's.
    const blank = compileMatcher({ userTerms: [{ id: 'user-gfw', label: 'Great Firewall', terms: ['GFW', '  '], ambiguous: true }] });
    expect(why('Global Fund for Wildlife (GFW) said.', blank)).toEqual([['GFW', false, 'definition']]);
    const padded = compileMatcher({ userTerms: [{ id: 'user-gfw', terms: ['GFW', ' Great Firewall '], ambiguous: true }] });
    const text = 'The Great Firewall, or GFW, said.';
    expect(of('user-gfw', text, detect(text, padded))).toEqual(['Great Firewall', 'GFW']);
  });

  it('spells an acronym written with full stops by its letters alone', () => {
    const pla = compileMatcher({ userTerms: [{ id: 'user-pla', label: 'People’s Liberation Army', terms: ['P.L.A.', '解放军'], ambiguous: true }] });
    expect(why('the Pacific Lutheran Academy (P.L.A.) won.', pla)).toEqual([['P.L.A.', false, 'definition']]);
    expect(why('the Pacific Law Society (P.L.A.) won.', pla)).toEqual([['P.L.A.', false, 'fallback']]);
  });
});

describe('user terms across scripts, width and case', () => {
  it('finds a simplified term in traditional text and the other way round', () => {
    const matcher = compileMatcher({ userTerms: [{ id: 'user-gfw', terms: ['防火长城'] }, { id: 'user-samr', terms: ['市場監管總局'] }] });
    expect(detect('防火長城與市场监管总局', matcher).map((m) => [m.entity, m.text])).toEqual([
      ['user-gfw', '防火長城'],
      ['user-samr', '市场监管总局'],
    ]);
  });

  it('finds a term typed in full width or another case', () => {
    const matcher = compileMatcher({ userTerms: [{ id: 'user-npc', terms: ['People’s Congress'] }] });
    expect(detect('the ＰＥＯＰＬＥ\'S CONGRESS met', matcher).map((m) => m.text)).toEqual(['ＰＥＯＰＬＥ\'S CONGRESS']);
  });
});

describe('names broken inside a word', () => {
  it('joins a Chinese name across one line break, with or without indentation', () => {
    expect(of('cac', '据国家网信\n办消息')).toEqual(['国家网信\n办']);
    expect(of('cac', '国家网\r\n    信办')).toEqual(['国家网\r\n    信办']);
  });

  it('does not join across a blank line, a block break or plain spaces', () => {
    expect(of('cac', '国家网信\n\n办')).toEqual([]);
    expect(of('cac', '国家网信\u001e办')).toEqual([]);
    expect(of('cac', '国家网信 办')).toEqual([]);
  });

  it('reads <br> and an empty inline element inside a word as one name, a block boundary as two', () => {
    document.body.innerHTML =
      '<p>国家网信<br>办</p><p>国家网信<span></span>办</p><p>国家<b>网信</b>办</p><p>国家网信</p><p>办</p><p>Sina<br><br>Weibo</p>';
    const { text } = takeSnapshot(document.body, DETECTION_READING);
    expect(of('cac', text)).toEqual(['国家网信\n办', '国家网信办', '国家网信办']);
    expect(of('weibo', text)).toEqual(['Weibo']);
  });
});

describe('reasons', () => {
  it('puts the reason on a context-decided mention only when asked, never on others', () => {
    const [kuaishou, weibo] = detect('快手平台和微博', undefined, { reasons: true });
    expect(kuaishou?.reason).toMatch(/^快手 is the platform Kuaishou: next to it/);
    expect(weibo?.reason).toBeUndefined();
    expect(detect('快手平台')[0]?.reason).toBeUndefined();
  });
});
