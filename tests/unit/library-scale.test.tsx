// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { setLocale, t } from '../../components/i18n';
import { VirtualList } from '../../components/VirtualList';
import { visibleRange } from '../../components/virtual-range';
import { collect, linkedGroups, linkInSlices, groupsWithin, factsOf, isFiltered, selectHighlights } from '../../entrypoints/library/library-view';
import { linkFacts } from '../../lib/facts';
import { panelOpener } from '../../entrypoints/popup/side-panel';
import { createTabFollower } from '../../entrypoints/sidepanel/tab-follower';
import { changedTab } from '../../entrypoints/sidepanel/changes';
import { describeFigure } from '../../lib/export';
import { FIGURE_UNITS } from '../../lib/types';
import { makeFact, makeHighlight } from './export-samples';

describe('visibleRange', () => {
  // Rows of 100, 50, 200 and 100 px: tops 0, 100, 150, 350, end 450.
  const tops = [0, 100, 150, 350, 450];
  it('gives the rows that overlap the window', () => {
    expect(visibleRange(tops, 0, 100)).toEqual({ start: 0, end: 1 });
    expect(visibleRange(tops, 120, 160)).toEqual({ start: 1, end: 3 });
    expect(visibleRange(tops, 149, 351)).toEqual({ start: 1, end: 4 });
    expect(visibleRange(tops, -500, 5000)).toEqual({ start: 0, end: 4 });
  });
  it('keeps the last row when scrolled past the end, and nothing when there are no rows', () => {
    expect(visibleRange(tops, 900, 1000)).toEqual({ start: 3, end: 4 });
    expect(visibleRange([0], 0, 100)).toEqual({ start: 0, end: 0 });
  });
});

