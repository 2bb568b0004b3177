import { describe, expect, it } from 'vitest';
import { backoffDelay, isConnectionLost, withRetry } from '../../lib/retry';

const noWait = { sleep: async () => {} };

/**
 * A background that MV3 stops: for the first `stops` messages the worker dies, either
 * before it reads the message or after it saved but before it could answer.
 */
function flakyWorker(stops: number, when: 'before' | 'after') {
  const records = new Map<string, string>();
  let calls = 0;
  return {
    records,
    get calls() {
      return calls;
    },
    async save(id: string, text: string): Promise<'saved'> {
      calls++;
      const stopping = calls <= stops;
      if (stopping && when === 'before') throw new Error('Could not establish connection. Receiving end does not exist.');
      records.set(id, text);
      if (stopping) throw new Error('The message port closed before a response was received.');
      return 'saved';
    },
  };
}

describe('withRetry', () => {
  it('keeps one record when the worker stops twice after saving and then answers', async () => {
    const worker = flakyWorker(2, 'after');
    const result = await withRetry(() => worker.save('h-1', 'a passage'), noWait);
    expect(result).toBe('saved');
    expect(worker.calls).toBe(3);
    expect([...worker.records]).toEqual([['h-1', 'a passage']]);
  });

  it('delivers the message when the worker was not running for the first two tries', async () => {
    const worker = flakyWorker(2, 'before');
    await withRetry(() => worker.save('h-2', 'another passage'), noWait);
    expect(worker.records.size).toBe(1);
  });

  it('gives up after the last attempt and rethrows the error the browser gave', async () => {
    const worker = flakyWorker(10, 'before');
    await expect(withRetry(() => worker.save('h-3', 'x'), { ...noWait, attempts: 3 })).rejects.toThrow(
      /Receiving end does not exist/,
    );
    expect(worker.calls).toBe(3);
  });

  it('does not retry an error that a retry cannot fix', async () => {
    let calls = 0;
    const send = async () => {
      calls++;
      throw new Error('QuotaExceededError: the disk is full');
    };
    await expect(withRetry(send, noWait)).rejects.toThrow(/disk is full/);
    expect(calls).toBe(1);
  });

  it('waits longer before each retry, up to a ceiling', async () => {
    const waits: number[] = [];
    const worker = flakyWorker(4, 'before');
    await withRetry(() => worker.save('h-4', 'x'), {
      attempts: 5,
      baseDelayMs: 50,
      maxDelayMs: 300,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(waits).toEqual([50, 100, 200, 300]);
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
  it('doubles from the base delay', () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, { baseDelayMs: 10, maxDelayMs: 1000 }))).toEqual([10, 20, 40]);
  });
});
