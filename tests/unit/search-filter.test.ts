import { describe, expect, it } from 'vitest';
import { facetsOf, factSpan, filterFacts, filterHighlights, timelineOf } from '../../lib/search';
import type { Fact } from '../../lib/types';
import { chinesePage, financePage, makeFact, makeHighlight, purgePage, seedHighlights } from './export-samples';

describe('filterHighlights', () => {
  const saved = seedHighlights();
  const [closed, platforms, chinese] = saved;

  it('keeps highlights that mention any chosen entity', () => {
    expect(filterHighlights(saved, { entities: ['weibo', 'kuaishou'] })).toEqual([platforms]);
    expect(filterHighlights(saved, { entities: ['cac'] })).toEqual([closed, chinese]);
  });

  it('combines kinds of filter: entity and site', () => {
    expect(filterHighlights(saved, { entities: ['cac'], sites: ['範例新聞'] })).toEqual([chinese]);
  });

  it('takes the host name as the site of a page that names none', () => {
    const h = makeHighlight({ quote: 'Weibo acted.', page: { url: 'https://www.outlet.example/a', title: 'A' } });
    expect(filterHighlights([h], { sites: ['outlet.example'] })).toEqual([h]);
  });

  it('matches tags ignoring case and simplified or traditional form', () => {
    expect(filterHighlights(saved, { tags: ['Figures'] })).toEqual([closed]);
    expect(filterHighlights(saved, { tags: ['清朗'] })).toEqual([chinese]);
    const simplifiedTag = makeHighlight({ quote: 'x', tags: ['专项行动'] });
    expect(filterHighlights([simplifiedTag], { tags: ['專項行動'] })).toEqual([simplifiedTag]);
  });

  it('filters by the day a highlight was saved when asked, in the user’s time zone', () => {
    // Saved at 23:30 UTC on 4 May: already 5 May in Beijing (UTC+8).
    const late = makeHighlight({ quote: 'x', created: Date.UTC(2023, 4, 4, 23, 30) });
    const day = { from: '2023-05-05', to: '2023-05-05', dateOf: 'saved' as const };
    expect(filterHighlights([late], day)).toEqual([]);
    expect(filterHighlights([late], { ...day, utcOffsetMinutes: 480 })).toEqual([late]);
  });

  it('filters by publication date by default, leaving out pages without one', () => {
    expect(filterHighlights(saved, { from: '2023-10-01', to: '2023-10-31' })).toEqual([platforms]);
  });

  it('finds an article published in May 2023 under May 2023, though it was saved in June', () => {
    const page = { url: 'https://outlet.example/may', title: 'May', published: '2023-05-28T09:30:00+08:00' };
    const june = makeHighlight({ quote: 'x', page, created: Date.UTC(2023, 5, 20) });
    expect(filterHighlights([june], { from: '2023-05-01', to: '2023-05-31' })).toEqual([june]);
    expect(filterHighlights([june], { from: '2023-05-01', to: '2023-05-31', dateOf: 'saved' })).toEqual([]);
  });

  it('shows orphaned highlights apart', () => {
    expect(filterHighlights(saved, { orphaned: true })).toEqual([chinese]);
    expect(filterHighlights(saved, { orphaned: false })).toEqual([closed, platforms]);
  });

  it('keeps everything with an empty filter', () => {
    expect(filterHighlights(saved, { entities: [], sites: [], tags: [] })).toEqual(saved);
  });
});

describe('facetsOf', () => {
  it('counts entities, sites and tags, most frequent first', () => {
    const facets = facetsOf(seedHighlights());
    expect(facets.entities[0]).toEqual({ value: 'cac', count: 2 });
    expect(facets.sites.map((s) => s.value).sort()).toEqual(['Example Daily', 'Example News', '範例新聞'].sort());
    expect(facets.tags).toContainEqual({ value: 'platforms', count: 1 });
  });
});

const march: Fact = makeFact({
  text: 'between March 10 and May 22, it closed down 67,000 social media accounts',
  value: 67000,
  figureText: '67,000',
  period: { from: '2023-03-10', to: '2023-05-22' },
});
const oneDay: Fact = makeFact({ text: '6 June: 2,000 posts removed', value: 2000, figureText: '2,000', date: '2023-06-06' });
const onlyPublished: Fact = makeFact({
  text: 'nearly 8,000 were removed for propagating fake news',
  value: 8000,
  figureText: '8,000',
  source: purgePage,
});
const undated: Fact = makeFact({
  text: '4,000 livestreams',
  value: 4000,
  figureText: '4,000',
  source: { url: 'https://x.example/', title: 'x' },
});
const openEnded: Fact = makeFact({
  text: 'until 26 October WeChat will investigate',
  value: 1,
  figureText: '1',
  period: { to: '2023-10-26' },
  source: financePage,
});

describe('factSpan', () => {
  it('uses the period, then the one day, then the publication date', () => {
    expect(factSpan(march)).toEqual({ from: '2023-03-10', to: '2023-05-22', basis: 'period' });
    expect(factSpan(oneDay)).toEqual({ from: '2023-06-06', to: '2023-06-06', basis: 'date' });
    expect(factSpan(onlyPublished)).toEqual({ from: '2023-05-28', to: '2023-05-28', basis: 'published' });
    expect(factSpan(openEnded)).toEqual({ from: '2023-10-26', to: '2023-10-26', basis: 'period' });
    expect(factSpan(undated)).toBeUndefined();
  });
});

describe('filterFacts', () => {
  const all = [march, oneDay, onlyPublished, undated, openEnded];

  it('keeps facts whose span overlaps the range', () => {
    expect(filterFacts(all, { from: '2023-05-01', to: '2023-05-31' })).toEqual([march, onlyPublished]);
    expect(filterFacts(all, { from: '2023-06-01' })).toEqual([oneDay, openEnded]);
  });

  it('filters by entity and by source site', () => {
    const weibo = makeFact({ text: 'Weibo', value: 1, figureText: '1', entities: ['weibo'], source: chinesePage });
    expect(filterFacts([...all, weibo], { entities: ['weibo'] })).toEqual([weibo]);
    expect(filterFacts([...all, weibo], { sites: ['範例新聞'] })).toEqual([weibo]);
  });
});

describe('timelineOf', () => {
  const all = [openEnded, oneDay, march, undated, onlyPublished];

  it('groups facts by the month they start in, oldest first', () => {
    const { groups, undated: none } = timelineOf(all);
    expect(groups.map((g) => g.key)).toEqual(['2023-03', '2023-05', '2023-06', '2023-10']);
    expect(groups[0]?.entries[0]).toMatchObject({ fact: march, from: '2023-03-10', to: '2023-05-22' });
    expect(none).toEqual([undated]);
  });

  it('groups by quarter or year, newest first when asked', () => {
    expect(timelineOf(all, { unit: 'quarter' }).groups.map((g) => [g.key, g.entries.length])).toEqual([
      ['2023-Q1', 1],
      ['2023-Q2', 2],
      ['2023-Q4', 1],
    ]);
    expect(timelineOf(all, { unit: 'year', order: 'desc' }).groups.map((g) => g.key)).toEqual(['2023']);
    const desc = timelineOf(all, { order: 'desc' }).groups;
    expect(desc.map((g) => g.key)).toEqual(['2023-10', '2023-06', '2023-05', '2023-03']);
  });

  it('orders entries within a period by their first day', () => {
    const early = makeFact({ text: 'a', value: 1, figureText: '1', date: '2023-06-02' });
    const [june] = timelineOf([oneDay, early]).groups;
    expect(june?.entries.map((e) => e.fact)).toEqual([early, oneDay]);
  });
});
