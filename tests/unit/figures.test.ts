import { describe, expect, it } from 'vitest';
import { extractFacts, parseChineseNumeral, parseEnglishNumberWords, roundSignificant, scaleDecimal, significantDigits } from '../../lib/facts';
import type { Figure, Mention } from '../../lib/types';

/** Mentions built by hand: every occurrence of each term, under the entity id given. */
function mentionsOf(text: string, terms: Record<string, string>): Mention[] {
  const mentions: Mention[] = [];
  for (const [term, entity] of Object.entries(terms)) {
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) {
      mentions.push({ entity, start: at, end: at + term.length, text: term });
    }
  }
  return mentions;
}

const TERMS = { CAC: 'cac', 网信办: 'cac', 網信辦: 'cac', Weibo: 'weibo', 微博: 'weibo', Douyin: 'douyin', 抖音: 'douyin' };

function figures(text: string): Figure[] {
  return extractFacts(text, mentionsOf(text, TERMS)).flatMap((f) => f.figures);
}

/** value, unit and qualifier of each figure, for compact expectations. */
function read(text: string): Array<[number, string | undefined, string | undefined]> {
  return figures(text).map((f) => [f.value, f.unit, f.qualifier]);
}

describe('exact decimals', () => {
  it('scales 1.1亿 to exactly 110000000, which float multiplication does not', () => {
    expect(1.1 * 1e8).not.toBe(110000000);
    expect(scaleDecimal('1.1', 8)).toBe(110000000);
    expect(read('网信办处置账号1.1亿个。')).toEqual([[110000000, 'accounts', undefined]]);
  });

  it('keeps every digit written: 141.09萬 is 1410900, 6.66萬 is 66600, 1.19亿 is 119000000', () => {
    expect(scaleDecimal('141.09', 4)).toBe(1410900);
    expect(scaleDecimal('6.66', 4)).toBe(66600);
    expect(scaleDecimal('1.19', 8)).toBe(119000000);
    expect(scaleDecimal('0.5', 4)).toBe(5000);
    expect(scaleDecimal('2.5', 0)).toBe(2.5);
  });

  it('counts significant digits and rounds to them without float noise', () => {
    expect(significantDigits(67000)).toBe(2);
    expect(significantDigits(66600)).toBe(3);
    expect(significantDigits(1410900)).toBe(5);
    expect(roundSignificant(66600, 2)).toBe(67000);
    expect(roundSignificant(1410900, 2)).toBe(1400000);
    expect(roundSignificant(66600, 2, 'down')).toBe(66000);
    expect(roundSignificant(7600, 1, 'up')).toBe(8000);
  });
});

describe('numerals written as words', () => {
  it('reads Chinese numerals', () => {
    expect(parseChineseNumeral('二十')).toBe(20);
    expect(parseChineseNumeral('十二')).toBe(12);
    expect(parseChineseNumeral('两')).toBe(2);
    expect(parseChineseNumeral('三千')).toBe(3000);
    expect(parseChineseNumeral('一万二千')).toBe(12000);
    expect(parseChineseNumeral('一百零五')).toBe(105);
    expect(parseChineseNumeral('一亿二千万')).toBe(120000000);
  });

  it('does not read a year written digit by digit, or a bare scale, as a count', () => {
    expect(parseChineseNumeral('二〇二一')).toBeUndefined();
    expect(parseChineseNumeral('万')).toBeUndefined();
    expect(parseChineseNumeral('千')).toBeUndefined();
  });

  it('reads English number words', () => {
    expect(parseEnglishNumberWords('two')).toBe(2);
    expect(parseEnglishNumberWords('twenty-five')).toBe(25);
    expect(parseEnglishNumberWords('three hundred and ten')).toBe(310);
    expect(parseEnglishNumberWords('a thousand')).toBe(1000);
    expect(parseEnglishNumberWords('two million')).toBe(2000000);
  });
});

describe('figure forms in English', () => {
  it('reads digits with separators', () => {
    expect(read('The CAC closed 1,410,900 accounts.')).toEqual([[1410900, 'accounts', undefined]]);
  });

  it('reads scale words and abbreviations', () => {
    expect(read('The CAC removed 1.4 million posts.')).toEqual([[1400000, 'posts', undefined]]);
    expect(read('The CAC removed 1.4m posts.')).toEqual([[1400000, 'posts', undefined]]);
    expect(read('Douyin deleted 54.3 million videos.')).toEqual([[54300000, 'posts', undefined]]);
    expect(read('Weibo closed 22 million accounts.')).toEqual([[22000000, 'accounts', undefined]]);
    expect(read('Weibo closed 2bn accounts.')).toEqual([[2000000000, 'accounts', undefined]]);
    expect(read('Weibo banned 12 thousand accounts.')).toEqual([[12000, 'accounts', undefined]]);
  });

  it('reads number words when a noun says what they count', () => {
    expect(read('The CAC summoned three platforms.')).toEqual([[3, 'platforms', undefined]]);
    expect(read('The CAC summoned twenty-five executives.')).toEqual([[25, 'people', undefined]]);
    expect(read('Weibo suspended two hundred accounts.')).toEqual([[200, 'accounts', undefined]]);
  });

  it('does not take "one of" or a stray number word for a figure', () => {
    expect(read('The CAC closed one of the largest accounts.')).toEqual([]);
  });
});

