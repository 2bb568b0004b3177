import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../../lib/detect';
import { ACTION_TABLE, ACTIONS, findFacts } from '../../lib/facts';
import { parseTxtArticle } from '../../lib/scan/article';
import { scanArticle } from '../../lib/scan/scan-article';

/**
 * Figures as enforcement reports and their coverage write them. Every rule is shown by an
 * invented sentence; the real pages are checked in facts-real-pages.test.ts.
 */
type Read = [string, number, string | undefined, string | undefined, string | undefined];

/** text as written, value, unit, action, qualifier of each figure, with the real detector. */
function read(text: string): Read[] {
  return findFacts(text, detect(text)).flatMap((f) =>
    f.fact.figures.map((g, i): Read => [g.text, g.value, g.unit, f.figureActions[i], g.qualifier]));
}
const entitiesOf = (text: string) => findFacts(text, detect(text)).map((f) => f.fact.entities);

describe('the action table', () => {
  it('gives every English and Chinese form of a row that row\'s action', () => {
    for (const row of ACTION_TABLE) {
      for (const verb of row.active) {
        expect(read(`The CAC ${verb} 30 websites.`).map((r) => r[3]), verb).toEqual([row.action]);
      }
      for (const participle of row.participles) {
        expect(read(`Under the CAC campaign, 30 websites were ${participle}.`).map((r) => r[3]), participle).toEqual([row.action]);
      }
      for (const verb of row.zh) {
        expect(read(`网信办${verb}网站30家。`).map((r) => r[3]), verb).toEqual([row.action]);
      }
    }
  });

  it('lists each form once and each id once, so no word stands for two acts', () => {
    const forms = (pick: (r: (typeof ACTION_TABLE)[number]) => readonly string[]) => ACTION_TABLE.flatMap(pick);
    for (const list of [forms((r) => r.active), forms((r) => r.participles), forms((r) => r.zh)]) {
      expect(new Set(list).size).toBe(list.length);
    }
    expect(ACTION_TABLE.map((r) => r.action)).toEqual([...ACTIONS]);
  });

  it('is the table in the README', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Campaign facts: actions'));
    for (const id of ACTIONS) expect(section).toContain(`| \`${id}\` |`);
  });

  it('keeps different acts apart and the same act in both languages together', () => {
    expect(read('网信办永久关闭账号300个。')[0]?.[3]).toBe('closed');
    expect(read('The CAC permanently closed 300 accounts.')[0]?.[3]).toBe('closed');
    expect(read('网信办会同有关部门关闭违法网站120家。')[0]?.[3]).toBe('closed');
    expect(read('Under the CAC campaign, 120 illegal websites were closed.')[0]?.[3]).toBe('closed');
    expect(read('网信办处置账号300个。')[0]?.[3]).toBe('dealt with');
    expect(read('The CAC disposed of 300 accounts.')[0]?.[3]).toBe('dealt with');
    expect(read('网信办约谈平台5家，移交线索300条。').map((r) => r[3])).toEqual(['summoned', 'referred']);
    expect(read('The CAC summoned 5 platforms and handed over 300 leads.').map((r) => r[3])).toEqual(['summoned', 'referred']);
    expect(read('网信办下架应用程序30款，清理信息300条。').map((r) => r[3])).toEqual(['removed', 'cleared']);
    expect(read('网信办封禁账号30个，禁言账号40个，暂停更新网站5家。').map((r) => r[3])).toEqual(['banned', 'banned', 'suspended']);
    expect(read('The CAC muted 40 accounts.')[0]?.[3]).toBe('banned');
  });
});

