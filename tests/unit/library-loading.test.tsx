// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { LibraryApp, type LibraryEnv } from '../../entrypoints/library/App';
import { FIRST_SCREEN, firstScreenSize, keepUnchanged, loadInStages } from '../../entrypoints/library/load';
import { defaultSettings } from '../../lib/settings';
import type { LensStore } from '../../lib/store';
import type { Highlight } from '../../lib/types';
import { makeHighlight } from './export-samples';
import { CLOSED_EN, CLOSED_ZH, DOUYIN_EN, FOLLOW_UP_EN, RUMOURS_EN, directWrites, seededStore } from './popup-fixtures';
import { pageRoot } from './page-root';

const ui = pageRoot({ shownChars: 600 });
const quotes = () => [...ui.root.querySelectorAll('.ql-highlight__quote')].map((q) => q.textContent);

/** The store, counting the reads the library makes. */
function counted(store: LensStore) {
  const calls: string[] = [];
  const spy = new Proxy(store, {
    get(target, key: string) {
      const value = target[key as keyof LensStore];
      return typeof value === 'function' ? (...args: unknown[]) => (calls.push(key), (value as (...a: unknown[]) => unknown)(...args)) : value;
    },
  });
  return { spy, calls };
}

/** A pause that holds the load after the first screen until `open()`. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { pause: () => opened, open };
}

describe('the library shows the newest highlights first, then the rest', () => {
  it('shows a first screen from the creation index without reading any page record, then everything', async () => {
    const { store } = await seededStore();
    const { spy, calls } = counted(store);
    const { pause, open } = gate();
    const downloads: string[] = [];
    const env: LibraryEnv = {
      openStore: async () => ({ ok: true, value: spy }),
      loadSettings: async () => defaultSettings(),
      writes: directWrites(store),
      download: (file) => downloads.push(file.extension),
      openOptions: () => undefined,
      staging: { firstScreen: 2, batch: 3, pause },
    };
    act(() => render(<LibraryApp env={env} />, ui.root));
    await ui.until(() => quotes().length > 0, 'the first screen');
    expect(quotes()).toEqual([FOLLOW_UP_EN, DOUYIN_EN]);
    expect(ui.root.textContent).toContain('loading the rest of your highlights');
    expect(ui.root.querySelector('main')?.getAttribute('aria-busy')).toBe('true');
    expect(calls).toEqual(['recentHighlights']);

    open();
    await ui.until(() => quotes().length === 4, 'the rest');
    expect(quotes()).toEqual([FOLLOW_UP_EN, DOUYIN_EN, CLOSED_ZH, CLOSED_EN]);
    expect(ui.root.textContent).not.toContain('loading the rest');
    expect(ui.root.querySelector('main')?.getAttribute('aria-busy')).toBe('false');
    // Two batches of three; no page record (with its article text) was read to show the library.
    expect(calls).toEqual(['recentHighlights', 'highlightBatch', 'highlightBatch']);

    // An export is what reads them.
    act(() => ui.button('JSON (Web Annotation)').click());
    await ui.until(() => downloads.length === 1, 'the export');
    expect(calls.filter((c) => c === 'allPages')).toHaveLength(1);
  });

  it('says what went wrong when the store cannot be read, and shows nothing stale', async () => {
    const { store } = await seededStore();
    const broken = new Proxy(store, {
      get: (target, key: string) =>
        key === 'recentHighlights'
          ? async () => ({ ok: false, error: { kind: 'read', message: 'Could not load the latest highlights: the disk is unreadable.' } })
          : target[key as keyof LensStore],
    });
    const env: LibraryEnv = {
      openStore: async () => ({ ok: true, value: broken }),
      loadSettings: async () => defaultSettings(),
      writes: directWrites(store),
      download: () => undefined,
      openOptions: () => undefined,
    };
    act(() => render(<LibraryApp env={env} />, ui.root));
    await ui.until(() => ui.root.textContent!.includes('the disk is unreadable'), 'the failure');
    expect(quotes()).toEqual([]);
  });
});

describe('loadInStages', () => {
  it('reads everything in batches after the first screen, and stops at the first failure', async () => {
    const { store } = await seededStore();
    const shown: [number, boolean][] = [];
    const pauses: string[] = [];
    const done = await loadInStages(store, (hs, complete) => shown.push([hs.length, complete]), {
      firstScreen: 1,
      batch: 2,
      pause: async () => void pauses.push('pause'),
    });
    expect(done.ok).toBe(true);
    // First screen, then all four (2 + 2 + an empty batch that says there are no more).
    expect(shown).toEqual([
      [1, false],
      [4, true],
    ]);
    expect(pauses).toHaveLength(3);

    const failing = { ...store, highlightBatch: async () => ({ ok: false as const, error: { kind: 'read' as const, message: 'no' } }) };
    const seen: number[] = [];
    expect((await loadInStages(failing, (hs) => seen.push(hs.length), { firstScreen: 1, pause: async () => undefined })).ok).toBe(false);
    expect(seen).toEqual([1]);
  });

  it('is complete at once when the first screen holds everything', async () => {
    const { store } = await seededStore();
    const shown: [number, boolean][] = [];
    await loadInStages(store, (hs, complete) => shown.push([hs.length, complete]), { firstScreen: 10 });
    expect(shown).toEqual([[4, true]]);
  });
});

describe('the first screen asked before the views loaded', () => {
  it('is read by the size it was asked with: a full screen is followed by everything, a short one is all there is', async () => {
    const { store } = await seededStore();
    const recentAsked: number[] = [];
    const counting = { ...store, recentHighlights: (n: number) => (recentAsked.push(n), store.recentHighlights(n)) };
    const shown: [number, boolean][] = [];
    const pause = async () => undefined;
    // Asked for 2 of the 4 (the options' own size, 10, would call 2 "all there is").
    await loadInStages(counting, (hs, complete) => shown.push([hs.length, complete]), { firstScreen: 10, pause, asked: { size: 2, read: store.recentHighlights(2) } });
    expect(shown).toEqual([
      [2, false],
      [4, true],
    ]);
    // What was asked is not asked again.
    expect(recentAsked).toEqual([]);
    shown.length = 0;
    await loadInStages(counting, (hs, complete) => shown.push([hs.length, complete]), { firstScreen: 1, pause, asked: { size: 8, read: store.recentHighlights(8) } });
    expect(shown).toEqual([[4, true]]);
  });

  it('is twice a window of items, at least 8, and 40 when the window has no height', () => {
    expect(firstScreenSize(800)).toBe(10);
    expect(firstScreenSize(1_300)).toBe(18);
    expect(firstScreenSize(200)).toBe(8);
    expect(firstScreenSize(0)).toBe(FIRST_SCREEN);
    expect(FIRST_SCREEN).toBe(40);
  });
});

describe('keepUnchanged', () => {
  it('keeps the earlier object of a highlight that did not change, so its search entry is kept', () => {
    const a = makeHighlight({ quote: 'a', updated: 10 });
    const b = makeHighlight({ quote: 'b', updated: 10 });
    const c = makeHighlight({ quote: 'c', updated: 10 });
    const reread = (h: Highlight, over: Partial<Highlight> = {}) => ({ ...structuredClone(h), ...over });
    const next = keepUnchanged([a, b, c], [reread(a), reread(b, { note: 'edited', updated: 11 }), reread(c, { orphaned: true }), makeHighlight({ quote: 'd' })]);
    expect(next[0]).toBe(a);
    expect(next[1]).not.toBe(b);
    expect(next[1]?.note).toBe('edited');
    expect(next[2]?.orphaned).toBe(true);
    expect(next.map((h) => h.quote)).toEqual(['a', 'b', 'c', 'd']);
    expect(keepUnchanged([], [a])).toEqual([a]);
  });
});

describe('the kept text of a page', () => {
  const KEPT = 'Weibo closes accounts in rumour crackdown\n\n<b>Beijing</b> — The regulator said <script>alert(1)</script> on Tuesday…';

  it('is read only when asked, shown as text (never as markup) with when it was kept, and hidden again', async () => {
    const { store } = await seededStore();
    const { spy, calls } = counted(store);
    expect((await store.putPage({ ...RUMOURS_EN, text: KEPT, captured: Date.UTC(2023, 4, 26, 10) })).ok).toBe(true);
    const env: LibraryEnv = {
      openStore: async () => ({ ok: true, value: spy }),
      loadSettings: async () => defaultSettings(),
      writes: directWrites(store),
      download: () => undefined,
      openOptions: () => undefined,
    };
    act(() => render(<LibraryApp env={env} />, ui.root));
    await ui.until(() => quotes().length === 4, 'the library');
    expect(calls).not.toContain('getPage');
    const row = [...ui.root.querySelectorAll('.ql-virtual__row')].find((r) => r.textContent?.includes(CLOSED_EN))!;
    const toggle = [...row.querySelectorAll('button')].find((b) => b.textContent === 'Show kept text')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    act(() => toggle.click());
    await ui.until(() => row.querySelector('.library-kept__text') !== null, 'the kept text');
    const shown = row.querySelector('.library-kept__text')!;
    expect(shown.textContent).toBe(KEPT);
    // The page's markup stays characters: no element came from it.
    expect(shown.children).toHaveLength(0);
    expect(row.querySelector('script, b')).toBeNull();
    expect(row.textContent).toContain('Kept on 2023-05-26');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(calls.filter((c) => c === 'getPage')).toHaveLength(1);
    act(() => toggle.click());
    expect(row.querySelector('.library-kept__text')).toBeNull();
    expect(toggle.textContent).toBe('Show kept text');
  });

  it('says so when no text was kept of the page', async () => {
    const { store } = await seededStore();
    const env: LibraryEnv = {
      openStore: async () => ({ ok: true, value: store }),
      loadSettings: async () => defaultSettings(),
      writes: directWrites(store),
      download: () => undefined,
      openOptions: () => undefined,
    };
    act(() => render(<LibraryApp env={env} />, ui.root));
    await ui.until(() => quotes().length === 4, 'the library');
    const row = [...ui.root.querySelectorAll('.ql-virtual__row')].find((r) => r.textContent?.includes(FOLLOW_UP_EN))!;
    act(() => [...row.querySelectorAll('button')].find((b) => b.textContent === 'Show kept text')!.click());
    await ui.until(() => row.textContent!.includes('No text was kept of this page.'), 'the answer');
  });
});
