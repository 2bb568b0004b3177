// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { PopupApp, type PopupEnv } from '../../entrypoints/popup/App';
import { firstSentence } from '../../entrypoints/popup/entity-names';
import { readPage, targetTab } from '../../entrypoints/popup/page-reading';
import { loadPopupData } from '../../entrypoints/popup/popup-data';
import { entityNamer } from '../../entrypoints/popup/entity-names';
import { defaultSettings, type LensSettings } from '../../lib/settings';
import type { LensStore } from '../../lib/store';
import type { EntityId } from '../../lib/types';
import { FOLLOW_UP, GONE_EN, RUMOURS_EN, RUMOURS_ZH, T0, DAY, directWrites, save, seededStore } from './popup-fixtures';
import { pageRoot } from './page-root';

const ui = pageRoot({ name: 'popup' });
const { until, button } = ui;

const sectionText = (heading: string) => {
  const h = [...ui.root.querySelectorAll('h2')].find((el) => el.textContent?.startsWith(heading));
  return h?.closest('section')?.textContent ?? '';
};

interface EnvOptions {
  url?: string;
  byEntity?: Partial<Record<EntityId, number>>;
  unreadable?: boolean;
  private?: boolean;
  settings?: LensSettings;
  reveal?: PopupEnv['reveal'];
}

function envFor(store: LensStore, o: EnvOptions = {}) {
  const opened: string[] = [];
  const writes = directWrites(store);
  const env: PopupEnv = {
    readPage: async () =>
      o.unreadable
        ? { kind: 'unreadable' }
        : { kind: 'page', url: o.url ?? FOLLOW_UP.url, mentions: { total: 0, byEntity: o.byEntity ?? { weibo: 3, cac: 2, qinglang: 1 } } },
    openStore: async () => ({ ok: true, value: store }),
    loadSettings: async () => o.settings ?? defaultSettings(),
    isPrivate: async () => o.private ?? false,
    writes,
    reveal: o.reveal ?? (async () => ({ found: true, index: 1, total: 3 })),
    openLibrary: (entity) => opened.push(`library${entity ? `:${entity}` : ''}`),
    openOptions: () => opened.push('options'),
  };
  return { env, opened, writes };
}

async function show(env: PopupEnv) {
  act(() => render(<PopupApp env={env} />, ui.root));
  await until(() => !ui.root.textContent?.includes('Loading'), 'the popup to load');
}

describe('the popup on a page the user has read about elsewhere', () => {
  it('lists the entities on the page, most mentioned first, with counts and a one-line description', async () => {
    const { store } = await seededStore();
    await show(envFor(store).env);
    const items = [...ui.root.querySelectorAll('.ql-entity')].map((b) => b.querySelector('.ql-entity__label')?.textContent);
    expect(items).toEqual(['Weibo', 'CAC', 'Qinglang']);
    const weibo = ui.root.querySelector('.ql-entity')!;
    expect(weibo.textContent).toContain('3 mentions');
    expect(weibo.querySelector('.ql-entity__description')?.textContent).toBe(
      "Weibo (微博, Sina Weibo), China's main microblogging platform, where trending topics and official statements spread.",
    );
  });

  it('shows the facts other pages reported about these entities, linked across outlets, with each source', async () => {
    const { store } = await seededStore();
    await show(envFor(store).env);
    const facts = sectionText('Related facts');
    // One fact, two outlets: the English and the Chinese report of the same closures.
    expect(facts).toContain('1,200 accounts closed');
    expect(facts).toContain('2 sources');
    expect(facts).toContain('Example Daily');
    expect(facts).toContain('示例新闻');
    expect(facts).toContain('2023-03-10 – 2023-05-22');
    const links = [...ui.root.querySelectorAll('section a')].map((a) => a.getAttribute('href'));
    expect(links).toContain(RUMOURS_EN.url);
    expect(links).toContain(RUMOURS_ZH.url);
  });

  it('puts the most related fact first and says why, newest first among equals', async () => {
    const { store } = await seededStore();
    await show(envFor(store, { byEntity: { cac: 1 } }).env);
    const figures = [...ui.root.querySelectorAll('.ql-fact__figure')].map((p) => p.textContent);
    const why = [...ui.root.querySelectorAll('.ql-fact')].map((a) => a.querySelector('.ql-fact__why')?.textContent);
    // All from the page's year; the Weibo closures share two names with the page (CAC and Weibo), the others one.
    expect(figures[0]).toContain('1,200 accounts closed');
    // The Douyin figures were saved after each other: newest first among equals.
    expect(figures.slice(1)).toEqual(['820 accounts banned', '35,000 posts removed']);
    expect(why).toEqual(Array(3).fill('Shown for: same year · same names'));
  });

  it('does not count the page’s own facts as related', async () => {
    const { store } = await seededStore();
    await show(envFor(store, { url: RUMOURS_EN.url, byEntity: { weibo: 1, douyin: 1 } }).env);
    const facts = sectionText('Related facts');
    expect(facts).toContain('示例新闻');
    expect(facts).not.toContain('Example Daily');
  });

  it('shows the page’s highlights with notes and tags, and those no longer found apart', async () => {
    const { store } = await seededStore();
    const gone = await save(store, { page: FOLLOW_UP, quote: GONE_EN, created: T0 + 4 * DAY });
    await store.updateHighlight(gone.id, { orphaned: true });
    await show(envFor(store).env);
    const saved = sectionText('Saved here');
    expect(saved).toContain('2 saved');
    expect(saved).toContain('Follow-up piece');
    const orphans = [...ui.root.querySelectorAll('section section')].find((s) => s.textContent?.includes('No longer found'));
    expect(orphans?.textContent).toContain(GONE_EN);
    expect(orphans?.textContent).not.toContain('Follow-up piece');
  });

  it('finds the page’s highlights under its normalised address, whatever fragment or tracking the tab shows', async () => {
    const { store } = await seededStore();
    await show(envFor(store, { url: `${FOLLOW_UP.url}?utm_source=newsletter#comments` }).env);
    expect(sectionText('Saved here')).toContain('Follow-up piece');
  });
});

