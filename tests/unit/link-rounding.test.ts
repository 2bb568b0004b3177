import { describe, expect, it } from 'vitest';
import { linkAction, linkFacts, sameFact, sameQuantity } from '../../lib/facts';
import type { Fact } from '../../lib/types';

// How journalists round, and how far linking follows them: the less precise figure is the
// more precise one rounded to the precision written (halves up), one way only where a
// qualifier says so, and never more than 10 % away.

/** A stored fact with only what these rules read. */
function fact(id: string, value: number, over: Partial<Fact> = {}): Fact {
  return {
    id, highlightId: `h-${id}`, text: `closed ${value} accounts`, value, unit: 'accounts', action: 'closed',
    figureText: String(value), entities: ['cac'], source: { url: `https://${id}.example/a`, title: id, site: id, published: '2023-06-01' },
    created: 0, ...over,
  };
}

/** Whether two quantities link, decided both ways round, by the plain rule and by linking two stored facts. */
function same(a: { value: number; qualifier?: string }, b: { value: number; qualifier?: string }): boolean {
  const byRule = sameQuantity(a, b);
  expect(sameQuantity(b, a), 'the rule does not depend on the order').toBe(byRule);
  const [fa, fb] = [fact('a', a.value, a.qualifier ? { qualifier: a.qualifier } : {}), fact('b', b.value, b.qualifier ? { qualifier: b.qualifier } : {})];
  expect(sameFact(fa, fb), 'linking two stored facts decides as the plain rule does').toBe(byRule);
  expect(sameFact(fb, fa), 'linking does not depend on the order').toBe(byRule);
  return byRule;
}

describe('rounding to the precision written', () => {
  it('rounds halves up, as a journalist does', () => {
    expect(same({ value: 66500 }, { value: 67000 })).toBe(true);
    expect(same({ value: 66499 }, { value: 67000 })).toBe(false);
    expect(same({ value: 66499 }, { value: 66000 })).toBe(true);
    expect(same({ value: 1.45 }, { value: 1.5 })).toBe(false); // 1.45 is a hair under, as a double
    expect(same({ value: 1.25 }, { value: 1.3 })).toBe(true);
  });

  it('reads the precision from the rounder figure, whichever comes first', () => {
    expect(same({ value: 67000 }, { value: 66600 })).toBe(true);
    expect(same({ value: 66600 }, { value: 67000 })).toBe(true);
    expect(same({ value: 1.4 }, { value: 1.41 })).toBe(true);
    expect(same({ value: 1.41 }, { value: 1.4 })).toBe(true);
  });

  it('keeps two figures written to the same precision apart', () => {
    expect(same({ value: 1200 }, { value: 1300 })).toBe(false);
    expect(same({ value: 1200 }, { value: 1300, qualifier: 'nearly' })).toBe(false);
    expect(same({ value: 1300 }, { value: 1200, qualifier: 'more than' })).toBe(false);
    expect(same({ value: 1.2 }, { value: 1.3, qualifier: 'nearly' })).toBe(false);
  });

  it('lets "more than" and "at least" stand for a figure rounded down, and only down', () => {
    for (const qualifier of ['more than', 'at least']) {
      expect(same({ value: 66600 }, { value: 66000, qualifier })).toBe(true);
      expect(same({ value: 66600 }, { value: 67000, qualifier })).toBe(true); // rounding to nearest still holds
      expect(same({ value: 66400 }, { value: 67000, qualifier })).toBe(false);
      expect(same({ value: 1.46 }, { value: 1.4, qualifier })).toBe(true);
      expect(same({ value: 1.46 }, { value: 1.5, qualifier })).toBe(true);
      expect(same({ value: 1.44 }, { value: 1.5, qualifier })).toBe(false);
    }
  });

  it('lets "nearly", "up to" and "less than" stand for a figure rounded up, and only up', () => {
    for (const qualifier of ['nearly', 'up to', 'less than']) {
      expect(same({ value: 7600 }, { value: 8000, qualifier })).toBe(true);
      expect(same({ value: 7400 }, { value: 8000, qualifier })).toBe(true);
      expect(same({ value: 66600 }, { value: 66000, qualifier })).toBe(false);
      expect(same({ value: 1.41 }, { value: 1.5, qualifier })).toBe(true);
      expect(same({ value: 1.56 }, { value: 1.5, qualifier })).toBe(false);
    }
  });

  it('gives other words no licence to round', () => {
    expect(same({ value: 66600 }, { value: 66000, qualifier: 'about' })).toBe(false);
    expect(same({ value: 7400 }, { value: 8000, qualifier: 'about' })).toBe(false);
  });

  it('never goes beyond 10 % of the larger figure, even where the rounding allows', () => {
    expect(same({ value: 450 }, { value: 500 })).toBe(true); // exactly 10 % below
    expect(same({ value: 449 }, { value: 500, qualifier: 'nearly' })).toBe(false);
    expect(same({ value: 7100 }, { value: 8000, qualifier: 'nearly' })).toBe(false);
    expect(same({ value: 550 }, { value: 500, qualifier: 'more than' })).toBe(true);
    expect(same({ value: 150000 }, { value: 100000, qualifier: 'more than' })).toBe(false);
  });

  it('links zero only with zero, and a figure only with a positive one', () => {
    expect(same({ value: 0 }, { value: 0 })).toBe(true);
    expect(same({ value: 0 }, { value: 0.04 })).toBe(false);
    expect(same({ value: -67000 }, { value: -66600 })).toBe(false);
    expect(same({ value: 67000 }, { value: -67000 })).toBe(false);
  });
});