describe('who speaks: the regulator as a body', () => {
  it.each([
    '全国网信系统依法约谈网站平台9876家。',
    '各级网信部门约谈网站平台9876家。',
    '網信部門約談網站平臺9876家。',
    'Internet information departments at all levels summoned 9,876 websites.',
    'The national cyberspace system summoned 9,876 websites.',
    'Chinese cyberspace regulators summoned 9,876 websites.',
    'Internet authorities summoned 9,876 websites.',
  ])('reads "%s" as the CAC\'s', (text) => {
    expect(entitiesOf(text)).toEqual([['cac']]);
  });

  it('lets the paragraph\'s regulator speak for a sentence without a subject', () => {
    const text = 'Cyberspace authorities released their figures.\n\nIn all, 420 apps were shut down.';
    expect(entitiesOf(text)).toEqual([['cac']]);
    expect(read(text)).toEqual([['420', 420, 'platforms', 'closed', undefined]]);
  });

  it('gives a headline its figure when the regulator is its agent', () => {
    expect(read('上半年3491家网站平台被网信部门约谈')).toEqual([['3491', 3491, 'platforms', 'summoned', undefined]]);
  });

  it('still drops numbers in passages about neither the regulator nor a campaign', () => {
    expect(read('The city authorities said 300 schools closed on Monday.')).toEqual([]);
    expect(read('The club closed 300 accounts after the merger.')).toEqual([]);
  });
});

describe('how enforcement reports put verb and object', () => {
  it('reads the yearly report\'s sentence: 约谈…家, 对…实施警告或罚款处罚, 责令…暂停', () => {
    expect(read('全国网信系统依法约谈网站平台9876家，对3210家网站平台实施警告或罚款处罚，责令432家网站暂停有关功能。')).toEqual([
      ['9876', 9876, 'platforms', 'summoned', undefined],
      ['3210', 3210, 'platforms', 'warned or fined', undefined],
      ['432', 432, 'platforms', 'suspended', undefined],
    ]);
    expect(read('全国网信系统依法对1234家网站平台予以约谈。')[0]?.[3]).toBe('summoned');
  });

  it('reads the English versions: passives, "ordered to", "removed from the shelves"', () => {
    const text = 'Internet information departments at all levels reported their work. A total of 9,876 websites were interviewed. '
      + '321 websites were ordered to suspend functions. 198 mobile applications were removed from the shelves.';
    expect(read(text)).toEqual([
      ['9,876', 9876, 'platforms', 'summoned', undefined],
      ['321', 321, 'platforms', 'suspended', undefined],
      ['198', 198, 'platforms', 'removed', undefined],
    ]);
  });

  it('reads "order N websites to suspend" with the verb after the object', () => {
    expect(read('The national cyberspace system will order 453 companies to suspend functions.')[0]?.slice(2)).toEqual(['platforms', 'suspended', undefined]);
  });

  it('reads the verbs of the issue\'s sentences', () => {
    expect(read('Since March, the CAC campaign saw more than 38.2 million pieces of content cleared or blocked.'))
      .toEqual([['38.2 million', 38200000, 'posts', 'cleared', 'more than']]);
    expect(read('The CAC imposed punishments on 512 accounts.')).toEqual([['512', 512, 'accounts', 'penalised', undefined]]);
    expect(read('The CAC disposed of over 2.1 billion accounts.')).toEqual([['2.1 billion', 2100000000, 'accounts', 'dealt with', 'more than']]);
    expect(read('The CAC took action against 1,200 accounts and took down 44 apps.').map((r) => r[3])).toEqual(['dealt with', 'removed']);
  });

  it('reads penalties received: "receiving warnings", "were issued a warning"', () => {
    expect(read('The CAC investigated 8,608 websites, with 6,767 receiving warnings.')[1]?.slice(2)).toEqual(['platforms', 'warned or fined', undefined]);
    expect(read('Under the CAC campaign, 6,767 websites were issued a warning.')[0]?.[3]).toBe('warned or fined');
  });

  it('reads a revoked licence in both languages, and lets the nearer act name a figure that has two', () => {
    expect(read('The CAC cancelled the license or registration of 25,233 illegal websites.')[0]?.[3]).toBe('revoked');
    expect(read('网信办取消违法网站许可或备案12家。')[0]?.[3]).toBe('revoked');
    expect(read('网信办取消违法网站许可或备案、关闭违法网站14624家。')[0]?.[3]).toBe('closed');
  });

  it('reads a bare participle after the noun as a passive, as headlines and lists do', () => {
    expect(read('CAC: 420 programs removed from app stores')[0]?.slice(2)).toEqual(['platforms', 'removed', undefined]);
    expect(read('Under the CAC campaign, 65,600 accounts punished for hyping topics.')[0]?.[3]).toBe('penalised');
    // A verb with an object of its own is not a passive: the number is its subject.
    expect(read('In the CAC campaign, 12 influencers closed their accounts.')).toEqual([]);
  });

  it('gives joined subjects the verb that follows the last of them', () => {
    expect(read('Under the CAC campaign, more than 22 million items of illegal information and more than 2,160 apps and mini programs were removed.'))
      .toEqual([
        ['22 million', 22000000, 'posts', 'removed', 'more than'],
        ['2,160', 2160, 'platforms', 'removed', 'more than'],
      ]);
  });

  it('gives a breakdown after "including" the act of the total', () => {
    expect(read('The CAC dealt with 830,000 accounts, including 55,000 accounts, 12,800 accounts and another 443,500 accounts.').map((r) => [r[1], r[3]]))
      .toEqual([[830000, 'dealt with'], [55000, 'dealt with'], [12800, 'dealt with'], [443500, 'dealt with']]);
  });

  it('lets a list speak of what its lead-in line names', () => {
    const text = "Here's the breakdown of the CAC's actions against websites:\n\n6,767 websites were issued a warning\n\n420 programs removed from app stores";
    expect(read(text).map((r) => [r[1], r[3]])).toEqual([[6767, 'warned or fined'], [420, 'removed']]);
    expect(entitiesOf(text)).toEqual([['cac'], ['cac']]);
  });

  it('reads a passive that opens the next clause: 等980余个账号，已被依法依约关闭', () => {
    expect(read('微博账号「甲」等980余个账号因散布谣言，已被依法依约关闭。')).toEqual([['980', 980, 'accounts', 'closed', 'more than']]);
  });
});

