import { describe, expect, it } from 'vitest';
import { foldForSearch, parseQuery, searchFacts, searchHighlights } from '../../lib/search';
import { HAN_VARIANT_GROUPS } from '../../lib/search/han-variants';
import { chinesePage, makeFact, makeHighlight, seedHighlights } from './export-samples';

describe('foldForSearch', () => {
  it('lets simplified and traditional Chinese find each other', () => {
    expect(foldForSearch('網信辦')).toBe(foldForSearch('网信办'));
    expect(foldForSearch('國家互聯網信息辦公室')).toBe(foldForSearch('国家互联网信息办公室'));
    expect(foldForSearch('自媒體亂象專項整治')).toBe(foldForSearch('自媒体乱象专项整治'));
    expect(foldForSearch('處置違規帳號')).toBe(foldForSearch('处置违规账号'));
    expect(foldForSearch('騰訊、字節跳動、快手')).toBe(foldForSearch('腾讯、字节跳动、快手'));
  });

  it('folds Taiwan and Hong Kong variant forms too', () => {
    expect(foldForSearch('賬號')).toBe(foldForSearch('帳號'));
    expect(foldForSearch('裏')).toBe(foldForSearch('裡'));
    expect(foldForSearch('爲')).toBe(foldForSearch('為'));
    expect(foldForSearch('發佈')).toBe(foldForSearch('发布'));
  });

  it('does not merge characters that are different words', () => {
    expect(foldForSearch('清朗')).not.toBe(foldForSearch('晴朗'));
    expect(foldForSearch('微博')).not.toBe(foldForSearch('微信'));
    expect(foldForSearch('抖音')).not.toBe(foldForSearch('快手'));
  });

  it('ignores case, full width and punctuation between words', () => {
    expect(foldForSearch('ＣＡＣ')).toBe('cac');
    expect(foldForSearch('Self‑Media')).toBe(foldForSearch('self media'));
    expect(foldForSearch('“self-media”')).toBe('self media');
  });

  it('drops pinyin tone marks', () => {
    expect(foldForSearch('Qīnglǎng')).toBe('qinglang');
    expect(foldForSearch('zìméitǐ')).toBe('zimeiti');
    expect(foldForSearch('Wǎngxìnbàn')).toBe('wangxinban');
  });

  it('has a table in which each character belongs to one group', () => {
    const seen = new Map<string, string>();
    for (const line of HAN_VARIANT_GROUPS) {
      for (const group of line.split(' ')) {
        expect(Array.from(group).length).toBeGreaterThan(1);
        for (const ch of group) {
          expect(seen.get(ch), `${ch} in ${group} and ${seen.get(ch)}`).toBeUndefined();
          seen.set(ch, group);
        }
      }
    }
  });
});

describe('parseQuery', () => {
  it('keeps quoted phrases together and folds every term', () => {
    expect(parseQuery('“Self Media” 網信辦  CAC')).toEqual(['self media', '网信办', 'cac']);
    expect(parseQuery('「清朗」行动')).toEqual(['清朗', '行动']);
    expect(parseQuery('   ')).toEqual([]);
  });
});

describe('searchHighlights', () => {
  const highlights = seedHighlights();

  it('finds a traditional quote with a simplified query and the other way round', () => {
    // The traditional quote comes first, found by its words; the English one mentions the CAC too.
    const hits = searchHighlights(highlights, '网信办');
    expect(hits[0]?.item.quote).toBe('網信辦表示，共處置違規帳號6.66萬個。');
    expect(hits[0]?.fields).toContain('quote');
    const simplified = makeHighlight({ quote: '网信办部署开展“清朗·自媒体”专项行动' });
    expect(searchHighlights([simplified], '網信辦').map((h) => h.item)).toEqual([simplified]);
  });

  it('requires every term and reports where each was found', () => {
    const [hit, ...rest] = searchHighlights(highlights, 'cac figures');
    expect(rest).toEqual([]);
    expect(hit?.item.tags).toContain('figures');
    expect(hit?.fields).toEqual(expect.arrayContaining(['quote', 'tags']));
    expect(searchHighlights(highlights, 'cac douyin')).toEqual([]);
  });

  it('searches notes, tags, page titles, sites and facts', () => {
    expect(searchHighlights(highlights, '繁体').map((h) => h.fields)).toEqual([['note']]);
    expect(searchHighlights(highlights, 'Example Daily').map((h) => h.fields)).toEqual([['site']]);
    expect(searchHighlights(highlights, '專項行動').map((h) => h.item.page)).toEqual([chinesePage]);
    expect(searchHighlights(highlights, 'platforms')[0]?.fields).toEqual(expect.arrayContaining(['quote', 'tags']));
  });

  it('ranks a match in the quote above a match only in the page title', () => {
    const inTitle = makeHighlight({ quote: 'The regulator acted.', page: { ...chinesePage, title: 'Kuaishou story' } });
    const inQuote = makeHighlight({ quote: 'Kuaishou removed 900 livestreams.' });
    expect(searchHighlights([inTitle, inQuote], 'kuaishou').map((h) => h.item)).toEqual([inQuote, inTitle]);
  });

  it('scores each term once per field it is in, by the field’s weight, however often it occurs there', () => {
    // "douyin" three times in the note (3) and once in the last tag (3); "ban" in the quote (4) and the title (2).
    const h = makeHighlight({
      quote: 'A ban on livestream tipping.',
      note: 'douyin douyin, and Douyin again',
      tags: ['policy', 'douyin'],
      page: { ...chinesePage, title: 'The ban', site: 'Example Daily' },
    });
    const [hit] = searchHighlights([h], 'douyin ban');
    expect(hit?.fields).toEqual(['quote', 'note', 'tags', 'title']);
    expect(hit?.score).toBe(3 + 3 + 4 + 2);
    // Found only in the site, the last text field before the entities: its weight alone.
    expect(searchHighlights([h], 'example').map((x) => [x.fields, x.score])).toEqual([[['site'], 1]]);
    // A name of several words is one term, and never found across two fields: a quote that
    // ends "…the Cyberspace" and a note that begins "Administration…" do not name the CAC.
    const split = makeHighlight({ quote: 'A statement from the Cyberspace', note: 'Administration of China followed.' });
    expect(searchHighlights([split], 'Cyberspace Administration of China')).toEqual([]);
    const whole = makeHighlight({ quote: 'A statement from the Cyberspace Administration of China.' });
    expect(searchHighlights([whole], 'Cyberspace Administration of China').map((x) => x.fields)).toEqual([['quote']]);
  });

  it('returns everything, in order, for an empty query', () => {
    expect(searchHighlights(highlights, '').map((h) => h.item)).toEqual(highlights);
  });
});

describe('searchFacts', () => {
  it('finds facts by their figure as written, their sentence and their source', () => {
    const facts = [
      makeFact({ text: '共處置違規帳號6.66萬個', value: 66600, figureText: '6.66萬', unit: 'accounts', source: chinesePage }),
      makeFact({ text: 'it closed down 67,000 social media accounts', value: 67000, figureText: '67,000', unit: 'accounts' }),
    ];
    expect(searchFacts(facts, '6.66万').map((h) => h.item.value)).toEqual([66600]);
    expect(searchFacts(facts, '违规账号').map((h) => h.item.value)).toEqual([66600]);
    // Both count accounts; the English sentence also says "accounts", so it ranks first.
    expect(searchFacts(facts, 'accounts').map((h) => h.item.value)).toEqual([67000, 66600]);
    expect(searchFacts(facts, '範例新闻').map((h) => h.fields)).toEqual([['site']]);
  });
});
