import { describe, expect, it } from 'vitest';
import { extractFacts, factsFromCandidate, linkFacts, sameQuantity } from '../../lib/facts';
import type { Fact, Mention, PageMeta } from '../../lib/types';

function mentionsOf(text: string, terms: Record<string, string>): Mention[] {
  const mentions: Mention[] = [];
  for (const [term, entity] of Object.entries(terms)) {
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) {
      mentions.push({ entity, start: at, end: at + term.length, text: term });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

const TERMS = { CAC: 'cac', 网信办: 'cac', 網信辦: 'cac', Weibo: 'weibo', 微博: 'weibo', Douyin: 'douyin', 抖音: 'douyin' };
let ids = 0;

/** The stored facts of an article, as saving its text as a highlight would make them. */
function factsOf(outlet: string, text: string, articleDate?: string): Fact[] {
  const source: PageMeta = { url: `https://${outlet}/article`, title: outlet, site: outlet };
  return extractFacts(text, mentionsOf(text, TERMS), { articleDate }).flatMap((candidate) =>
    factsFromCandidate(candidate, { highlightId: `h-${outlet}`, source, created: 0, newId: () => `fact-${++ids}` }));
}

const groupsOf = (facts: Fact[]) => linkFacts(facts).map((g) => g.facts.map((f) => `${f.source.site}:${f.figureText}`));

describe('sameQuantity', () => {
  it('treats values equal after journalist rounding', () => {
    expect(sameQuantity({ value: 66600 }, { value: 67000 })).toBe(true);
    expect(sameQuantity({ value: 1410900 }, { value: 1400000 })).toBe(true);
    expect(sameQuantity({ value: 7600, qualifier: 'more than' }, { value: 8000, qualifier: 'nearly' })).toBe(true);
  });

  it('tolerates a qualifier that rounds one way', () => {
    expect(sameQuantity({ value: 66600 }, { value: 66000, qualifier: 'more than' })).toBe(true);
    expect(sameQuantity({ value: 66600 }, { value: 66000 })).toBe(false);
  });

  it('tells different quantities apart', () => {
    expect(sameQuantity({ value: 67000 }, { value: 76000 })).toBe(false);
    expect(sameQuantity({ value: 66600 }, { value: 66700 })).toBe(false);
    expect(sameQuantity({ value: 130000 }, { value: 100000 })).toBe(false);
    expect(sameQuantity({ value: 1410900 }, { value: 1000000 })).toBe(false);
  });
});

describe('linkFacts', () => {
  it('links 永久關閉賬號6.66萬餘個 with "closed 67,000 accounts", and 141.09萬條 with "1.4 million posts"', () => {
    const zh = factsOf('cac.gov.cn', '網信辦累計清理違法和不良信息141.09萬條，永久關閉賬號6.66萬餘個。');
    const en = factsOf('dawn.com', 'The CAC removed 1.4 million posts. It also closed down 67,000 accounts, the CAC said.');
    const groups = groupsOf([...zh, ...en]);
    expect(groups).toEqual([
      ['cac.gov.cn:141.09萬', 'dawn.com:1.4 million'],
      ['cac.gov.cn:6.66萬', 'dawn.com:67,000'],
    ]);
  });

  it('links simplified Chinese with English when both give the period', () => {
    const zh = factsOf('a.cn', '3月10日以来，网信办开展专项行动，截至5月22日，永久关闭账号6.66万余个。', '2023-05-27');
    const en = factsOf('b.com', 'Between March 10 and May 22, the CAC closed down 67,000 accounts.', '2023-05-27');
    const [group, ...rest] = linkFacts([...zh, ...en]);
    expect(rest).toEqual([]);
    expect(group).toMatchObject({ value: 66600, unit: 'accounts', action: 'closed', entities: ['cac'],
      period: { from: '2023-03-10', to: '2023-05-22' } });
    expect(group!.id).toBe(zh[0]!.id);
  });

  it('does not link different units', () => {
    const zh = factsOf('a.cn', '网信办清理信息6.66万条。');
    const en = factsOf('b.com', 'The CAC closed 67,000 accounts.');
    expect(linkFacts([...zh, ...en])).toHaveLength(2);
  });

  it('does not link different actions', () => {
    const zh = factsOf('a.cn', '网信办约谈了6.66万人。');
    const en = factsOf('b.com', 'The CAC referred 67,000 people to the police.');
    expect(linkFacts([...zh, ...en])).toHaveLength(2);
    const closed = factsOf('c.com', 'The CAC closed 67,000 accounts.');
    const suspended = factsOf('d.com', 'The CAC suspended 67,000 accounts.');
    expect(linkFacts([...closed, ...suspended])).toHaveLength(2);
  });

  it('links an action with a general one that covers it (处置 covers closing)', () => {
    const zh = factsOf('a.cn', '网信办处置账号6.66万个。');
    const en = factsOf('b.com', 'The CAC closed 67,000 accounts.');
    expect(linkFacts([...zh, ...en])).toHaveLength(1);
  });

  it('does not link 67,000 with 76,000', () => {
    const a = factsOf('a.com', 'The CAC closed 67,000 accounts.');
    const b = factsOf('b.com', 'The CAC closed 76,000 accounts.');
    expect(linkFacts([...a, ...b])).toHaveLength(2);
  });

  it('does not link periods that do not overlap', () => {
    const a = factsOf('a.com', 'Between March 10 and May 22, the CAC closed 67,000 accounts.', '2023-05-27');
    const b = factsOf('b.com', 'Between June 1 and August 30, the CAC closed 67,000 accounts.', '2023-09-02');
    expect(linkFacts([...a, ...b])).toHaveLength(2);
    const c = factsOf('c.com', 'The CAC closed 67,000 accounts.');
    expect(linkFacts([...a, ...c])).toHaveLength(1);
  });

  it('does not link figures of different platforms', () => {
    const a = factsOf('a.com', 'Weibo closed 1,000 accounts.');
    const b = factsOf('b.com', 'Douyin closed 1,000 accounts.');
    expect(linkFacts([...a, ...b])).toHaveLength(2);
  });

  it('respects a link the user removed by hand, even through a third fact', () => {
    const [zh] = factsOf('a.cn', '网信办永久关闭账号6.66万余个。');
    const [en] = factsOf('b.com', 'The CAC closed 67,000 accounts.');
    const [other] = factsOf('c.com', 'The CAC closed nearly 67,000 accounts.');
    const unlinked = { ...en!, unlinked: [zh!.id] };
    const groups = linkFacts([zh!, unlinked, other!]);
    expect(groups.map((g) => g.facts.map((f) => f.id))).toEqual([[zh!.id, other!.id], [en!.id]]);
  });

  it('never puts two loosely near values in one group through a third', () => {
    // 67,000 is near 66,600 and 67,400 at two digits; they are three digits apart from each other.
    const facts = [
      ...factsOf('a.com', 'The CAC closed 66,600 accounts.'),
      ...factsOf('b.com', 'The CAC closed 67,000 accounts.'),
      ...factsOf('c.com', 'The CAC closed 67,400 accounts.'),
    ];
    const groups = linkFacts(facts);
    for (const g of groups) {
      const values = g.facts.map((f) => f.value);
      expect(values.includes(66600) && values.includes(67400)).toBe(false);
    }
  });
});
