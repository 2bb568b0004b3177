import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, contentSender, isConnectionLost, pageSender, tabSender, type ContentToBackground, type Message, type Transport } from '../../lib/messages';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Runs the clock until `promise` settles (every retry and deadline is a timer). */
async function settled<T>(promise: Promise<T>): Promise<T> {
  await vi.runAllTimersAsync();
  return promise;
}

/**
 * A background that MV3 stops: for the first `stops` messages the worker dies, either
 * before it reads the message or after it saved but before it could answer.
 */
function flakyWorker(stops: number, when: 'before' | 'after') {
  const records = new Map<string, string>();
  let calls = 0;
  const transport: Transport = async (message) => {
    calls++;
    const stopping = calls <= stops;
    if (stopping && when === 'before') throw new Error('Could not establish connection. Receiving end does not exist.');
    const { draft } = message as { draft: { id: string; quote: string } };
    records.set(draft.id, draft.quote);
    if (stopping) throw new Error('The message port closed before a response was received.');
    return { ok: true, value: { highlight: { id: draft.id } } };
  };
  return {
    records,
    transport,
    get calls() {
      return calls;
    },
  };
}

const save = (id: string, quote = 'a passage'): Message<ContentToBackground, 'highlights/save'> => ({
    type: 'highlights/save',
    draft: {
      id,
      page: { url: 'https://news.example/a', title: 'A' },
      selectors: [{ type: 'TextQuoteSelector', exact: quote }],
      quote,
      note: '',
      tags: [],
      color: 'yellow',
      created: 1,
    },
  });

describe('sending to a service worker that MV3 stops', () => {
  it('keeps one record when the worker stops twice after saving and then answers', async () => {
    const worker = flakyWorker(2, 'after');
    const answer = await settled(contentSender(worker.transport).send(save('h-1')));
    expect(answer).toMatchObject({ ok: true, value: { highlight: { id: 'h-1' } } });
    expect(worker.calls).toBe(3);
    expect([...worker.records]).toEqual([['h-1', 'a passage']]);
  });

  it('delivers the message when the worker was not running for the first two tries', async () => {
    const worker = flakyWorker(2, 'before');
    const answer = await settled(contentSender(worker.transport).send(save('h-2')));
    expect(answer.ok).toBe(true);
    expect(worker.records.size).toBe(1);
  });

  it('gives up when the deadline comes, with a sentence that says what failed and what to do', async () => {
    const worker = flakyWorker(1_000, 'before');
    const answer = await settled(contentSender(worker.transport).send(save('h-3')));
    expect(answer).toEqual({ ok: false, error: { kind: 'unreachable', message: expect.stringMatching(/^Could not save the highlight: .*Reload the page/) } });
    // Retries back off (100, 200, 400 … 2,000 ms) within the save’s 30 seconds.
    expect(worker.calls).toBeGreaterThan(3);
    expect(worker.calls).toBeLessThan(25);
  });

  it('does not retry an error that a retry cannot fix', async () => {
    let calls = 0;
    const answer = await settled(
      contentSender(async () => {
        calls++;
        throw new Error('Extension context invalidated.');
      }).send(save('h-4')),
    );
    expect(calls).toBe(1);
    expect(answer).toEqual({ ok: false, error: { kind: 'unreachable', message: expect.stringMatching(/was updated or reloaded since this page opened/) } });
  });
});

describe('a background that does not answer', () => {
  it('times out after the message’s own deadline, with the user’s sentence', async () => {
    const sender = contentSender(() => new Promise(() => {}));
    const pending = sender.send(save('h-5'));
    let answer: unknown;
    void pending.then((a) => (answer = a));
    await vi.advanceTimersByTimeAsync(29_900);
    expect(answer).toBeUndefined();
    await vi.advanceTimersByTimeAsync(200);
    expect(answer).toEqual({
      ok: false,
      error: { kind: 'timeout', message: expect.stringMatching(/^Could not save the highlight: Qinglang Lens did not answer within 30 seconds\. Try again/) },
    });
  });

  it('waits longer for an import than for a read', async () => {
    const never = () => new Promise<never>(() => {});
    const page = pageSender(never);
    const outcomes: string[] = [];
    void page.send({ type: 'highlights/for-url', url: 'https://a.example/' }).then(() => outcomes.push('read'));
    void page.send({ type: 'library/import', highlights: [], pages: [] }).then(() => outcomes.push('import'));
    await vi.advanceTimersByTimeAsync(16_000);
    expect(outcomes).toEqual(['read']);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(outcomes).toEqual(['read', 'import']);
  });

  it('takes an answer that is not a Result (no handler, an old build) for no answer', async () => {
    const answer = await settled(contentSender(async () => undefined).send({ type: 'highlights/for-url', url: 'https://a.example/' }));
    expect(answer).toEqual({ ok: false, error: { kind: 'unreachable', message: expect.stringMatching(/^Could not load this page's highlights: Qinglang Lens could not reach its background/) } });
  });

  it('passes the background’s own failure on as it came', async () => {
    const refusal = { ok: false, error: { kind: 'refused', message: 'Not saved: this is a private window …' } };
    const answer = await settled(contentSender(async () => refusal).send(save('h-6')));
    expect(answer).toEqual(refusal);
  });
});

describe('sending to a tab', () => {
  it('does not wait for a content script that is not there', async () => {
    let calls = 0;
    const answer = await settled(
      tabSender(async () => {
        calls++;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }).send({ type: 'mentions/report' }),
    );
    expect(calls).toBe(1);
    expect(answer).toMatchObject({ ok: false, error: { kind: 'unreachable', message: expect.stringMatching(/is not running on this page/) } });
  });
});

describe('isConnectionLost', () => {
  it('recognises the errors of a stopped service worker', () => {
    expect(isConnectionLost(new Error('Could not establish connection. Receiving end does not exist.'))).toBe(true);
    expect(isConnectionLost(new Error('The message port closed before a response was received.'))).toBe(true);
    expect(
      isConnectionLost(
        'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
      ),
    ).toBe(true);
  });

  it('does not take an invalidated extension or a write error for a stopped worker', () => {
    expect(isConnectionLost(new Error('Extension context invalidated.'))).toBe(false);
    expect(isConnectionLost(new Error('QuotaExceededError'))).toBe(false);
    expect(isConnectionLost(undefined)).toBe(false);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base delay, up to a ceiling', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, { baseDelayMs: 50, maxDelayMs: 300 }))).toEqual([50, 100, 200, 300, 300]);
  });
});