describe('figure forms in Chinese', () => {
  it('reads 萬 and 亿 with decimals, simplified and traditional', () => {
    expect(read('網信辦累計清理違法和不良信息141.09萬條。')).toEqual([[1410900, 'posts', undefined]]);
    expect(read('网信办永久关闭账号6.66万余个。')).toEqual([[66600, 'accounts', 'more than']]);
    expect(read('抖音处置违规视频1.19亿条。')).toEqual([[119000000, 'posts', undefined]]);
    expect(read('网信办清理信息3千条。')).toEqual([[3000, 'posts', undefined]]);
  });

  it('reads Chinese numerals with a classifier', () => {
    expect(read('网信办约谈了二十家平台。')).toEqual([[20, 'platforms', undefined]]);
    expect(read('網信辦約談兩家平台。')).toEqual([[2, 'platforms', undefined]]);
    expect(read('微博封禁账号三千个。')).toEqual([[3000, 'accounts', undefined]]);
    expect(read('网信办处罚了十余万个账号。')).toEqual([[100000, 'accounts', 'more than']]);
  });

  it('reads full-width digits, keeping offsets into the text as written', () => {
    const text = '网信办关闭账号６６００个。';
    const [figure] = figures(text);
    expect(figure).toMatchObject({ value: 6600, unit: 'accounts', text: '６６００' });
    expect(text.slice(figure!.start, figure!.end)).toBe('６６００');
  });

  it('gives the figure text without its qualifier or classifier, as the scan contract shows', () => {
    const text = '網信辦永久關閉賬號6.66萬餘個。';
    const [figure] = figures(text);
    expect(figure).toMatchObject({ text: '6.66萬', value: 66600, unit: 'accounts', qualifier: 'more than' });
    expect(text.slice(figure!.start, figure!.end)).toBe('6.66萬');
  });
});

describe('qualifiers', () => {
  it.each([
    ['more than', 'more than'], ['over', 'more than'], ['nearly', 'nearly'], ['almost', 'nearly'],
    ['around', 'around'], ['about', 'around'], ['approximately', 'around'], ['roughly', 'around'],
    ['at least', 'at least'], ['up to', 'up to'], ['as many as', 'up to'], ['fewer than', 'less than'],
  ])('normalises "%s" to %s', (phrase, qualifier) => {
    expect(read(`The CAC closed ${phrase} 5,000 accounts.`)).toEqual([[5000, 'accounts', qualifier]]);
  });

  it('reads a qualifier at the start of a sentence', () => {
    expect(read('Approximately 45,000 accounts were closed by the CAC.')).toEqual([[45000, 'accounts', 'around']]);
  });

  it.each([
    ['网信办关闭账号3000余个。', 'more than'], ['網信辦關閉賬號3000餘個。', 'more than'],
    ['网信办关闭账号3000多个。', 'more than'], ['网信办关闭账号3000个以上。', 'more than'],
    ['网信办关闭账号近3000个。', 'nearly'], ['網信辦關閉賬號約3000個。', 'around'],
    ['网信办关闭账号约3000个。', 'around'], ['网信办关闭账号超过3000个。', 'more than'],
    ['網信辦關閉賬號超過3000個。', 'more than'], ['网信办关闭账号3000个左右。', 'around'],
    ['网信办关闭账号至少3000个。', 'at least'],
  ])('reads the Chinese qualifier in %s', (text, qualifier) => {
    expect(read(text)).toEqual([[3000, 'accounts', qualifier]]);
  });
});

describe('units', () => {
  it.each([
    ['The CAC closed 300 accounts.', 'accounts'],
    ['The CAC removed 300 posts.', 'posts'],
    ['The CAC removed 300 pieces of harmful information.', 'posts'],
    ['The CAC summoned 300 people.', 'people'],
    ['The CAC referred 300 clues to the police.', 'clues'],
    ['Weibo suspended the account for 30 days.', 'days'],
    ['The CAC summoned 30 platforms.', 'platforms'],
    ['The CAC investigated 30 cases.', 'cases'],
    ['网信办关闭账号300个。', 'accounts'],
    ['網信辦關閉賬號300個。', 'accounts'],
    ['网信办关闭300个违规账号。', 'accounts'],
    ['网信办清理信息300条。', 'posts'],
    ['網信辦清理信息300條。', 'posts'],
    ['网信办约谈平台负责人20人次。', 'people'],
    ['网信办约谈网民20名。', 'people'],
    ['网信办移交线索1200条。', 'clues'],
    ['網信辦移交線索1200條。', 'clues'],
    ['微博对违规账号禁言30天。', 'days'],
    ['网信办约谈了5家平台。', 'platforms'],
    ['网信办查处案件30起。', 'cases'],
  ])('%s counts %s', (text, unit) => {
    expect(figures(text).map((f) => f.unit)).toEqual([unit]);
  });

  it('takes the unit of an earlier figure for one that leaves its noun out', () => {
    const text = 'The CAC closed 67,000 accounts, and nearly 8,000 were removed for spreading rumours.';
    expect(read(text)).toEqual([[67000, 'accounts', undefined], [8000, 'accounts', 'nearly']]);
  });
});

