// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntityList } from '../../components/EntityList';
import { FactGroupList } from '../../components/FactGroupList';
import { setLocale } from '../../components/i18n';
import { SafeLink } from '../../components/SafeLink';
import { Timeline } from '../../components/Timeline';
import { describeGroup, excerptAround, type FactGroup } from '../../lib/facts';
import { formatWrittenNumber } from '../../components/format';
import { timelineOf } from '../../lib/search';
import { mount, type Mounted } from './components-render';
import { chinesePage, financePage, makeFact, purgePage } from './export-samples';

let ui: Mounted;
beforeEach(() => {
  setLocale('en');
  ui = mount();
});
afterEach(() => ui.unmount());

describe('EntityList', () => {
  const entities = [
    { id: 'cac', label: 'CAC', count: 7, description: 'Cyberspace Administration of China, the internet regulator' },
    { id: 'weibo', label: 'Weibo', count: 1 },
  ];

  it('lists each entity with its count and description', () => {
    ui.show(<EntityList entities={entities} />);
    const items = [...ui.root.querySelectorAll('.ql-entity')].map((b) => b.textContent);
    expect(items[0]).toBe('CAC7 mentionsCyberspace Administration of China, the internet regulator');
    expect(items[1]).toBe('Weibo1 mention');
  });

  it('gives each button a name a screen reader can read, and reports the chosen entity', () => {
    const onSelect = vi.fn();
    ui.show(<EntityList entities={entities} onSelect={onSelect} />);
    const weibo = ui.button('Weibo1 mention');
    const describedBy = (b: Element) =>
      (b.getAttribute('aria-describedby') ?? '').split(' ').map((id) => ui.root.querySelector(`#${CSS.escape(id)}`)?.textContent);
    expect(describedBy(weibo)).toEqual(['Show the next mention of Weibo']);
    act(() => weibo.click());
    expect(onSelect).toHaveBeenCalledWith('weibo');
    const cac = ui.button(/^CAC/);
    expect(describedBy(cac)).toEqual(['Show the next mention of CAC', entities[0]?.description]);
  });

  it('says so when no entity is on the page', () => {
    ui.show(<EntityList entities={[]} />);
    expect(ui.root.textContent).toMatch(/None of the watched names/);
  });
});

function group(): FactGroup {
  const english = makeFact({
    id: 'f-en',
    text: 'it closed down 67,000 social media accounts',
    value: 67000,
    figureText: '67,000',
    unit: 'accounts',
    action: 'closed',
    period: { from: '2023-03-10', to: '2023-05-22' },
    source: purgePage,
  });
  const chinese = makeFact({
    id: 'f-zh',
    text: '永久關閉賬號6.66萬餘個',
    value: 66600,
    figureText: '6.66萬',
    qualifier: 'more than',
    unit: 'accounts',
    action: 'closed',
    source: chinesePage,
  });
  return describeGroup([english, chinese]);
}

describe('FactGroupList', () => {
  it('shows one fact with each of its sources: outlet, title, date and sentence around the figure', () => {
    ui.show(<FactGroupList groups={[group()]} />);
    // The most precise source's hedge and figure: "more than 6.66萬" is not "66,600".
    expect(ui.root.querySelector('.ql-fact__figure')?.textContent).toBe('more than 66,600 accounts closed · 2023-03-10 – 2023-05-22');
    expect(ui.root.textContent).toContain('2 sources');
    const sources = [...ui.root.querySelectorAll('.ql-fact__source')].map((li) => li.textContent);
    expect(sources[0]).toContain('Example News');
    expect(sources[0]).toContain('2023-05-28');
    expect(sources[1]).toContain('範例新聞');
    expect(ui.root.querySelectorAll('.ql-fact__excerpt')[1]?.textContent).toBe('永久關閉賬號6.66萬餘個');
  });

  it('links each source in a new tab without a referrer', () => {
    ui.show(<FactGroupList groups={[group()]} />);
    const links = [...ui.root.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([purgePage.url, chinesePage.url]);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')?.split(' ')).toContain('noreferrer');
    }
  });

  it('does not make a javascript: source clickable', () => {
    const g = group();
    const [first] = g.facts;
    if (!first) throw new Error('no fact');
    first.source = { ...first.source, url: 'javascript:alert(document.domain)', title: 'Innocent title' };
    ui.show(<FactGroupList groups={[g]} />);
    expect(ui.root.querySelector('a[href^="javascript"]')).toBeNull();
    expect(ui.root.querySelectorAll('a')).toHaveLength(1);
    expect(ui.root.textContent).toContain('Innocent title');
  });

  it('reports which report to unlink from which group', () => {
    const onUnlink = vi.fn();
    ui.show(<FactGroupList groups={[group()]} onUnlink={onUnlink} />);
    act(() => ui.button(/Unlink the report from 範例新聞/).click());
    expect(onUnlink).toHaveBeenCalledWith('f-zh', 'f-en');
  });

  it('formats the figure for the Chinese interface', () => {
    setLocale('zh');
    ui.show(<FactGroupList groups={[group()]} />);
    expect(ui.root.querySelector('.ql-fact__figure')?.textContent).toBe('关闭超过6.66万个账号 · 2023-03-10 至 2023-05-22');
  });
});

