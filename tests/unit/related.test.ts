import { describe, expect, it } from 'vitest';
import { campaignNames, linkFacts, rankRelated } from '../../lib/facts';
import type { Fact } from '../../lib/types';

let n = 0;
function fact(over: Partial<Fact> & { title?: string; published?: string } = {}): Fact {
  const { title = 'A report', published, ...rest } = over;
  const id = `f${++n}`;
  return {
    id, highlightId: `h-${id}`, text: 'The CAC closed 1,000 accounts.', value: 1000, unit: 'accounts', action: 'closed',
    figureText: '1,000', entities: ['cac'], source: { url: `https://outlet.example/${id}`, title, ...(published && { published }) },
    created: n, ...rest,
  };
}
const order = (ranked: ReturnType<typeof rankRelated>) => ranked.map((r) => r.group.facts[0]!.text);

describe('campaignNames', () => {
  it('reads the sub-campaign after 清朗 and its middle dot, without 专项行动', () => {
    expect(campaignNames('网信办启动“清朗·2024年网络直播打赏乱象整治”专项行动。')).toEqual(['2024年网络直播打赏乱象整治']);
    expect(campaignNames('開展「清朗・熱搜榜單整治」專項行動')).toEqual(['熱搜榜單整治']);
  });

  it('reads English names after "campaign against" and folds case and spaces', () => {
    expect(campaignNames('The Qinglang campaign against  Online Rumours and fake news was launched.')).toEqual(['online rumours']);
  });

  it('finds no campaign in an everyday 清朗 or a bare mention', () => {
    expect(campaignNames('营造清朗的网络空间。')).toEqual([]);
    expect(campaignNames('The Qinglang campaign continued.')).toEqual([]);
  });
});

describe('rankRelated', () => {
  it('puts the same campaign first, and says so', () => {
    const other = fact({ text: 'The CAC closed 3,000 accounts.', published: '2025-03-01' });
    const same = fact({ text: '“清朗·热搜榜单整治”专项行动中，处置账号500个。', value: 500, action: 'dealt with', published: '2025-03-02' });
    const ranked = rankRelated(linkFacts([other, same]), {
      facts: [], entities: ['cac'], text: '网信办部署“清朗·热搜榜单整治”专项行动', published: '2025-03-05',
    });
    expect(order(ranked)[0]).toBe(same.text);
    expect(ranked[0]!.reasons).toContain('same campaign');
  });

  it('puts an article of the same year before an older one that shares more names', () => {
    // Reading a 2025 article about hot-search penalties: 2023 account closures come after 2025's reports.
    const old = fact({ text: 'Weibo and the CAC closed 2,000 accounts.', value: 2000, entities: ['cac', 'weibo'], published: '2023-04-01' });
    const recent = fact({ text: 'Penalties on 40 hot-search lists.', value: 40, unit: 'cases', action: 'penalised', published: '2025-02-11' });
    const ranked = rankRelated(linkFacts([old, recent]), { facts: [], entities: ['cac', 'weibo'], published: '2025-03-05' });
    expect(order(ranked)).toEqual([recent.text, old.text]);
    expect(ranked[0]!.reasons).toEqual(['same year', 'same names']);
  });

  it('prefers an overlapping period to the same year, and says "same period"', () => {
    const here = fact({ period: { from: '2024-06-01', to: '2024-08-31' }, published: '2024-09-02' });
    const sameYear = fact({ text: 'Closed 7,000 accounts.', value: 7000, published: '2024-02-01' });
    const samePeriod = fact({ text: 'Closed 9,000 accounts.', value: 9000, period: { from: '2024-07-01', to: '2024-07-31' }, published: '2024-08-05' });
    const ranked = rankRelated(linkFacts([sameYear, samePeriod]), { facts: [here], entities: ['cac'] });
    expect(order(ranked)).toEqual([samePeriod.text, sameYear.text]);
    expect(ranked[0]!.reasons[0]).toBe('same period');
    expect(ranked[1]!.reasons[0]).toBe('same year');
  });

  it('prefers the same action and unit when the time is equal, then more shared names, then the order given', () => {
    const here = fact({ published: '2024-05-01' });
    const removedPosts = fact({ text: 'Removed 5,000 posts.', value: 5000, unit: 'posts', action: 'removed', entities: ['cac', 'douyin'], published: '2024-03-01' });
    const closedAccounts = fact({ text: 'Closed 6,000 accounts.', value: 6000, published: '2024-03-02' });
    const twoNames = fact({ text: 'Summoned 12 platforms.', value: 12, unit: 'platforms', action: 'summoned', entities: ['cac', 'douyin'], published: '2024-03-03' });
    const oneName = fact({ text: 'Summoned 13 platforms.', value: 13, unit: 'platforms', action: 'summoned', published: '2024-03-04' });
    const ranked = rankRelated(linkFacts([oneName, removedPosts, twoNames, closedAccounts]), { facts: [here], entities: ['cac', 'douyin'] });
    expect(order(ranked)).toEqual([closedAccounts.text, removedPosts.text, twoNames.text, oneName.text]);
    expect(ranked[0]!.reasons).toContain('same action and unit');
  });
});