describe('VirtualList', () => {
  it('puts only the first rows into the document, each telling its place in the whole list', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const items = Array.from({ length: 10_000 }, (_, i) => `item ${i}`);
    act(() => render(<VirtualList items={items} keyOf={(x) => x} render={(x) => <span>{x}</span>} initialRows={20} />, root));
    const rows = root.querySelectorAll('li');
    expect(rows.length).toBeLessThanOrEqual(60);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.getAttribute('aria-setsize')).toBe('10000');
    expect(rows[1]?.getAttribute('aria-posinset')).toBe('2');
    // The rest is room to scroll into, not rows.
    expect(parseFloat((root.querySelector('ul') as HTMLElement).style.paddingBottom)).toBeGreaterThan(100_000);
    act(() => render(null, root));
    root.remove();
  });

  it('draws a new list as far as the window shows it first, and the rows beyond it after that frame; an edited list keeps its rows', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const list = (name: string) => Array.from({ length: 100 }, (_, i) => `${name} ${i}`);
    const draw = (items: string[]) => render(<VirtualList items={items} keyOf={(x) => x} render={(x) => <span>{x}</span>} estimate={100} overscan={400} />, root);
    const rows = () => Array.from(root.querySelectorAll('li'), (li) => li.textContent);
    // The window (happy-dom's) is 768 px: rows of 100 px, 8 in it, 4 more below within the overscan.
    expect(innerHeight).toBe(768);
    act(() => draw(list('first')));
    expect(rows()).toHaveLength(12);
    // Results of a search: the window's rows at once, in the same task…
    draw(list('found'));
    expect(rows()).toEqual(list('found').slice(0, 8));
    // …the rest once the frame is painted (effects run then).
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(rows()).toEqual(list('found').slice(0, 12));
    // The same list anew, as after an edit (same length, same first item): its rows stay.
    const before = root.querySelectorAll('li')[10];
    draw(list('found'));
    expect(rows()).toHaveLength(12);
    expect(root.querySelectorAll('li')[10]).toBe(before);
    act(() => render(null, root));
    root.remove();
  });

  it('places rows by the heights measured so far: measured rows move the rows below them, and the list keeps them across lists', () => {
    // happy-dom lays nothing out: a ResizeObserver the test drives, rows as tall as the test says, a list scrolled as it says.
    const observed = new Set<Element>();
    let report: ResizeObserverCallback = () => {};
    class DrivenObserver {
      constructor(callback: ResizeObserverCallback) {
        report = callback;
      }
      observe(el: Element) {
        observed.add(el);
      }
      disconnect() {
        observed.clear();
      }
      unobserve() {}
    }
    const realObserver = window.ResizeObserver;
    window.ResizeObserver = DrivenObserver as unknown as typeof ResizeObserver;
    const tall = new Map<string, number>();
    const measure = () =>
      act(() => {
        const rows = [...observed] as HTMLElement[];
        for (const el of rows) Object.defineProperty(el, 'offsetHeight', { configurable: true, get: () => tall.get(el.dataset.key!) ?? 100 });
        report(rows.map((target) => ({ target }) as unknown as ResizeObserverEntry), {} as ResizeObserver);
      });
    const root = document.createElement('div');
    document.body.append(root);
    let scrolled = 0;
    const list = (name: string) => Array.from({ length: 100 }, (_, i) => `${name} ${i}`);
    const draw = (items: string[]) => act(() => render(<VirtualList items={items} keyOf={(x) => x} render={(x) => <span>{x}</span>} estimate={100} overscan={0} initialRows={8} />, root));
    const ul = () => root.querySelector('ul')!;
    const scrollTo = (top: number) =>
      act(() => {
        scrolled = top;
        ul().getBoundingClientRect = () => ({ top: -scrolled }) as DOMRect;
        window.dispatchEvent(new Event('scroll'));
      });
    const shown = () => ({ first: root.querySelector('li')?.textContent, above: parseFloat(ul().style.paddingTop), below: parseFloat(ul().style.paddingBottom) });

    draw(list('a'));
    const firstRow = root.querySelector('li') as HTMLElement;
    // Row 2 is 400 px, the others the estimate: rows from 3 on start 300 px lower.
    tall.set('a 2', 400);
    measure();
    scrollTo(1000);
    // 0–100, 100–200, 200–600, then 100 each: row 7 is 1000–1100, the first at 1000 px; the
    // window (768 px) shows rows 7–14, and what is below them is the rest of 10,300 px.
    expect(shown()).toEqual({ first: 'a 7', above: 1000, below: 10_300 - 1800 });
    // Row 8 measured at 50 px: what lies above it stays, what lies below moves up 50 px.
    tall.set('a 8', 50);
    measure();
    // Rows 7–15 now fill the window (1000–1850 px), of 10,250.
    expect(shown()).toEqual({ first: 'a 7', above: 1000, below: 10_250 - 1850 });
    // It starts where row 7 ends, and row 9 50 px after.
    scrollTo(1100);
    expect(shown().first).toBe('a 8');
    expect(shown().above).toBe(1100);
    scrollTo(1150);
    expect(shown()).toMatchObject({ first: 'a 9', above: 1150 });
    // Row 2 measured again, at 300 px: what lies below it moves up 100 px more.
    scrollTo(0);
    tall.set('a 2', 300);
    measure();
    scrollTo(1000);
    expect(shown()).toMatchObject({ first: 'a 8', above: 1000 });
    // A height reported late, for a row no longer drawn (row 0, 100 → 150 px): every row below it
    // moves down 50 px, and row 7 (950–1050) is now the first the window meets.
    tall.set('a 0', 150);
    act(() => {
      Object.defineProperty(firstRow, 'offsetHeight', { configurable: true, get: () => 150 });
      report([{ target: firstRow } as unknown as ResizeObserverEntry], {} as ResizeObserver);
    });
    expect(shown()).toMatchObject({ first: 'a 7', above: 950 });
    // Another list with the same items in another order: each keeps its height wherever it is now.
    draw([...list('a')].reverse());
    scrollTo(0);
    // From the top: rows of 100 px down to "a 8" (50 px, 92nd), "a 2" (300 px, 98th) and "a 0" (150 px), all 10,200 px.
    expect(shown()).toEqual({ first: 'a 99', above: 0, below: 10_200 - 800 });
    act(() => render(null, root));
    root.remove();
    window.ResizeObserver = realObserver;
  });

  it('renders a row again only when its item, its place or the render function changed', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const items = Array.from({ length: 100 }, (_, i) => ({ id: `row ${i}` }));
    const drawRow = vi.fn((x: { id: string }) => <span>{x.id}</span>);
    const draw = (list: { id: string }[], renderRow = drawRow) =>
      act(() => render(<VirtualList items={list} keyOf={(x) => x.id} render={renderRow} estimate={100} overscan={0} initialRows={8} />, root));
    draw(items);
    const first = drawRow.mock.calls.length;
    expect(first).toBe(8);
    // Drawn again with nothing of its own changed (the list's own state, a parent's render): no row rendered.
    draw(items);
    expect(drawRow.mock.calls.length).toBe(first);
    // One item replaced (an edit): that row alone.
    const edited = items.map((x, i) => (i === 3 ? { ...x } : x));
    draw(edited);
    expect(drawRow.mock.calls.slice(first).map(([x]) => x.id)).toEqual(['row 3']);
    // Another render function (the page's state changed): every row, and what it draws now.
    draw(edited, vi.fn((x: { id: string }) => <b>{x.id}</b>));
    expect(root.querySelectorAll('li b')).toHaveLength(8);
    act(() => render(null, root));
    root.remove();
  });
});

