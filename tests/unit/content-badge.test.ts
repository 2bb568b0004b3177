import { describe, expect, it } from 'vitest';
import { badgeText } from '../../entrypoints/background/badge-text';
import { createBadgeReporter } from '../../entrypoints/lens.content/mentions/badge-reporter';
import { createMessenger, type MentionCount, type Message } from '../../lib/messages';

describe('badgeText', () => {
  it('is empty when a page has no mentions', () => {
    expect(badgeText(0)).toBe('');
  });

  it('shows the count up to 999', () => {
    expect(badgeText(1)).toBe('1');
    expect(badgeText(42)).toBe('42');
    expect(badgeText(999)).toBe('999');
  });

  it('shows 999+ above 999', () => {
    expect(badgeText(1000)).toBe('999+');
    expect(badgeText(123_456)).toBe('999+');
  });
});

/** A reporter wired to a clock and timers the test moves by hand. */
function rig(options: { failFirst?: number } = {}) {
  let now = 0;
  const timers: Array<{ at: number; fn: () => void }> = [];
  const sent: Array<Message<'mentions/changed'>> = [];
  const errors: unknown[] = [];
  let failures = options.failFirst ?? 0;
  let count: MentionCount = { total: 0, byEntity: {} };
  let url = 'https://news.example/a';
  const reporter = createBadgeReporter({
    messenger: createMessenger(async (message) => {
      if (failures > 0) {
        failures--;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
      sent.push(message as Message<'mentions/changed'>);
    }),
    count: () => count,
    url: () => url,
    setTimer: (fn, ms) => void timers.push({ at: now + ms, fn }),
    now: () => now,
    onError: (error) => errors.push(error),
  });
  return {
    reporter,
    sent,
    errors,
    set(total: number, byEntity: MentionCount['byEntity'] = {}) {
      count = { total, byEntity };
    },
    go(to: string) {
      url = to;
    },
    async advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers.splice(0, timers.length, ...timers.filter((t) => t.at > now));
      for (const t of due) t.fn();
      await Promise.resolve();
    },
  };
}

describe('the badge reporter', () => {
  it('tells the background the first count at once', async () => {
    const r = rig();
    r.set(3, { weibo: 2, cac: 1 });
    r.reporter.changed();
    await r.advance(0);
    expect(r.sent).toEqual([{ type: 'mentions/changed', url: 'https://news.example/a', total: 3, byEntity: { weibo: 2, cac: 1 } }]);
  });

  it('does not send the same count twice', async () => {
    const r = rig();
    r.set(3);
    r.reporter.changed();
    await r.advance(1000);
    r.reporter.changed();
    await r.advance(1000);
    expect(r.sent).toHaveLength(1);
  });

  it('sends the last count of a burst of changes, and not every step of it', async () => {
    const r = rig();
    r.set(1);
    r.reporter.changed();
    for (let n = 2; n <= 10; n++) {
      await r.advance(10);
      r.set(n);
      r.reporter.changed();
    }
    await r.advance(1000);
    expect(r.sent.map((m) => m.total)).toEqual([1, 10]);
  });

  it('sends again on request even when nothing changed (a page back from the cache)', async () => {
    const r = rig();
    r.set(5);
    r.reporter.changed();
    r.reporter.resend();
    await r.advance(0);
    expect(r.sent.map((m) => m.total)).toEqual([5, 5]);
  });

  it('sends the new address after in-page navigation', async () => {
    const r = rig();
    r.set(2);
    r.reporter.changed();
    await r.advance(1000);
    r.go('https://news.example/b');
    r.reporter.changed();
    await r.advance(0);
    expect(r.sent.map((m) => m.url)).toEqual(['https://news.example/a', 'https://news.example/b']);
  });

  it('reports a failed send and sends the same count again at the next chance', async () => {
    const r = rig({ failFirst: 1 });
    r.set(4);
    r.reporter.changed();
    await r.advance(0);
    await Promise.resolve();
    expect(r.errors).toHaveLength(1);
    expect(r.sent).toHaveLength(0);
    r.reporter.changed();
    await r.advance(1000);
    await Promise.resolve();
    expect(r.sent.map((m) => m.total)).toEqual([4]);
  });
});
