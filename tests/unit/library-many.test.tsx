// @vitest-environment happy-dom
/**
 * More highlights than the page sorts and counts in one task (over a thousand): they are
 * prepared in slices first and then shown at once, with the same counts, order and search
 * as a small library gets.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { LibraryApp, type LibraryEnv, type LibraryQueries } from '../../entrypoints/library/App';
import { defaultSettings } from '../../lib/settings';
import type { Highlight } from '../../lib/types';
import { makeHighlight } from './export-samples';
import { pageRoot } from './page-root';

const ui = pageRoot({ shownChars: 600 });

/** A store over an array, read as the library reads it: newest first, then batches by id. */
function arrayStore(all: Highlight[]): LibraryQueries {
  const byId = [...all].sort((a, b) => (a.id < b.id ? -1 : 1));
  const newest = [...all].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
  return {
    recentHighlights: async (limit) => ({ ok: true, value: newest.slice(0, limit) }),
    highlightBatch: async (count, after) => {
      const from = after === undefined ? 0 : byId.findIndex((h) => h.id > after);
      return { ok: true, value: from < 0 ? [] : byId.slice(from, from + count) };
    },
    allPages: async () => ({ ok: true, value: [] }),
    getPage: async () => ({ ok: true, value: undefined }),
  } as LibraryQueries;
}

describe('a library of 1,500 highlights', () => {
  it('is prepared in slices and shown whole: every highlight counted, newest first, searchable', async () => {
    // Every third about Weibo, every fifth about the CAC; created in a shuffled order.
    const all = Array.from({ length: 1500 }, (_, i) =>
      makeHighlight({
        quote: i === 777 ? 'Weibo removed 67,000 posts.' : `Passage number ${i}.`,
        id: `h-${String((i * 7919) % 1500).padStart(4, '0')}`,
        created: 1_000_000 + ((i * 7919) % 1500) * 1000,
        entities: [...(i % 3 === 0 ? ['weibo'] : []), ...(i % 5 === 0 ? ['cac'] : [])],
      }),
    );
    const env: LibraryEnv = {
      openStore: async () => ({ ok: true, value: arrayStore(all) }),
      loadSettings: async () => defaultSettings(),
      writes: {} as LibraryEnv['writes'],
      download: () => undefined,
      openOptions: () => undefined,
      staging: { pause: async () => undefined },
    };
    act(() => render(<LibraryApp env={env} />, ui.root));
    await ui.until(() => ui.root.querySelector('main')?.getAttribute('aria-busy') === 'false', 'everything read');
    expect(ui.root.textContent).toContain('Highlights (1500)');
    // Newest first: the highest creation time leads.
    const first = ui.root.querySelector('.ql-highlight__quote')!.textContent;
    const newest = all.reduce((a, b) => (b.created > a.created ? b : a));
    expect(first).toBe(newest.quote);
    // The entity list counts all of them: 500 about Weibo, 300 about the CAC.
    const nav = ui.root.querySelector('.library__side')!.textContent!;
    expect(nav).toMatch(/Weibo\D*500/);
    expect(nav).toMatch(/CAC\D*300/);
    // The search index covers all of them: a figure written one way finds the one passage.
    const box = ui.root.querySelector<HTMLInputElement>('input[type="search"]')!;
    act(() => {
      box.value = '67000';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await ui.until(() => ui.root.textContent!.includes('Highlights (1)'), 'the search');
    expect(ui.root.querySelector('.ql-highlight__quote')!.textContent).toBe('Weibo removed 67,000 posts.');
  });
});