describe('units, hedges and digits as reports write them', () => {
  it('counts websites, apps and mini programs as platforms, livestreamers as people, in both languages', () => {
    expect(read('网信办下架App、小程序2890余款，关停MCN机构20家，封禁主播7200余名。').map((r) => r[2])).toEqual(['platforms', 'platforms', 'people']);
    expect(read('The CAC shut down 119 mini programs, removed 259 mobile applications and banned 30 livestreamers.').map((r) => r[2]))
      .toEqual(['platforms', 'platforms', 'people']);
  });

  it('counts the accounts in "7,200 streamers\' accounts", not the streamers', () => {
    expect(read("The CAC banned over 7200 streamers' accounts.")).toEqual([['7200', 7200, 'accounts', 'banned', 'more than']]);
  });

  it('reads full-width digits and keeps the figure as written', () => {
    const text = '微博帳號「甲」、「乙」等９８０餘個帳號已被依法依約關閉。';
    const [figure] = read(text);
    expect(figure).toEqual(['９８０', 980, 'accounts', 'closed', 'more than']);
  });

  it('reads 余, 多, 近, 约 and English hedges', () => {
    expect(read('网信办关闭账号3000多个，处置账号近2000个，清理信息约500条，封禁账号100余个。').map((r) => r[4]))
      .toEqual(['more than', 'nearly', 'around', 'more than']);
    expect(read('The CAC closed some 4,200 websites, banned nearly 70 apps and removed upwards of 900 posts.').map((r) => r[4]))
      .toEqual(['around', 'nearly', 'more than']);
  });

  it('reads a number glued to the word before by a comma as a number: "accounts,187,500"', () => {
    expect(read('The CAC closed 12,800 accounts,187,500 accounts and 3 websites.').map((r) => r[1])).toEqual([12800, 187500, 3]);
  });

  it('still gives the figure of a sentence cut off at the end of the text', () => {
    expect(read('網信辦表示，已關閉賬號6.66萬餘個，清理信息141')).toEqual([
      ['6.66萬', 66600, 'accounts', 'closed', 'more than'],
      ['141', 141, 'posts', 'cleared', undefined],
    ]);
  });

  it('stops a headline\'s noun at the space between its clauses', () => {
    expect(read('全国网信系统关闭违法网站10946家 关闭账号107802个').map((r) => r[2])).toEqual(['platforms', 'accounts']);
  });
});