describe('SafeLink', () => {
  it.each(['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'not a url', undefined])(
    'renders %j as text that cannot be clicked',
    (href) => {
      ui.show(<SafeLink href={href}>source</SafeLink>);
      expect(ui.root.querySelector('a')).toBeNull();
      expect(ui.root.querySelector('span')?.textContent).toBe('source');
    },
  );
});

describe('Timeline', () => {
  const facts = [
    makeFact({ text: 'a', value: 67000, figureText: '67,000', unit: 'accounts', period: { from: '2023-03-10', to: '2023-05-22' } }),
    makeFact({ text: 'b', value: 4000, figureText: '4,000', date: '2023-10-23', source: financePage }),
    makeFact({ text: 'c', value: 9, figureText: '9', source: { url: 'https://x.example/', title: 'x' } }),
  ];

  it('shows periods as headings, each fact with its span and outlet, undated ones last', () => {
    ui.show(<Timeline timeline={timelineOf(facts)} />);
    const headings = [...ui.root.querySelectorAll('h3')].map((h) => h.textContent);
    expect(headings).toEqual(['March 2023', 'October 2023', 'Undated']);
    expect(ui.root.querySelector('time')?.getAttribute('datetime')).toBe('2023-03');
    expect(ui.root.textContent).toContain('2023-03-10 – 2023-05-22');
    expect(ui.root.textContent).toContain('Example Daily');
  });

  it('reports the fact the user picks', () => {
    const onSelectFact = vi.fn();
    ui.show(<Timeline timeline={timelineOf(facts)} onSelectFact={onSelectFact} />);
    act(() => ui.button('4,000').click());
    expect(onSelectFact).toHaveBeenCalledWith(facts[1]);
  });

  it('says so when there is nothing to show', () => {
    ui.show(<Timeline timeline={timelineOf([])} />);
    expect(ui.root.textContent).toBe('No dated facts yet.');
  });
});

describe('views keep what was written', () => {
  it('keeps the scale and precision of "1.4 million" rather than inventing 1,400,000', () => {
    expect(formatWrittenNumber(1_400_000, '1.4 million', 'en')).toBe('1.4 million');
    expect(formatWrittenNumber(1_400_000, '1.4m', 'en')).toBe('1.4 million');
    expect(formatWrittenNumber(1_400_000, '1.4 million', 'zh-CN')).toBe('140万');
  });

  it('writes 6.66萬 as 66,600 in English and 6.66万 in Chinese', () => {
    expect(formatWrittenNumber(66_600, '6.66萬', 'en')).toBe('66,600');
    expect(formatWrittenNumber(66_600, '6.66萬', 'zh-CN')).toBe('6.66万');
    expect(formatWrittenNumber(1_410_900, '141.09萬', 'zh-CN')).toBe('141.09万');
  });

  it('leaves plain figures plain', () => {
    expect(formatWrittenNumber(8_000, '8,000', 'en')).toBe('8,000');
    expect(formatWrittenNumber(2_000_000, '2,000,000', 'en')).toBe('2,000,000');
  });

  it('shows a heading hedged as its source hedged it ("nearly 8,000")', () => {
    const nearly = { ...group().facts[0]!, id: 'n', value: 8000, figureText: '8,000', qualifier: 'nearly' };
    ui.show(<FactGroupList groups={[describeGroup([nearly])]} />);
    expect(ui.root.querySelector('.ql-fact__figure')?.textContent).toMatch(/^nearly 8,000 accounts closed/);
  });

  it('shortens a long sentence around its figure', () => {
    const sentence = `${'The regulator said that in the course of its long campaign against online rumours, '.repeat(2)}it closed 67,000 accounts and removed posts ${'on many platforms across the country, '.repeat(3)}officials said.`;
    const short = excerptAround(sentence, '67,000', 80);
    expect(short).toContain('closed 67,000 accounts');
    expect(short.startsWith('…') && short.endsWith('…')).toBe(true);
    expect(short.length).toBeLessThanOrEqual(82);
    expect(excerptAround('It closed 67,000 accounts.', '67,000')).toBe('It closed 67,000 accounts.');
  });
});
