// @vitest-environment happy-dom
/**
 * Sharing in the popup (and the side panel, which is the same component): "Share with
 * <group>" on each highlight once a group is connected, the state it is in (waiting,
 * failed with the sentence and Retry, shared), and "From your team" with a teammate's
 * figure linked with the user's own, marked as the team's.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { PopupApp, type PopupEnv, type PopupSharing } from '../../entrypoints/popup/App';
import { LibraryApp } from '../../entrypoints/library/App';
import { HighlightCard } from '../../components/page/HighlightCard';
import { defaultSettings } from '../../lib/settings';
import type { LensStore } from '../../lib/store';
import type { ShareState, TeamHighlight, TeamView } from '../../lib/sharing';
import { FOLLOW_UP, directWrites, seededStore } from './popup-fixtures';
import { pageRoot } from './page-root';

const ui = pageRoot({ name: 'popup-sharing' });
const { until } = ui;

function envFor(store: LensStore, sharing: PopupSharing): PopupEnv {
  return {
    readPage: async () => ({ kind: 'page', url: FOLLOW_UP.url, mentions: { total: 3, byEntity: { weibo: 3 } } }),
    openStore: async () => ({ ok: true, value: store }),
    loadSettings: async () => defaultSettings(),
    isPrivate: async () => false,
    writes: directWrites(store),
    reveal: async () => ({ found: true, index: 1, total: 1 }),
    openLibrary: () => undefined,
    openOptions: () => undefined,
    sharing,
  };
}

async function show(env: PopupEnv) {
  act(() => render(<PopupApp env={env} />, ui.root));
  await until(() => !ui.root.textContent?.includes('Loading'), 'the popup to load');
}

function fakeSharing(group: string | null, team: TeamHighlight[] = []) {
  const calls: string[] = [];
  const states: Record<string, ShareState> = {};
  let next: ShareState | null = { state: 'waiting', attempts: 0, nextTry: 0 };
  const sharing: PopupSharing = {
    status: async (ids) => ({ group, states: Object.fromEntries((ids ?? Object.keys(states)).filter((id) => states[id]).map((id) => [id, states[id]!])) }),
    share: async (id) => {
      calls.push(`share:${id}`);
      if (next) states[id] = next;
      return next;
    },
    retry: async (id) => {
      calls.push(`retry:${id}`);
      states[id] = { state: 'shared', remoteId: 'r1', at: 1 };
      return states[id]!;
    },
    team: async (url, _uri, refresh): Promise<TeamView> => {
      calls.push(`team:${url}:${refresh}`);
      return { group, highlights: group ? team : [], fetchedAt: group ? Date.UTC(2024, 0, 1) : undefined };
    },
  };
  return { sharing, calls, states, answerNext: (s: ShareState | null) => (next = s) };
}

const shareButtons = () => [...ui.root.querySelectorAll<HTMLButtonElement>('button')].filter((b) => b.textContent?.startsWith('Share with'));

describe('sharing in the popup', () => {
  it('offers nothing while no group is connected', async () => {
    const { store } = await seededStore('popup-sharing-1');
    const fake = fakeSharing(null);
    await show(envFor(store, fake.sharing));
    await until(() => fake.calls.some((c) => c.startsWith('team:')), 'the team to be asked');
    expect(shareButtons()).toHaveLength(0);
    expect(ui.root.textContent).not.toContain('From your team');
  });

  it('shares a highlight, shows it waiting, then failed with the sentence, and Retry shares it', async () => {
    const { store } = await seededStore('popup-sharing-2');
    const fake = fakeSharing('China desk');
    await show(envFor(store, fake.sharing));
    await until(() => shareButtons().length > 0, 'Share buttons');
    const first = shareButtons()[0]!;
    expect(first.textContent).toBe('Share with China desk');
    const article = first.closest('article')!;
    act(() => first.click());
    await until(() => article.textContent!.includes('Waiting to be shared with China desk'), 'the waiting state');
    expect(fake.calls.filter((c) => c.startsWith('share:'))).toHaveLength(1);

    // Opened again after the server refused it: failed, with the sentence.
    const id = fake.calls.find((c) => c.startsWith('share:'))!.slice('share:'.length);
    fake.states[id] = { state: 'failed', reason: 'The sharing server did not accept your API token.' };
    act(() => render(null, ui.root));
    await show(envFor(store, fake.sharing));
    await until(() => ui.root.querySelector('[data-share="failed"]') !== null, 'the failed state');
    const secondArticle = ui.root.querySelector('[data-share="failed"]')!.closest('article')!;
    await until(() => secondArticle.textContent!.includes('Not shared with China desk'), 'the failed state');
    expect(secondArticle.textContent).toContain('did not accept your API token');
    const retry = [...secondArticle.querySelectorAll('button')].find((b) => b.textContent === 'Retry')!;
    act(() => retry.click());
    await until(() => secondArticle.textContent!.includes('Shared with China desk.'), 'the shared state');
  });

  it("lists the team's highlights with their author, and links a teammate's figure with the user's own", async () => {
    const { store } = await seededStore('popup-sharing-3');
    const all = await store.allFacts();
    if (!all.ok) throw new Error(all.error.message);
    const mine = all.value.find((f) => f.value === 1200)!;
    const desk = { url: 'https://desk.example.net/weibo-rumours', title: 'Desk notes on Weibo' };
    const bobs: TeamHighlight = {
      remoteId: 'ann-1',
      user: 'acct:bob@hypothes.is',
      author: 'Bob Li',
      url: desk.url,
      title: desk.title,
      selectors: [{ type: 'TextQuoteSelector', exact: mine.text }],
      quote: mine.text,
      note: 'Matches the CAC notice.',
      tags: ['rumours'],
      facts: [{ ...mine, id: 'team:ann-1:0', source: desk, origin: 'team', remoteId: 'ann-1', author: 'Bob Li', unlinked: undefined, corrected: undefined } as never],
      created: '2024-01-01T00:00:00Z',
      updated: '2024-01-01T00:00:00Z',
    };
    const fake = fakeSharing('China desk', [bobs]);
    await show(envFor(store, fake.sharing));
    await until(() => ui.root.textContent!.includes('From your team'), 'the team section');
    const section = [...ui.root.querySelectorAll('h2')].find((h) => h.textContent?.startsWith('From your team'))!.closest('section')!;
    expect(section.querySelector('[data-team-author]')?.textContent).toContain('by Bob Li');
    expect(section.textContent).toContain('Matches the CAC notice.');
    // The teammate's figure and the user's own, one linked fact with both sources.
    const fact = section.querySelector('.ql-fact')!;
    expect(fact.textContent).toContain('team: Bob Li');
    expect(fact.textContent).toContain('Desk notes on Weibo');
    expect(fact.textContent).toContain(mine.source.title);
    // Kept apart from the user's own highlights.
    const own = [...ui.root.querySelectorAll('h2')].find((h) => h.textContent?.startsWith('Saved here'))?.closest('section');
    expect(own?.textContent ?? '').not.toContain('Bob Li');
    // Refresh asks again, past the cache.
    const refresh = [...section.querySelectorAll('button')].find((b) => b.textContent === 'Refresh')!;
    act(() => refresh.click());
    await until(() => fake.calls.includes(`team:${FOLLOW_UP.url}:true`), 'a refresh');
  });
});

describe('sharing in the library', () => {
  it('asks once where every shared highlight stands, and offers Share on the others', async () => {
    const { store, highlights } = await seededStore('library-sharing-1');
    const fake = fakeSharing('China desk');
    fake.states[highlights[0]!.id] = { state: 'shared', remoteId: 'r0', at: 1 };
    const asked: Array<string[] | undefined> = [];
    const groupAsks: boolean[] = [];
    const status = fake.sharing.status;
    fake.sharing.status = (ids) => (asked.push(ids), status(ids));
    act(() =>
      render(
        <LibraryApp
          env={{
            openStore: async () => ({ ok: true, value: store }),
            loadSettings: async () => defaultSettings(),
            writes: directWrites(store),
            download: () => undefined,
            openOptions: () => undefined,
            sharing: {
              ...fake.sharing,
              group: async (refresh) => {
                groupAsks.push(refresh);
                return {
                  group: 'China desk',
                  fetchedAt: Date.UTC(2024, 0, 1),
                  highlights: [
                    { remoteId: 'g1', user: 'acct:bob@x', author: 'Bob Li', url: 'https://desk.example.net/a', title: 'Desk page', selectors: [], quote: 'Kuaishou removed 3,000 videos.', note: '', tags: [], facts: [], created: '', updated: '' },
                  ],
                };
              },
            },
          }}
        />,
        ui.root,
      ),
    );
    await until(() => shareButtons().length > 0, 'Share buttons in the library');
    expect(asked).toEqual([undefined]); // all at once, not one message per highlight
    expect(ui.root.querySelectorAll('[data-share="shared"]')).toHaveLength(1);
    expect(shareButtons()).toHaveLength(highlights.length - 1);
    const button = shareButtons()[0]!;
    const article = button.closest('article')!;
    act(() => button.click());
    await until(() => article.querySelector('[data-share="waiting"]') !== null, 'the waiting state');

    // The group's copies: a tab of their own, read-only, each with its page, asked for when opened.
    expect(groupAsks).toEqual([]);
    const tab = [...ui.root.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((t) => t.textContent === 'From China desk')!;
    act(() => tab.click());
    await until(() => ui.root.textContent!.includes('Kuaishou removed 3,000 videos.'), "the group's copies");
    const copy = ui.root.querySelector('.ql-highlight--team')!;
    expect(copy.textContent).toContain('by Bob Li');
    expect(copy.querySelector('a')?.getAttribute('href')).toBe('https://desk.example.net/a');
    expect(copy.querySelector('button')).toBeNull(); // no edit, delete or share on a teammate's copy
    const refresh = [...ui.root.querySelectorAll('button')].find((b) => b.textContent === 'Refresh')!;
    act(() => refresh.click());
    await until(() => groupAsks.length === 2, 'a refresh');
    expect(groupAsks).toEqual([false, true]);
  });
});

describe('sharing in the page card', () => {
  const highlight = { id: 'h1', quote: 'Weibo closed more than 1,200 accounts.', note: '', tags: [], color: 'yellow' as const };
  const card = (share: Parameters<typeof HighlightCard>[0]['share'], onShare: () => void = () => undefined) =>
    act(() =>
      render(
        <HighlightCard highlight={highlight} at={{ x: 10, y: 10 }} onChange={() => undefined} onDelete={() => undefined} onClose={() => undefined} share={share} onShare={onShare} />,
        ui.root,
      ),
    );

  it('offers Share with the group, shows each state, and Retry after a failure', () => {
    const asked: string[] = [];
    card(undefined);
    expect(ui.root.textContent).not.toContain('Share');
    card({ group: 'China desk' }, () => asked.push('share'));
    const share = [...ui.root.querySelectorAll('button')].find((b) => b.textContent === 'Share with China desk')!;
    act(() => share.click());
    expect(asked).toEqual(['share']);
    card({ group: 'China desk', state: { state: 'waiting', attempts: 1, nextTry: 0, reason: 'The sharing server had a problem.' } });
    expect(ui.root.querySelector('[data-share="waiting"]')?.textContent).toContain('The sharing server had a problem.');
    card({ group: 'China desk', state: { state: 'failed', reason: 'The group was not found.' } }, () => asked.push('retry'));
    const retry = [...ui.root.querySelectorAll('[data-share="failed"] button')].find((b) => b.textContent === 'Retry')!;
    act(() => (retry as HTMLButtonElement).click());
    expect(asked).toEqual(['share', 'retry']);
    card({ group: 'China desk', state: { state: 'shared', remoteId: 'r', at: 1 } });
    expect(ui.root.querySelector('[data-share="shared"]')?.textContent).toBe('Shared with China desk.');
  });
});