describe('a page with many related facts', () => {
  it('shows the most related few and offers the rest in the library, about the page’s main entity', async () => {
    const { store } = await seededStore();
    const other = { url: 'https://wire.example.net/weibo-tally', title: 'Weibo tallies its year', site: 'Example Wire' };
    for (let k = 0; k < 10; k++) {
      await save(store, { page: other, quote: `Weibo closed ${(100 * 3 ** k).toLocaleString('en')} accounts in round ${k + 1}, the CAC said.`, created: T0 + (5 + k) * DAY });
    }
    const { env, opened } = envFor(store);
    await show(env);
    const figures = [...ui.root.querySelectorAll('.ql-fact__figure')].map((p) => p.textContent);
    expect(figures).toHaveLength(8);
    act(() => button('More related facts in the library').click());
    expect(opened).toEqual(['library:weibo']);
  });
});

describe('acting from the popup', () => {
  it('deletes a highlight through the background and puts it back on undo', async () => {
    const { store } = await seededStore();
    const { env, writes } = envFor(store);
    await show(env);
    act(() => button(/^Delete the highlight “Weibo said/).click());
    await until(() => ui.root.textContent!.includes('Highlight deleted.'), 'the delete');
    expect(sectionText('Saved here')).not.toContain('Follow-up piece');
    expect((await store.highlightsForUrl(FOLLOW_UP.url)).ok && (await store.highlightsForUrl(FOLLOW_UP.url))).toMatchObject({ value: [] });
    act(() => button('Undo').click());
    await until(() => ui.root.textContent!.includes('Highlight restored.') && sectionText('Saved here').includes('Follow-up piece'), 'the undo');
    expect(writes.calls.map((c) => c.split(' ')[0])).toEqual(['delete', 'restore']);
  });

  it('saves an edited note', async () => {
    const { store } = await seededStore();
    await show(envFor(store).env);
    act(() => button(/^Edit the highlight “Weibo said/).click());
    const note = ui.root.querySelector('textarea')!;
    act(() => {
      note.value = 'Compare with the CAC statement';
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => button('Save').click());
    await until(() => ui.root.textContent!.includes('Changes saved.'), 'the edit');
    const stored = await store.highlightsForUrl(FOLLOW_UP.url);
    expect(stored.ok && stored.value[0]!.note).toBe('Compare with the CAC statement');
    expect(sectionText('Saved here')).toContain('Compare with the CAC statement');
  });

  it('asks the page to scroll to the next mention of an entity and says which one it shows', async () => {
    const { store } = await seededStore();
    const reveal = vi.fn(async () => ({ found: true, index: 2, total: 3 }));
    await show(envFor(store, { reveal }).env);
    act(() => button(/^Weibo\s*3 mentions/).click());
    await until(() => ui.root.textContent!.includes('Weibo: showing mention 2 of 3.'), 'the reveal');
    expect(reveal).toHaveBeenCalledWith('weibo');
  });

  it('says so when the page cannot scroll to mentions', async () => {
    const { store } = await seededStore();
    await show(envFor(store, { reveal: () => Promise.reject(new Error('this page does not support it yet; reload it')) }).env);
    act(() => button(/^CAC\s*2 mentions/).click());
    await until(() => ui.root.querySelector('[role="alert"]') !== null, 'the error');
    expect(ui.root.querySelector('[role="alert"]')!.textContent).toContain('The page could not be scrolled to CAC');
  });

  it('opens the library and the settings', async () => {
    const { store } = await seededStore();
    const { env, opened } = envFor(store);
    await show(env);
    act(() => button('Library').click());
    act(() => button('Settings').click());
    expect(opened).toEqual(['library', 'options']);
  });
});

describe('where the popup cannot read the page', () => {
  it('says the page is closed to extensions and still offers the library', async () => {
    const { store } = await seededStore();
    const { env, opened } = envFor(store, { unreadable: true });
    await show(env);
    expect(ui.root.textContent).toContain('This page can’t be read by extensions');
    expect(ui.root.querySelector('h2')).toBeNull();
    act(() => button('Open the library').click());
    expect(opened).toEqual(['library']);
  });

  it('warns in a private window that nothing made there is stored', async () => {
    const { store } = await seededStore();
    await show(envFor(store, { private: true }).env);
    expect(ui.root.textContent).toContain('This is a private window: highlights made here are not stored.');
  });

  it('reports a store that cannot be opened instead of showing an empty page', async () => {
    const { store } = await seededStore();
    const { env } = envFor(store);
    env.openStore = async () => ({ ok: false, error: { kind: 'open', message: 'Could not open the highlights database (UnknownError).' } });
    await show(env);
    expect(ui.root.querySelector('[role="alert"]')?.textContent).toBe('Could not open the highlights database (UnknownError).');
  });
});

describe('safety of what the popup shows', () => {
  it('never stores a javascript: page address, so none can be linked', async () => {
    const { store } = await seededStore();
    const hostile = { url: 'javascript:alert(1)', title: 'Weibo news', site: 'Evil' };
    await expect(save(store, { page: hostile, quote: 'Weibo closed 500 accounts that spread rumours, the CAC said.', created: T0 + 5 * DAY })).rejects.toThrow(/web address/);
  });

  it('renders markup in a title, quote or note as text and links only web addresses', async () => {
    const { store } = await seededStore();
    const hostile = { url: 'https://evil.example/news', title: '<img src=x onerror=alert(1)>Weibo news', site: 'Evil' };
    await save(store, { page: hostile, quote: 'Weibo closed 500 accounts that spread rumours, the CAC said.', created: T0 + 5 * DAY });
    await save(store, { page: FOLLOW_UP, quote: 'Weibo <b>again</b>', note: '<img src=x onerror=alert(2)>', created: T0 + 5 * DAY });
    await show(envFor(store).env);
    expect(ui.root.querySelector('img')).toBeNull();
    expect(ui.root.querySelector('b')).toBeNull();
    expect(ui.root.textContent).toContain('<img src=x onerror=alert(1)>Weibo news');
    expect(ui.root.textContent).toContain('Weibo <b>again</b>');
    expect(ui.root.textContent).toContain('<img src=x onerror=alert(2)>');
    for (const a of ui.root.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https?:/);
  });
});

describe('reading the page and its tab', () => {
  it('takes the tab from ?tab= when opened as a page for a tab, else the active tab', async () => {
    expect(await targetTab('?tab=42', async () => 7)).toBe(42);
    expect(await targetTab('?tab=abc', async () => 7)).toBe(7);
    expect(await targetTab('', async () => undefined)).toBeUndefined();
  });

  it('asks the tab itself when the background cannot answer, and calls a silent tab unreadable', async () => {
    const page = { url: 'https://a.example/', total: 2, byEntity: { cac: 2 } };
    const broken = () => Promise.reject(new Error('Could not establish connection'));
    expect(await readPage(1, { fromBackground: broken, fromTab: async () => page })).toEqual({
      kind: 'page',
      url: page.url,
      mentions: { total: 2, byEntity: { cac: 2 } },
    });
    expect(await readPage(1, { fromBackground: async () => null, fromTab: async () => page })).toEqual({ kind: 'unreadable' });
    expect(await readPage(1, { fromBackground: broken, fromTab: broken })).toEqual({ kind: 'unreadable' });
  });

  it('names entities in Chinese and the user’s own terms by their label', () => {
    const name = entityNamer('zh', [{ id: 'user-npc', label: '全国人大', terms: ['全国人大'], color: '#12a594' }]);
    expect(name('weibo').label).toBe('微博');
    expect(name('user-npc')).toEqual({ label: '全国人大' });
    expect(name('user-removed')).toEqual({ label: 'user-removed' });
    expect(firstSentence('清朗行动：整治网络环境。地方另有安排。')).toBe('清朗行动：整治网络环境。');
  });

  it('reads only through indexes: the page’s highlights and a bounded number of related facts', async () => {
    const { store } = await seededStore();
    const all = vi.spyOn(store, 'allHighlights');
    const related = vi.spyOn(store, 'relatedFacts');
    const data = await loadPopupData(store, FOLLOW_UP.url, { total: 1, byEntity: { kuaishou: 1 } }, entityNamer('en'), 5);
    expect(all).not.toHaveBeenCalled();
    // Kuaishou from the page, and the entities of the page's own highlight.
    expect(related).toHaveBeenCalledWith(['kuaishou', 'weibo', 'cac', 'qinglang'], FOLLOW_UP.url, 5);
    expect(data.ok && data.value.related.length).toBeGreaterThan(0);
  });
});