describe('numbers that are not figures', () => {
  it('does not count campaigns, tasks or a reporter\'s interviews', () => {
    expect(read('国家网信办部署开展用户账号运营乱象整治等15项“清朗”系列专项行动。')).toEqual([]);
    expect(read('In the CAC story, Reuters interviewed 30 people.')).toEqual([]);
    expect(read('Under the CAC campaign, 12 apps were allowed to return to app stores.')).toEqual([]);
  });

  it('reads a headline printed again as the first line as one sentence, the TITLE label aside', () => {
    const article = parseTxtArticle('TITLE: 2022年网信办处置账号680余万个\n\n2022年网信办处置账号680余万个\n');
    const { facts } = scanArticle(article);
    expect(facts.map((f) => f.text)).toEqual(['2022年网信办处置账号680余万个']);
    expect(facts[0]?.figures.map((f) => f.value)).toEqual([6800000]);
  });
});

describe('particles', () => {
  it('reads the "over" of "handed over" as the verb\'s, not as a hedge', () => {
    expect(read('The CAC handed over 300 leads and closed over 100 accounts.')).toEqual([
      ['300', 300, 'clues', 'referred', undefined],
      ['100', 100, 'accounts', 'closed', 'more than'],
    ]);
  });
});

describe('modifiers joined by "and" before the counted noun', () => {
  it('reads the noun after modifiers joined by "and" or "or" as what the figure counts', () => {
    expect(read('The CAC closed 3,000 fake police and court accounts.')).toEqual([['3,000', 3000, 'accounts', 'closed', undefined]]);
    expect(read('The CAC removed 500 illegal or harmful videos.')).toEqual([['500', 500, 'posts', 'removed', undefined]]);
    // And the breakdown that follows such a figure keeps its items.
    expect(read('The CAC dealt with 9,000 accounts, including 3,000 fake police and court accounts, 2,000 fake media accounts.').map((r) => [r[1], r[2]]))
      .toEqual([[9000, 'accounts'], [3000, 'accounts'], [2000, 'accounts']]);
  });

  it('does not reach past an "and" that starts another phrase', () => {
    // "and the accounts": a determiner begins a phrase of its own; 4,000 counts complaints.
    expect(read('The CAC reviewed 4,000 complaints and the accounts behind them.').filter((r) => r[1] === 4000 && r[2] === 'accounts')).toEqual([]);
    // "and were": a verb follows; "and 20": a number begins the next figure.
    expect(read('The CAC said 800 fake and were closed.').filter((r) => r[2] !== undefined)).toEqual([]);
    expect(read('The CAC closed 300 accounts and 20 websites.').map((r) => [r[1], r[2]])).toEqual([[300, 'accounts'], [20, 'platforms']]);
  });
});

describe('"of these" counts what the sentence before counted', () => {
  it('takes the unit of the last figure of the sentence before', () => {
    expect(read('The CAC summoned 90 websites. 30 of these were also fined.').map((r) => [r[1], r[2], r[3]]))
      .toEqual([[90, 'platforms', 'summoned'], [30, 'platforms', 'warned or fined']]);
  });

  it('not across a sentence without figures, and not for a figure without the pronoun', () => {
    expect(read('The CAC summoned 90 websites. Police later questioned several bloggers. 30 of them were fined.').map((r) => [r[1], r[2]]))
      .toEqual([[90, 'platforms'], [30, undefined]]);
    expect(read('The CAC summoned 90 websites. 30 were fined.').map((r) => [r[1], r[2]])).toEqual([[90, 'platforms'], [30, undefined]]);
  });
});