describe('the library at scale', () => {
  const h1 = makeHighlight({ quote: 'The CAC closed 67,000 accounts.', created: 3, facts: [makeFact({ value: 67_000, figureText: '67,000', unit: 'accounts', action: 'closed', text: 'x', highlightId: 'a' })] });
  const h2 = makeHighlight({ quote: '关闭账号6.66万个。', created: 2, facts: [makeFact({ value: 66_600, figureText: '6.66万', unit: 'accounts', action: 'closed', text: 'y', highlightId: 'b' })] });

  it('links facts once per change of the data, whatever the filter', async () => {
    const c = collect([h1, h2]);
    expect(linkedGroups(c)).toBeUndefined();
    const groups = (await linkInSlices(c))!;
    expect(linkedGroups(c)).toBe(groups);
    expect(await linkInSlices(c)).toBe(groups);
    expect(groups).toHaveLength(1);
    // A filter showing one highlight shows its fact in the group, linked as before.
    const shown = groupsWithin(groups, factsOf([h2]));
    expect(shown.map((g) => g.facts.map((f) => f.figureText))).toEqual([['6.66万']]);
    expect(shown[0]?.id).toBe(groups[0]?.id);
    expect(linkedGroups(collect([h1, h2]))).toBeUndefined();
  });

  // Outlets repeating figures: 300 facts about three campaigns, so linking has work to split.
  const many = Array.from({ length: 300 }, (_, i) =>
    makeHighlight({
      id: `m${i}`,
      quote: `Outlet ${i} reported the figure.`,
      created: 1_000 + i,
      facts: [makeFact({ id: `f${i}`, value: [67_000, 1_400_000, 9_300][i % 3]!, figureText: 'x', unit: 'accounts', action: 'closed', text: 'x', highlightId: `m${i}` })],
    }),
  );

  it('links ten thousand highlights’ facts a slice at a time, to the same groups as one pass', async () => {
    const c = collect(many);
    let slices = 0;
    // Each slice is told its time is up at once: it links a few facts and hands back.
    const oneAtATime = async (jobs: readonly ((timeLeft: () => boolean) => boolean)[]) => {
      for (const job of jobs) while (!job(() => false)) slices++;
    };
    const groups = (await linkInSlices(c, undefined, oneAtATime))!;
    expect(slices).toBeGreaterThan(5);
    expect(groups.map((g) => g.facts.map((f) => f.id))).toEqual(linkFacts(factsOf(c.highlights)).map((g) => g.facts.map((f) => f.id)));
    expect(groups).toHaveLength(3);
  });

  it('gives up when told to, keeping nothing half linked', async () => {
    const c = collect(many);
    let asked = 0;
    const oneAtATime = async (jobs: readonly ((timeLeft: () => boolean) => boolean)[]) => {
      for (const job of jobs) while (!job(() => false));
    };
    // The data changes while the third slice waits.
    const groups = await linkInSlices(c, () => ++asked > 2, oneAtATime);
    expect(asked).toBeGreaterThan(2);
    expect(groups).toBeUndefined();
    expect(linkedGroups(c)).toBeUndefined();
  });

  it('reads the search once per keystroke and reports why each was found', () => {
    const c = collect([h1, h2]);
    const s = selectHighlights(c, { text: '6.7万', filter: {} });
    expect(s.highlights).toEqual([h1, h2]);
    expect(s.reasons.get(h2.id)).toEqual([{ kind: 'figure', value: 66_600, text: '6.66万' }]);
  });

  it('waits for a second letter: one Latin letter or digit leaves the list as it is, a Han character searches', () => {
    const c = collect([h1, h2]);
    const h3 = makeHighlight({ quote: 'Weibo removed posts.', created: 1 });
    const more = collect([h1, h2, h3]);
    for (const text of ['c', 'C', ' ｃ ', '6', '"w"']) {
      expect(isFiltered({ text, filter: {} })).toBe(false);
      expect(selectHighlights(more, { text, filter: {} }).highlights).toEqual([h1, h2, h3]);
    }
    // Two letters search: "ca" is in the CAC quote only.
    expect(isFiltered({ text: 'ca', filter: {} })).toBe(true);
    expect(selectHighlights(more, { text: 'ca', filter: {} }).highlights).toEqual([h1]);
    // One Han character is a word.
    expect(selectHighlights(c, { text: '關', filter: {} }).highlights).toEqual([h2]);
    // A filter still applies while the search waits.
    const savedBefore1970 = { from: '1969-01-01', to: '1969-12-31', dateOf: 'saved' as const, utcOffsetMinutes: 0 };
    expect(selectHighlights(more, { text: '', filter: { ...savedBefore1970, to: '1970-01-01' } }).highlights).toHaveLength(3);
    expect(selectHighlights(more, { text: 'w', filter: savedBefore1970 }).highlights).toEqual([]);
  });
});