describe('what counts as the same act', () => {
  it('takes "cleared" (清理) posts for removed ones, and nothing else for anything else', () => {
    expect(linkAction('cleared', 'posts')).toBe('removed');
    expect(linkAction('cleared', 'accounts')).toBe('cleared');
    expect(linkAction('removed', 'posts')).toBe('removed');
    expect(linkAction(undefined, 'posts')).toBe('');
    const cleared = fact('zh', 1410900, { unit: 'posts', action: 'cleared' });
    expect(sameFact(cleared, fact('en', 1400000, { unit: 'posts', action: 'removed' }))).toBe(true);
    expect(sameFact({ ...cleared, unit: 'accounts' }, fact('en', 1400000, { unit: 'accounts', action: 'removed' }))).toBe(false);
  });

  it('does not count a fact as corroborating itself', () => {
    const f = fact('a', 67000);
    expect(sameFact(f, f)).toBe(false);
    expect(sameFact(f, { ...f, source: { ...f.source, url: 'https://other.example/' } })).toBe(false);
    expect(sameFact(f, { ...f, id: 'b' })).toBe(true);
  });

  it('links a fact with no action only with another that has none', () => {
    const { action: _, ...bare } = fact('a', 67000);
    expect(sameFact(bare, { ...bare, id: 'b' })).toBe(true);
    expect(sameFact(bare, fact('b', 67000))).toBe(false);
  });

  it('keeps apart facts whose years differ, and links those whose periods share one', () => {
    const spring = fact('a', 67000, { period: { from: '2023-03-10', to: '2023-05-22' } });
    expect(sameFact(spring, fact('b', 67000, { source: { url: 'https://b/', title: 'b', site: 'b', published: '2024-01-02' } }))).toBe(false);
    expect(sameFact(spring, fact('b', 67000, { date: '2023-04-02' }))).toBe(true);
    expect(sameFact(spring, fact('b', 67000, { date: '2023-06-02' }))).toBe(false);
    expect(sameFact(fact('b', 67000, { date: '2023-06-02' }), spring)).toBe(false);
  });

  it('links by platforms only when both name one, and then only when they share one', () => {
    const weibo = fact('a', 1000, { entities: ['cac', 'weibo'] });
    expect(sameFact(weibo, fact('b', 1000, { entities: ['cac', 'douyin'] }))).toBe(false);
    expect(sameFact(weibo, fact('b', 1000, { entities: ['douyin', 'weibo'] }))).toBe(true);
    expect(sameFact(weibo, fact('b', 1000, { entities: ['cac'] }))).toBe(true);
    expect(sameFact(fact('b', 1000, { entities: ['kuaishou'] }), fact('c', 1000, { entities: ['wechat'] }))).toBe(false);
    expect(sameFact(fact('b', 1000, { entities: ['kuaishou'] }), fact('c', 1000, { entities: ['kuaishou', 'wechat'] }))).toBe(true);
  });
});

describe('linking many facts', () => {
  it('finds each figure its group however many groups and roundings came before', () => {
    // 1,100 years, each with a precise figure, then each year's rounded figure: more groups
    // and more filed keys than the index starts with room for.
    const years = Array.from({ length: 1100 }, (_, i) => 1000 + i);
    const at = (y: number) => ({ source: { url: `https://${y}.example/`, title: '', site: '', published: `${y}-06-01` } });
    const precise = years.map((y) => fact(`p${y}`, 66600, at(y)));
    const rough = years.map((y) => fact(`r${y}`, 67000, { ...at(y), source: { ...at(y).source, url: `https://r${y}.example/` } }));
    const groups = linkFacts([...precise, ...rough]);
    expect(groups).toHaveLength(1100);
    groups.forEach((g, k) => expect(g.facts.map((f) => f.id)).toEqual([`p${years[k]}`, `r${years[k]}`]));
  });
});
