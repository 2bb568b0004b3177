import { describe, expect, it } from 'vitest';
import { articleOf, describeGroup, headlineFact, linkFacts } from '../../lib/facts';
import type { Fact } from '../../lib/types';

// What a group of linked facts says about itself: the figure its heading shows, the
// platforms and the period all its sources agree on, one source per article.

function fact(id: string, over: Partial<Fact> = {}): Fact {
  return {
    id, highlightId: `h-${id}`, text: 'closed 67,000 accounts', value: 67000, unit: 'accounts', action: 'closed',
    figureText: '67,000', entities: ['cac'], source: { url: `https://${id}.example/a`, title: id, site: id, published: '2023-06-01' },
    created: 0, ...over,
  };
}

describe('a group heading', () => {
  it('shows the figure with the most significant digits, the first of equals', () => {
    const a = fact('a', { value: 67000, figureText: '67,000' });
    const b = fact('b', { value: 66600, figureText: '6.66万', qualifier: 'more than' });
    const c = fact('c', { value: 66700, figureText: '66,700' });
    expect(headlineFact([a, b, c])).toBe(b);
    expect(headlineFact([a, c, b])).toBe(c);
    expect(headlineFact([a, fact('d', { value: 70000 })])).toBe(a);
  });

  it('carries the headline figure as written and its hedge, and no hedge another source gave', () => {
    const hedged = fact('a', { value: 67000, figureText: 'nearly 67,000', qualifier: 'nearly' });
    const precise = fact('b', { value: 66600, figureText: '66,600' });
    const group = describeGroup([hedged, precise]);
    expect(group).toMatchObject({ value: 66600, figureText: '66,600' });
    expect(group).not.toHaveProperty('qualifier');
    expect(describeGroup([precise, hedged])).not.toHaveProperty('qualifier');
    expect(describeGroup([hedged])).toMatchObject({ qualifier: 'nearly', figureText: 'nearly 67,000' });
  });

  it('takes its id, unit and action from the first source, and has none it did not give', () => {
    const group = describeGroup([fact('a'), fact('b', { unit: 'posts', action: 'removed' })]);
    expect(group).toMatchObject({ id: 'a', unit: 'accounts', action: 'closed', repeats: [] });
    const { unit: _u, action: _a, ...bare } = fact('c');
    const plain = describeGroup([bare]);
    expect(plain).not.toHaveProperty('unit');
    expect(plain).not.toHaveProperty('action');
    expect(plain).not.toHaveProperty('period');
  });

  it('names every entity any source names, once, in the order they came', () => {
    const group = describeGroup([fact('a', { entities: ['cac', 'weibo'] }), fact('b', { entities: ['douyin', 'cac', 'weibo'] })]);
    expect(group.entities).toEqual(['cac', 'weibo', 'douyin']);
  });
});

describe('a group period', () => {
  const spring = fact('a', { period: { from: '2023-03-10', to: '2023-05-22' } });

  it('is the span every source agrees on', () => {
    const b = fact('b', { period: { from: '2023-04-01', to: '2023-06-30' } });
    expect(describeGroup([spring, b]).period).toEqual({ from: '2023-04-01', to: '2023-05-22' });
    expect(describeGroup([b, spring]).period).toEqual({ from: '2023-04-01', to: '2023-05-22' });
    const inside = fact('c', { period: { from: '2023-03-20', to: '2023-04-30' } });
    expect(describeGroup([spring, inside]).period).toEqual({ from: '2023-03-20', to: '2023-04-30' });
    expect(describeGroup([inside, spring]).period).toEqual({ from: '2023-03-20', to: '2023-04-30' });
  });

  it('takes an end one source gives when another leaves it open, and a day as a span of one day', () => {
    const since = fact('b', { period: { from: '2023-04-01' } });
    const until = fact('c', { period: { to: '2023-05-01' } });
    expect(describeGroup([since, until]).period).toEqual({ from: '2023-04-01', to: '2023-05-01' });
    expect(describeGroup([until, since]).period).toEqual({ to: '2023-05-01', from: '2023-04-01' });
    expect(describeGroup([since, spring]).period).toEqual({ from: '2023-04-01', to: '2023-05-22' });
    expect(describeGroup([fact('d'), fact('e', { date: '2023-04-02' })]).period).toEqual({ from: '2023-04-02', to: '2023-04-02' });
  });

  it('does not change the sources it was read from', () => {
    const b = fact('b', { period: { from: '2023-04-01', to: '2023-06-30' } });
    describeGroup([spring, b]);
    expect(spring.period).toEqual({ from: '2023-03-10', to: '2023-05-22' });
  });
});

describe('sources and repeats', () => {
  it('counts each article once, at its first fact, and keeps its later ones as repeats', () => {
    const url = 'https://same.example/a';
    const first = fact('a', { source: { url, title: 'x', site: 'x', published: '2023-06-01' } });
    const other = fact('b');
    const again = fact('c', { value: 66600, figureText: '66,600', source: { url, title: 'x', site: 'x', published: '2023-06-01' } });
    const [group, ...rest] = linkFacts([first, other, again]);
    expect(rest).toEqual([]);
    expect(group!.facts).toEqual([first, other]);
    expect(group!.repeats).toEqual([again]);
    expect(articleOf(again)).toBe(url);
  });
});
