import { describe, expect, it } from 'vitest';
import { entityNames, readQuery, searchFacts, searchHighlights } from '../../lib/search';
import { chinesePage, makeFact, makeHighlight } from './export-samples';

// Seven CAC highlights written the ways outlets write it, and two about something else.
const cac = [
  makeHighlight({ quote: 'The Cyberspace Administration of China said the campaign would run until May.', entities: ['cac'] }),
  makeHighlight({ quote: 'The CAC summoned the platforms on Tuesday.', entities: ['cac'] }),
  makeHighlight({ quote: '国家网信办表示，将持续开展专项行动。', entities: ['cac'] }),
  makeHighlight({ quote: '國家網信辦宣布啟動「清朗」行動。', entities: ['cac', 'qinglang'], page: chinesePage }),
  makeHighlight({ quote: '网信办约谈了相关平台负责人。', entities: ['cac'] }),
  makeHighlight({ quote: 'The regulator said it had closed the accounts.', entities: ['cac'], note: 'The regulator is the Cyberspace Administration.' }),
  makeHighlight({ quote: 'Officials of the internet watchdog declined to comment.', entities: ['cac'] }),
];
const others = [
  makeHighlight({ quote: 'Weibo removed 1,200 posts that spread rumours.', entities: ['weibo'] }),
  makeHighlight({ quote: '北京市网信办通报了本地情况。', entities: [] }),
];
const all = [...cac, ...others];
const found = (query: string) => searchHighlights(all, query).map((h) => h.item);

describe('search by meaning: names', () => {
  it.each(['网信办', '國家網信辦', '国家网信办', 'CAC', 'cac', 'Cyberspace Administration', 'Cyberspace Administration of China', '“Cyberspace Administration of China”'])(
    '%s finds every CAC highlight, in every script',
    (query) => {
      expect(found(query)).toEqual(expect.arrayContaining(cac));
      expect(found(query)).not.toContain(others[0]);
    },
  );

  it('says that the item was found because it mentions the entity', () => {
    const hit = searchHighlights(all, '國家網信辦').find((h) => h.item === cac[0]);
    expect(hit?.reasons).toEqual([{ kind: 'entity', id: 'cac' }]);
  });

  it('still finds a name as text where no entity was stored (a local office is not the CAC)', () => {
    // 北京市网信办 was rightly not stored as the CAC, but the words are in it.
    expect(found('网信办')).toContain(others[1]);
    expect(searchHighlights(all, '网信办').find((h) => h.item === others[1])?.reasons).toEqual([]);
  });

  it('combines a name with other words: every term must match', () => {
    expect(found('CAC summoned')).toEqual([cac[1]]);
    expect(found('Weibo rumours')).toEqual([others[0]]);
  });

  it('reads the user’s own terms as names too', () => {
    const mine = makeHighlight({ quote: 'ByteDance said it would comply.', entities: ['user-bytedance'] });
    const names = entityNames([{ id: 'user-bytedance', names: ['ByteDance', '字节跳动'] }]);
    expect(searchHighlights([mine, ...all], '字節跳動', { names }).map((h) => h.item)).toEqual([mine]);
    expect(searchHighlights([mine, ...all], '字節跳動').map((h) => h.item)).toEqual([]);
  });

  it('does not take a word inside a longer name for the entity', () => {
    expect(readQuery('administration')).toEqual([{ kind: 'text', text: 'administration' }]);
    expect(readQuery('Cyberspace Administration rules').map((t) => t.kind)).toEqual(['entity', 'text']);
  });
});

describe('search by meaning: figures', () => {
  const comma = makeHighlight({ quote: 'The CAC said 67,000 accounts were closed.', entities: ['cac'] });
  const wan = makeHighlight({ quote: '共关闭账号6.7万个。', entities: ['cac'] });
  const wanTraditional = makeHighlight({ quote: '共關閉帳號6.7萬個。', entities: ['cac'] });
  const precise = makeHighlight({
    quote: '永久关闭账号6.66万余个。',
    facts: [makeFact({ value: 66_600, figureText: '6.66万', text: '永久关闭账号6.66万余个。' })],
  });
  const other = makeHighlight({ quote: 'Some 76,000 posts were removed.' });
  const year = makeHighlight({ quote: 'In 2023 the campaign began.' });
  const figures = [comma, wan, wanTraditional, precise, other, year];
  const hits = (query: string) => searchHighlights(figures, query).map((h) => h.item);

  it.each(['67000', '67,000', '6.7万', '6.7萬', '６７，０００'])('%s finds the same figure however it is written', (query) => {
    expect(hits(query)).toEqual(expect.arrayContaining([comma, wan, wanTraditional]));
    expect(hits(query)).not.toContain(other);
  });

  it('matches within the precision the query is written with', () => {
    // 67,000 has two significant digits: 66,600 rounds to it.
    expect(hits('67000')).toContain(precise);
    // 6.66万 has three: 67,000 is not 66,600 at that precision.
    expect(hits('6.66万')).toEqual([precise]);
    expect(hits('66,600')).toEqual([precise]);
  });

  it('says which figure matched, as the item writes it', () => {
    expect(searchHighlights(figures, '67000').find((h) => h.item === wanTraditional)?.reasons).toEqual([
      { kind: 'figure', value: 67_000, text: '6.7萬' },
    ]);
    expect(searchHighlights(figures, '67000').find((h) => h.item === precise)?.reasons).toEqual([
      { kind: 'figure', value: 66_600, text: '6.66万' },
    ]);
  });

  it('still finds a number as text (a year is not a stated figure of the campaign, but it is written)', () => {
    expect(hits('2023')).toEqual([year]);
  });

  it('finds facts by value too', () => {
    const facts = [
      makeFact({ value: 67_000, figureText: '67,000', text: 'closed 67,000 accounts' }),
      makeFact({ value: 1_410_900, figureText: '141.09萬', text: '清理違法和不良信息141.09萬條' }),
    ];
    expect(searchFacts(facts, '1.4 million').map((h) => h.item.value)).toEqual([1_410_900]);
    expect(searchFacts(facts, '6.7万').map((h) => h.item.value)).toEqual([67_000]);
  });
});
