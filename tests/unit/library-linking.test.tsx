// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import * as facts from '../../lib/facts';
import { groupsWithin } from '../../entrypoints/library/library-view';
import type { Fact } from '../../lib/types';

const linkCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../lib/facts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/facts')>();
  return { ...real, linkFacts: (f: readonly Fact[]) => (linkCalls.count++, real.linkFacts(f)) };
});

const { LibraryApp } = await import('../../entrypoints/library/App');
const { defaultSettings } = await import('../../lib/settings');
const { directWrites, seededStore } = await import('./popup-fixtures');
const { pageRoot } = await import('./page-root');

function fact(id: string, url: string, over: Partial<Fact> = {}): Fact {
  return {
    id, highlightId: `h-${id}`, text: 'closed 67,000 accounts', value: 67000, unit: 'accounts', action: 'closed',
    figureText: '67,000', entities: ['cac'], source: { url, title: url, published: '2023-05-28' }, created: 0, ...over,
  };
}

describe('groupsWithin', () => {
  const a1 = fact('a1', 'https://a/');
  const a2 = fact('a2', 'https://a/', { value: 66600, figureText: '66,600' });
  const b = fact('b', 'https://b/', { qualifier: 'more than', figureText: 'more than 67,000' });
  const c = fact('c', 'https://c/', { value: 9000, figureText: '9,000' });
  const linked = facts.linkFacts([a1, a2, b, c]);

  it('narrows linked groups to the facts a filter leaves, without linking again', () => {
    const groups = groupsWithin(linked, [b, c]);
    expect(groups.map((g) => g.facts.map((f) => f.id))).toEqual([['b'], ['c']]);
    expect(groups[0]!.id).toBe('b');
  });

  it('lets an article be represented by its next statement when its first is left out', () => {
    const [group] = groupsWithin(linked, [a2, b]);
    expect(group!.facts.map((f) => f.id)).toEqual(['b', 'a2']);
    expect(group!.repeats).toEqual([]);
  });

  it('gives back the very same group when a filter leaves all of it', () => {
    expect(groupsWithin(linked, [a1, a2, b, c])[0]).toBe(linked[0]);
  });
});

describe('the library links once per change of the data', () => {
  const ui = pageRoot({ shownChars: 600 });
  it('does not link again when the search text or a filter changes', async () => {
    const { store } = await seededStore();
    const env = {
      openStore: async () => ({ ok: true as const, value: store }),
      loadSettings: async () => defaultSettings(),
      writes: directWrites(store),
      download: () => undefined,
      openOptions: () => undefined,
    };
    act(() => render(<LibraryApp env={env} />, ui.root));
    await ui.until(() => ui.root.querySelector('.library__body') !== null, 'the library to load');
    const before = linkCalls.count;
    const search = ui.root.querySelector('input[type="search"]') as HTMLInputElement;
    for (const text of ['CAC', '網信辦', 'accounts', '']) {
      act(() => {
        search.value = text;
        search.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }
    expect(linkCalls.count).toBe(before);
  });
});
