import { describe, expect, it, vi } from 'vitest';
import { createChangeNotifier as notifierOf } from '../../entrypoints/background/highlight-changes';
import { tabSender } from '../../lib/messages';

/** The notifier, with a tab sender over `send` as the background gives it one over tabs.sendMessage. */
const createChangeNotifier = (entries: { entries: () => Array<[number, string, number]> }, send: (tabId: number, message: unknown) => Promise<unknown>) =>
  notifierOf(entries, (tabId) => tabSender((message) => send(tabId, message)));

// Top frames (frame 0) unless a test names a frame.
const tabs = (entries: Array<[number, string, number?]>) => ({ entries: () => entries.map(([t, u, f]): [number, string, number] => [t, u, f ?? 0]) });

describe('telling open tabs their highlights changed', () => {
  it('tells only the tabs showing the changed page, matching addresses as the store keeps them', async () => {
    const send = vi.fn(async (_tabId: number, _message: unknown) => undefined);
    const notify = createChangeNotifier(
      tabs([
        [1, 'https://news.example.org/a?utm_source=feed#top'],
        [2, 'https://news.example.org/b'],
        [3, 'https://news.example.org/a'],
      ]),
      send,
    );
    await notify(['https://news.example.org/a']);
    expect(send.mock.calls).toEqual([
      [1, { type: 'highlights/changed', url: 'https://news.example.org/a' }],
      [3, { type: 'highlights/changed', url: 'https://news.example.org/a' }],
    ]);
  });

  it('leaves out the tab that made the change, and tells every tab after everything was deleted', async () => {
    const send = vi.fn(async (_tabId: number, _message: unknown) => undefined);
    const notify = createChangeNotifier(tabs([[1, 'https://a.example/x'], [2, 'https://b.example/y']]), send);
    await notify(['https://a.example/x'], 1);
    expect(send).not.toHaveBeenCalled();
    await notify('all');
    expect(send.mock.calls.map(([tabId]) => tabId)).toEqual([1, 2]);
  });

  it('carries on past a tab that no longer answers', async () => {
    const send = vi.fn(async (tabId: number, _message: unknown) => {
      if (tabId === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const notify = createChangeNotifier(tabs([[1, 'https://a.example/x'], [2, 'https://a.example/x']]), send);
    await expect(notify(['https://a.example/x'])).resolves.toBeUndefined();
    expect(send).toHaveBeenCalledTimes(2);
  });
});
