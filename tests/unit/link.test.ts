import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createLinker, extractFacts, factsFromCandidate, linkAction, linkFacts, overlapping, roundSignificant, sameFact, sameQuantity, sameYear, significantDigits, spanOf, yearsOf } from '../../lib/facts';
import { quantityKeys } from '../../lib/facts/link-index';
import type { Fact, Mention, PageMeta } from '../../lib/types';
import type { FactGroup } from '../../lib/facts';

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
  const source: PageMeta = { url: `https://${outlet}/article`, title: outlet, site: outlet, ...(articleDate && { published: articleDate }) };
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

  it('does not link a general act with a specific one (处置 "acted on" is not "closed")', () => {
    const zh = factsOf('a.cn', '网信办处置账号6.66万个。');
    const en = factsOf('b.com', 'The CAC closed 67,000 accounts.');
    expect(zh[0]!.action).not.toBe(en[0]!.action);
    expect(linkFacts([...zh, ...en])).toHaveLength(2);
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
    // Without a period, the publication date places the fact: 2023, like the March–May period.
    const c = factsOf('c.com', 'The CAC closed 67,000 accounts.', '2023-06-01');
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

/** A stored fact as the extension keeps it, for rules that need no sentence. */
function fact(id: string, over: Partial<Fact> & { url?: string; published?: string } = {}): Fact {
  const { url = `https://${id}.example/a`, published, ...rest } = over;
  return {
    id, highlightId: `h-${id}`, text: `closed ${over.value ?? 67000} accounts`, value: 67000, unit: 'accounts',
    action: 'closed', figureText: '67,000', entities: ['cac'],
    source: { url, title: id, site: id, ...(published && { published }) }, created: 0, ...rest,
  };
}

describe('linkFacts: honest corroboration', () => {
  it('counts an article that repeats a figure as one source, at its first statement', () => {
    const text = 'The CAC closed 67,000 accounts in the campaign. In all, 67,000 accounts were closed, the CAC said.';
    const a = factsOf('a.com', text, '2023-05-27');
    const b = factsOf('b.com', 'The CAC closed 67,000 accounts.', '2023-05-28');
    expect(a).toHaveLength(2);
    const [group, ...rest] = linkFacts([...a, ...b]);
    expect(rest).toEqual([]);
    expect(group!.facts.map((f) => f.id)).toEqual([a[0]!.id, b[0]!.id]);
    expect(group!.repeats.map((f) => f.id)).toEqual([a[1]!.id]);
  });

  it('keeps a repeat in its group even when no other outlet gives the figure', () => {
    const groups = linkFacts([fact('x1', { url: 'https://x/1' }), fact('x2', { url: 'https://x/1', value: 66600, figureText: '66,600' })]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.facts).toHaveLength(1);
    expect(groups[0]!.repeats).toHaveLength(1);
  });

  it('never links facts of different years, read from the publication date when no period is given', () => {
    const old = factsOf('a.com', 'The CAC closed 9,800 accounts.', '2019-04-02');
    const recent = factsOf('b.com', 'The CAC closed 10,000 accounts.', '2024-04-02');
    expect(linkFacts([...old, ...recent])).toHaveLength(2);
    const sameYear = factsOf('c.com', 'The CAC closed 10,000 accounts.', '2019-11-20');
    expect(linkFacts([...old, ...sameYear])).toHaveLength(1);
  });

  it('lets the period decide the year over the publication date', () => {
    // Published in January 2024 about a 2023 campaign.
    const late = fact('late', { published: '2024-01-15', period: { from: '2023-03-10', to: '2023-05-22' } });
    const during = fact('during', { published: '2023-05-28' });
    const nextYear = fact('next', { published: '2024-02-01' });
    expect(linkFacts([late, during])).toHaveLength(1);
    expect(linkFacts([late, nextYear])).toHaveLength(2);
  });

  it('places a period across New Year in both its years', () => {
    const winter = fact('winter', { period: { from: '2022-12-01', to: '2023-02-28' } });
    expect(linkFacts([winter, fact('y2022', { published: '2022-12-20' })])).toHaveLength(1);
    expect(linkFacts([winter, fact('y2023', { published: '2023-01-20' })])).toHaveLength(1);
    expect(linkFacts([winter, fact('y2021', { published: '2021-12-20' })])).toHaveLength(2);
  });

  it('links a fact with no year at all only with others that have none', () => {
    const undated = fact('undated');
    expect(linkFacts([undated, fact('dated', { published: '2023-05-28' })])).toHaveLength(2);
    expect(linkFacts([undated, fact('also-undated')])).toHaveLength(1);
  });

  it('shows the most precise source in the heading, with its hedge and its figure as written', () => {
    const [group] = linkFacts([
      fact('en', { published: '2023-05-28', value: 67000, figureText: '67,000' }),
      fact('zh', { published: '2023-05-28', value: 66600, figureText: '6.66萬', qualifier: 'more than' }),
    ]);
    expect(group).toMatchObject({ value: 66600, figureText: '6.66萬', qualifier: 'more than' });
  });
});

/**
 * sameFact written plainly from the rules at the top of lib/facts/link.ts, through the
 * exported helpers (sameQuantity rounds with toPrecision), so the columns, the integer
 * rounding and the index in link.ts are each checked against it.
 */
const PLATFORMS = ['wechat', 'douyin', 'weibo', 'kuaishou'];
function sameByRules(a: Fact, b: Fact): boolean {
  if (a.id === b.id || a.unlinked?.includes(b.id) || b.unlinked?.includes(a.id)) return false;
  if (a.unit !== b.unit || linkAction(a.action, a.unit) !== linkAction(b.action, b.unit)) return false;
  if (!sameYear(yearsOf(a), yearsOf(b)) || !overlapping(spanOf(a), spanOf(b))) return false;
  const pa = a.entities.filter((e) => PLATFORMS.includes(e));
  const pb = b.entities.filter((e) => PLATFORMS.includes(e));
  if (pa.length > 0 && pb.length > 0 && !pa.some((e) => pb.includes(e))) return false;
  return sameQuantity(a, b);
}

/** The quadratic grouping this module did before its index: the index must agree with it. */
function linkByScanning(facts: readonly Fact[], same: (a: Fact, b: Fact) => boolean): string[][] {
  const groups: Fact[][] = [];
  for (const f of facts) {
    const home = groups.find((g) => g.every((o) => same(f, o)));
    if (home) home.push(f);
    else groups.push([f]);
  }
  return groups.map((g) => g.map((f) => f.id));
}

describe('linkFacts: the index', () => {
  const values = fc.constantFrom(8000, 7600, 7950, 66600, 67000, 67400, 76000, 100000, 98000, 1400000, 1410900, 0, 1.5, 1.45, 2 ** 53 + 2, 9_007_199_254_740_000);
  const arbFact = fc.record({
    value: values,
    unit: fc.constantFrom('accounts', 'posts') as fc.Arbitrary<Fact['unit']>,
    action: fc.constantFrom('closed', 'removed', 'cleared', undefined),
    qualifier: fc.constantFrom(undefined, 'more than', 'nearly', 'up to'),
    year: fc.constantFrom(undefined, '2022', '2023'),
    period: fc.constantFrom(undefined, { from: '2022-12-01', to: '2023-01-31' }, { from: '2023-03-10', to: '2023-05-22' }, { from: '2023-04-01' }, { to: '2022-06-30' }),
    date: fc.constantFrom(undefined, '2023-04-02', '2022-12-15'),
    platforms: fc.subarray(['weibo', 'douyin', 'wechat']),
    unlinks: fc.array(fc.integer({ min: 0, max: 39 }), { maxLength: 2 }),
    article: fc.integer({ min: 0, max: 5 }),
  });
  function toFacts(specs: { value: number; unit: Fact['unit']; action: string | undefined; qualifier: string | undefined; year: string | undefined; period: Fact['period']; date: string | undefined; platforms: string[]; unlinks: number[]; article: number }[]): Fact[] {
    return specs.map((s, i) => {
      const f = fact(`f${i}`, {
        url: `https://a${s.article}.example/`, value: s.value, unit: s.unit, action: s.action, entities: ['cac', ...s.platforms],
        ...(s.qualifier && { qualifier: s.qualifier }), ...(s.year && { published: `${s.year}-06-01` }),
        ...(s.period && { period: s.period }), ...(s.date && { date: s.date }),
        ...(s.unlinks.length > 0 && { unlinked: s.unlinks.map((u) => `f${u}`) }),
      });
      if (!s.action) delete f.action;
      return f;
    });
  }

  it('groups exactly as comparing every group by the rules would', () => {
    fc.assert(
      fc.property(fc.array(arbFact, { maxLength: 40 }), (specs) => {
        const facts = toFacts(specs);
        const byIndex = linkFacts(facts).map((g) => [...g.facts, ...g.repeats].map((f) => f.id).sort());
        expect(byIndex.sort()).toEqual(linkByScanning(facts, sameByRules).map((g) => g.sort()).sort());
      }),
      { seed: 20231010, numRuns: 300 },
    );
  });

  it('links in steps to exactly the groups of one pass, however often it is stopped', () => {
    fc.assert(
      fc.property(fc.array(arbFact, { maxLength: 120 }), fc.integer({ min: 0, max: 5 }), (specs, budget) => {
        const facts = toFacts(specs);
        const linker = createLinker(facts);
        // The clock allows `budget` more looks each slice: a slice stops after 32·(budget+1) facts or groups.
        let steps = 0;
        for (let done = false; !done; steps++) {
          let looks = budget;
          done = linker.step(() => looks-- > 0);
        }
        const ids = (groups: FactGroup[]) => groups.map((g) => ({ facts: g.facts.map((f) => f.id), repeats: g.repeats.map((f) => f.id) }));
        expect(ids(linker.groups())).toEqual(ids(linkFacts(facts)));
        // Work is split as the clock said: no slice links or describes more than its share.
        const groups = linkFacts(facts).length;
        expect(steps).toBeGreaterThanOrEqual(Math.ceil((facts.length + groups) / (32 * (budget + 1))) - 1);
      }),
      { seed: 20261202, numRuns: 150 },
    );
  });

  it('refuses to give groups before linking is done', () => {
    const facts = toFacts(Array.from({ length: 70 }, (_, i) => ({ value: 1000 + i * 500, unit: 'accounts' as Fact['unit'], action: 'closed', qualifier: undefined, year: undefined, period: undefined, date: undefined, platforms: [], unlinks: [], article: i % 5 })));
    const linker = createLinker(facts);
    expect(linker.step(() => false)).toBe(false);
    expect(() => linker.groups()).toThrow(/before step\(\) finished/);
    while (!linker.step(() => false));
    expect(linker.groups()).toHaveLength(linkFacts(facts).length);
  });

  it('decides each pair as the rules do (sameFact)', () => {
    fc.assert(
      fc.property(arbFact, arbFact, (x, y) => {
        const [a, b] = toFacts([x, y]);
        expect(sameFact(a!, b!)).toBe(sameByRules(a!, b!));
      }),
      { seed: 11, numRuns: 2000 },
    );
  });

  it('rounds whole numbers in integer arithmetic exactly as toPrecision does', () => {
    const whole = fc.integer({ min: 1, max: 2 ** 40 });
    fc.assert(
      fc.property(whole, fc.integer({ min: 1, max: 12 }), fc.constantFrom(undefined, 'more than', 'nearly'), (value, digits, qualifier) => {
        // The rough figure: the value rounded to fewer digits each way, as outlets write it.
        for (const mode of ['nearest', 'down', 'up'] as const) {
          const rough = roundSignificant(value, Math.min(digits, significantDigits(value)), mode);
          const a = fact('precise', { value });
          const b = fact('rough', { value: rough, ...(qualifier && { qualifier }) });
          expect(sameFact(a, b)).toBe(sameQuantity(a, b));
        }
      }),
      { seed: 5, numRuns: 1000 },
    );
  });
});

describe('quantityKeys', () => {
  it('rounds whole numbers exactly as roundSignificant does, to every precision and each way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), (value) => {
        const expected = new Set<number>();
        for (let k = 1; k <= significantDigits(value); k++) {
          for (const mode of ['nearest', 'down', 'up'] as const) expected.add(roundSignificant(value, k, mode));
        }
        const keys = quantityKeys(value);
        expect(new Set(keys.roundings)).toEqual(expected);
        expect(keys.roundings).toContain(value);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('gives 66,600 the roundings 67,000 and "more than 66,000" are read from', () => {
    expect(quantityKeys(66600).roundings).toEqual(expect.arrayContaining([67000, 66000, 70000, 66600]));
  });
});