describe('one vocabulary', () => {
  it('names every unit and action in the English interface with the word every export uses', () => {
    setLocale('en');
    for (const unit of FIGURE_UNITS) {
      expect(t(`unit_${unit}`)).toBe(unit);
      expect(describeFigure(makeFact({ value: 5, figureText: '5', text: '', unit }))).toBe(`5 ${unit}`);
    }
    for (const action of ['closed', 'removed', 'banned', 'suspended', 'penalised', 'dealt with', 'investigated', 'summoned', 'referred', 'targeted', 'identified', 'accused', 'rectified', 'exposed']) {
      expect(t(`action_${action.replace(' ', '_')}` as Parameters<typeof t>[0])).toBe(action);
    }
    expect(t('unit_clues')).not.toBe('leads');
  });
});

describe('the side panel', () => {
  it('follows the active tab of its window, but not its own tab or another window', () => {
    const f = createTabFollower({ first: 5, ownTab: 9, windowId: 1 });
    let refreshed = 0;
    const stop = f.subscribe(() => refreshed++);
    f.activated({ tabId: 9, windowId: 1 });
    f.activated({ tabId: 7, windowId: 2 });
    expect([f.current(), refreshed]).toEqual([5, 0]);
    f.activated({ tabId: 6, windowId: 1 });
    expect([f.current(), refreshed]).toEqual([6, 1]);
    f.updated(5, { status: 'complete' });
    f.updated(6, { status: 'loading' });
    expect(refreshed).toBe(1);
    f.updated(6, { status: 'complete' });
    f.changed();
    expect(refreshed).toBe(3);
    f.removed(6);
    expect([f.current(), refreshed]).toEqual([undefined, 4]);
    stop();
    f.changed();
    expect(refreshed).toBe(4);
  });

  it('reads its tab again when that tab’s page reports its mentions (its content script started late), not for another tab', () => {
    const f = createTabFollower({ first: 5, windowId: 1 });
    let refreshed = 0;
    f.subscribe(() => refreshed++);
    f.reported(8);
    expect(refreshed).toBe(0);
    f.reported(5);
    expect(refreshed).toBe(1);
    expect(changedTab({ tab: 5 })).toBe(5);
    expect(changedTab({ urls: 'all' })).toBeUndefined();
    expect(changedTab(null)).toBeUndefined();
  });

  it('opens through Chrome’s sidePanel or Firefox’s sidebarAction, and is not offered without either', async () => {
    const calls: unknown[] = [];
    const chrome = { sidePanel: { open: async (o: { windowId: number }) => void calls.push(o) } };
    await panelOpener(chrome, async () => 3)!();
    const firefox = { sidebarAction: { open: async () => void calls.push('sidebar') } };
    await panelOpener(firefox, async () => undefined)!();
    expect(calls).toEqual([{ windowId: 3 }, 'sidebar']);
    expect(panelOpener({}, async () => 1)).toBeUndefined();
  });
});

describe('the fact editor', () => {
  it('offers every unit lib/facts knows, saying what each covers (websites, pieces of content)', async () => {
    const { FactEditor } = await import('../../entrypoints/library/FactEditor');
    setLocale('en');
    const root = document.createElement('div');
    document.body.append(root);
    act(() => render(<FactEditor fact={makeFact({ value: 5, figureText: '5', text: 'x', unit: 'posts' })} onSave={() => {}} />, root));
    const options = [...root.querySelectorAll('select')[0]!.querySelectorAll('option')].map((o) => o.value);
    expect(options).toEqual([...FIGURE_UNITS]);
    const text = root.querySelector('select')!.textContent!;
    expect(text).toContain('platforms — websites, apps');
    expect(text).toContain('posts — posts, pieces of content');
    act(() => render(null, root));
    root.remove();
  });
});