describe('what is not a campaign figure', () => {
  it('skips years', () => {
    expect(read('Since 2021, the CAC has closed accounts.')).toEqual([]);
    expect(read('In 2023 the CAC removed 5,000 posts.')).toEqual([[5000, 'posts', undefined]]);
    expect(read('2021年以来，网信办关闭账号300个。')).toEqual([[300, 'accounts', undefined]]);
  });

  it('reads a four-digit count with a qualifier or a noun as a count, not a year', () => {
    expect(read('The CAC closed 5,000 accounts, and nearly 2000 were removed.')).toEqual([
      [5000, 'accounts', undefined], [2000, 'accounts', 'nearly'],
    ]);
    expect(read('The CAC closed 2000 accounts.')).toEqual([[2000, 'accounts', undefined]]);
  });

  it('does not take a verb after an unknown subject for a campaign verb', () => {
    expect(read('The CAC said 12 influencers closed their accounts.')).toEqual([]);
  });

  it('skips dates and times of day', () => {
    expect(read('On July 8, 2021, the CAC closed 300 accounts.')).toEqual([[300, 'accounts', undefined]]);
    expect(read('At 10:30 the CAC removed 300 posts.')).toEqual([[300, 'posts', undefined]]);
    expect(read('At 9 a.m. the CAC removed 300 posts.')).toEqual([[300, 'posts', undefined]]);
    expect(read('网信办5月22日关闭账号300个。')).toEqual([[300, 'accounts', undefined]]);
    expect(read('网信办于上午10时关闭账号300个。')).toEqual([[300, 'accounts', undefined]]);
  });

  it('skips ages', () => {
    expect(read('A 35-year-old blogger said the CAC closed 300 accounts.')).toEqual([[300, 'accounts', undefined]]);
    expect(read('The blogger, aged 35, said the CAC closed 300 accounts.')).toEqual([[300, 'accounts', undefined]]);
    expect(read('35岁的博主称网信办关闭账号300个。')).toEqual([[300, 'accounts', undefined]]);
  });

  it('skips page furniture', () => {
    expect(read('1 mins read\nThe CAC closed accounts.')).toEqual([]);
    expect(read('Reading Time: 2 minutes\nThe CAC closed accounts.')).toEqual([]);
    expect(read('The CAC closed accounts.\n12 comments')).toEqual([]);
    expect(read('Page A2: the CAC closed accounts.')).toEqual([]);
    expect(read('Page 2: the CAC closed accounts.')).toEqual([]);
  });

  it('skips sums of money, percentages and durations of a campaign', () => {
    expect(read('The CAC fined Weibo 3 million yuan.')).toEqual([]);
    expect(read('The CAC removed 5% of posts.')).toEqual([]);
    expect(read('Over a span of two months, the CAC closed accounts.')).toEqual([]);
    expect(read('网信办开展为期两个月的专项行动，关闭账号。')).toEqual([]);
    expect(read('网信办对微博罚款50万元。')).toEqual([]);
  });

  it('skips vague quantities', () => {
    expect(read('The CAC removed hundreds of thousands of posts.')).toEqual([]);
    expect(read('The CAC regulates billions of accounts.')).toEqual([]);
    expect(read('网信办清理了数十万条信息。')).toEqual([]);
    expect(read('网信办关闭了上万个账号。')).toEqual([]);
    expect(read('网信办关闭了十几个账号。')).toEqual([]);
  });

  it('skips ratios', () => {
    expect(read('Weibo said 1 in 5 posts were removed.')).toEqual([]);
    expect(read('The CAC said one out of every 10 accounts was closed.')).toEqual([]);
  });

  it('skips ordinals and references', () => {
    expect(read('Under Article 12, the CAC closed accounts.')).toEqual([]);
    expect(read('根据第十二条，网信办关闭账号。')).toEqual([]);
  });

  it('skips numbers no campaign verb acts on', () => {
    expect(read('The CAC has 300 staff in Beijing.')).toEqual([]);
    expect(read('Weibo, which has 580 million users, welcomed the campaign.')).toEqual([]);
  });

  it('does not count the platforms that announced a campaign as what the campaign did', () => {
    expect(read('Four platforms – Weibo, Douyin and two others – announced they would ban accounts.')).toEqual([]);
    expect(read('Four platforms announced on Saturday to rectify financial information.')).toEqual([]);
    expect(read('The CAC summoned four platforms on Saturday.')).toEqual([[4, 'platforms', undefined]]);
  });
});
