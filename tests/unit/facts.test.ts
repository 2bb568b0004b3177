import { describe, expect, it } from 'vitest';
import { dedupeFacts, extractFacts, factsFromCandidate } from '../../lib/facts';
import type { FactCandidate, Mention, PageMeta } from '../../lib/types';

function mentionsOf(text: string, terms: Record<string, string>): Mention[] {
  const mentions: Mention[] = [];
  for (const [term, entity] of Object.entries(terms)) {
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) {
      mentions.push({ entity, start: at, end: at + term.length, text: term });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

const TERMS = { CAC: 'cac', 网信办: 'cac', 網信辦: 'cac', Weibo: 'weibo', 微博: 'weibo', 'self-media': 'self-media' };
const facts = (text: string, articleDate?: string) => extractFacts(text, mentionsOf(text, TERMS), { articleDate });

describe('extractFacts', () => {
  it('makes a fact of the whole sentence, with offsets that slice the text', () => {
    const text = 'Intro line.\n\nIn May, the CAC said it closed down 67,000 accounts. Weibo agreed.';
    const [fact, ...rest] = facts(text);
    expect(rest).toEqual([]);
    expect(fact!.text).toBe('In May, the CAC said it closed down 67,000 accounts.');
    expect(text.slice(fact!.start, fact!.end)).toBe(fact!.text);
    const [figure] = fact!.figures;
    expect(text.slice(figure!.start, figure!.end)).toBe('67,000');
    expect(fact).toMatchObject({ entities: ['cac'], action: 'closed' });
  });

  it('normalises the action across languages', () => {
    expect(facts('The CAC shut down 300 accounts.')[0]?.action).toBe('closed');
    expect(facts('网信办关闭账号300个。')[0]?.action).toBe('closed');
    expect(facts('網信辦關閉賬號300個。')[0]?.action).toBe('closed');
    expect(facts('The CAC summoned 30 people.')[0]?.action).toBe('summoned');
    expect(facts('網信辦約談30人。')[0]?.action).toBe('summoned');
    expect(facts('网信办移交线索30条。')[0]?.action).toBe('referred');
    expect(facts('网信办封禁账号30个。')[0]?.action).toBe('banned');
    expect(facts('網信辦處置賬號30個。')[0]?.action).toBe('dealt with');
    expect(facts('网信办查处案件30起。')[0]?.action).toBe('investigated');
    expect(facts('网信办清理信息30条。')[0]?.action).toBe('cleared');
  });

  it('reads the campaign verb after the figure: passives and verbs of suffering', () => {
    expect(facts('Under the CAC campaign, 45,000 accounts were permanently closed.')[0]?.action).toBe('closed');
    expect(facts('Under the CAC campaign, 187,000 accounts faced consequences.')[0]?.action).toBe('penalised');
    expect(facts('网信办通报，6.66万个账号被永久关闭。')[0]?.action).toBe('closed');
  });

  it('carries the period the sentence states, with the year from the article date', () => {
    const text = 'Between March 10 and May 22, the CAC closed 67,000 accounts.';
    expect(facts(text, '2023-05-27')[0]?.period).toEqual({ from: '2023-03-10', to: '2023-05-22' });
    expect(facts(text)[0]?.period).toBeUndefined();
  });

  it('joins a period opened in an earlier sentence of the paragraph', () => {
    const text = '3月10日以来，网信办开展专项行动。截至5月22日，累计清理信息141.09万条，永久关闭账号6.66万余个。';
    const [fact] = facts(text, '2023-05-27');
    expect(fact?.figures.map((f) => f.value)).toEqual([1410900, 66600]);
    expect(fact?.period).toEqual({ from: '2023-03-10', to: '2023-05-22' });
  });

  it('lets a sentence with no mention take the entities of the paragraph before it', () => {
    const text = 'The CAC reported its results on Friday.\n\nAdditionally, around 187,000 accounts faced consequences.';
    expect(facts(text)[0]?.entities).toEqual(['cac']);
  });

  it('keeps a figure in a passage about a campaign that names no entity, with no entities', () => {
    const [fact] = facts('In a separate campaign, regulators shut down over 100,000 accounts.');
    expect(fact?.entities).toEqual([]);
    expect(fact?.figures[0]?.value).toBe(100000);
  });

  it('drops figures in passages about neither a tracked entity nor a campaign', () => {
    expect(facts('The club closed 300 accounts after the merger.')).toEqual([]);
  });

  it('does not let a caption or headline borrow entities from the paragraph before it', () => {
    const text = 'The CAC published its report.\nFans blocked 300 accounts at the stadium';
    expect(facts(text)).toEqual([]);
  });

  it('reads a headline that names an entity or a campaign itself', () => {
    const [fact] = facts("China purges 1.4m social media posts in crackdown on 'self-media' accounts\n\nBody.");
    expect(fact?.figures.map((f) => [f.text, f.value, f.unit])).toEqual([['1.4m', 1400000, 'posts']]);
  });

  it('skips related-link lists', () => {
    const text = 'The CAC spoke.\n\nRelated:\nWeibo closes 3,000 accounts in new crackdown\nCAC bans 500 apps\n\nMore prose follows.';
    expect(facts(text)).toEqual([]);
    const chinese = '网信办发布通报。\n相关阅读\n微博关闭账号3000个\n抖音清理视频5万条';
    expect(facts(chinese)).toEqual([]);
  });
});

describe('dedupeFacts', () => {
  it('drops a sentence printed twice with the same figures, keeping the first', () => {
    const text = 'The CAC closed 300 accounts.\nThe CAC  closed 300 accounts.\nThe CAC closed 400 accounts.';
    const all = facts(text);
    expect(all).toHaveLength(3);
    const kept = dedupeFacts(all);
    expect(kept.map((f) => f.figures[0]?.value)).toEqual([300, 400]);
    expect(kept[0]).toBe(all[0]);
  });

  it('keeps the same figure stated in different sentences (headline and body)', () => {
    const text = 'CAC purges 1.4m posts\n\nThe CAC reported the removal of 1.4 million posts.';
    expect(dedupeFacts(facts(text))).toHaveLength(2);
  });
});

describe('factsFromCandidate', () => {
  const source: PageMeta = { url: 'https://example.com/a', title: 'A' };

  it('makes one stored fact per figure, each with its own action', () => {
    const [candidate] = facts('The CAC closed 67,000 accounts and removed 1.4 million posts.') as [FactCandidate];
    let n = 0;
    const stored = factsFromCandidate(candidate, { highlightId: 'h1', source, created: 5, newId: () => `f${++n}` });
    expect(stored.map((f) => [f.id, f.value, f.unit, f.action, f.figureText])).toEqual([
      ['f1', 67000, 'accounts', 'closed', '67,000'],
      ['f2', 1400000, 'posts', 'removed', '1.4 million'],
    ]);
    expect(stored[0]).toMatchObject({ highlightId: 'h1', source, created: 5, entities: ['cac'], text: candidate.text });
  });
});
