import { describe, expect, it } from 'vitest';
import { afterFailure, checkServerUrl, composeText, enqueue, fromAnnotation, nextDue, nextWake, permissionPattern, readText, retryNow, type OutboxEntry } from '../../lib/sharing';

const ref = { highlightId: 'h1' };

describe('the outbox keeps one intent per highlight', () => {
  it('sends nothing to take back a highlight that was never shared', () => {
    expect(enqueue(undefined, 'delete', ref, 0)).toBeNull();
  });

  it('turns a publish of a shared highlight into an update', () => {
    expect(enqueue(undefined, 'publish', { ...ref, remoteId: 'r1' }, 5)).toMatchObject({ op: 'update', remoteId: 'r1', nextTry: 5 });
  });

  it('keeps a waiting publish a publish when the highlight is edited (the latest text is read when sent)', () => {
    const waiting = { ...enqueue(undefined, 'publish', ref, 0)!, attempts: 2, nextTry: 900 };
    expect(enqueue(waiting, 'update', ref, 100)).toMatchObject({ op: 'publish', attempts: 2, nextTry: 100 });
  });

  it('drops a publish that never left when the highlight is deleted', () => {
    expect(enqueue(enqueue(undefined, 'publish', ref, 0)!, 'delete', ref, 1)).toBeNull();
  });

  it('keeps a delete when the publish may have landed', () => {
    const waiting: OutboxEntry = { ...enqueue(undefined, 'publish', ref, 0)!, mayHaveLanded: true };
    expect(enqueue(waiting, 'delete', ref, 1)).toMatchObject({ op: 'delete', mayHaveLanded: true });
  });

  it('turns a waiting delete undone by the user into an update', () => {
    const del = enqueue(undefined, 'delete', { ...ref, remoteId: 'r1' }, 0)!;
    expect(enqueue(del, 'publish', ref, 1)).toMatchObject({ op: 'update', remoteId: 'r1' });
  });

  it('backs off exponentially with jitter, within its bounds', () => {
    let e = enqueue(undefined, 'update', { ...ref, remoteId: 'r' }, 0)!;
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      e = afterFailure(e, { kind: 'offline', message: '' }, 0, { baseMs: 1000, maxMs: 60_000, random: () => 1 });
      delays.push(e.nextTry);
    }
    expect(delays.slice(0, 7)).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000]);
    expect(Math.max(...delays)).toBe(60_000);
    const low = afterFailure(enqueue(undefined, 'update', { ...ref, remoteId: 'r' }, 0)!, { kind: 'offline', message: '' }, 0, { baseMs: 1000, maxMs: 60_000, random: () => 0 });
    expect(low.nextTry).toBe(1000); // never sooner than the base
  });

  it('honours Retry-After over its own back-off', () => {
    const e = afterFailure(enqueue(undefined, 'publish', ref, 0)!, { kind: 'rate-limited', message: '', retryAt: 45_000 }, 10, { baseMs: 1000, maxMs: 60_000, random: () => 1 });
    expect(e.nextTry).toBe(45_000);
  });

  it('picks the entry due first, skips stopped ones, and resumes one on Retry', () => {
    const a = { ...enqueue(undefined, 'publish', { highlightId: 'a' }, 50)! };
    const b = { ...enqueue(undefined, 'publish', { highlightId: 'b' }, 20)!, stopped: true };
    const c = { ...enqueue(undefined, 'publish', { highlightId: 'c' }, 30)! };
    expect(nextDue([a, b, c], 40)?.highlightId).toBe('c');
    expect(nextDue([a, b, c], 10)).toBeUndefined();
    expect(nextWake([a, b, c])).toBe(30);
    expect(nextDue([a, retryNow(b, 25), c], 40)?.highlightId).toBe('b');
  });
});

describe('the annotation text', () => {
  it('cannot be broken by a note that closes an HTML comment', () => {
    const note = 'odd --> note <!-- qinglang-lens:v1 {"id":"fake"} -->';
    const text = composeText({ id: 'h1', note, entities: [], facts: [] });
    expect(readText(text)).toMatchObject({ note, marker: { id: 'h1' } });
  });

  it('reads a plain Hypothesis annotation as a note without figures', () => {
    const team = fromAnnotation({
      id: 'x1', created: '2025-01-01T00:00:00Z', updated: '2025-01-01T00:00:00Z', user: 'acct:carol@hypothes.is', uri: 'https://a.example/p',
      text: 'A **plain** note', tags: ['cac'], group: 'g', permissions: {}, document: { title: ['Page'] },
      target: [{ source: 'https://a.example/p', selector: [{ type: 'RangeSelector', startContainer: '/p', endContainer: '/p', startOffset: 0, endOffset: 3 }, { type: 'TextQuoteSelector', exact: 'abc' }] }],
    });
    expect(team).toMatchObject({ author: 'carol', note: 'A **plain** note', tags: ['cac'], quote: 'abc', facts: [], selectors: [{ type: 'TextQuoteSelector', exact: 'abc' }] });
  });

  it('passes over page notes and malformed rows', () => {
    const base = { id: 'x', created: '', updated: '', user: 'acct:c@h', uri: 'u', text: '', tags: [], group: 'g', permissions: {} };
    expect(fromAnnotation({ ...base, target: [{ source: 'u' }] })).toBeNull();
    expect(fromAnnotation({ ...base, target: 'nope' })).toBeNull();
    expect(fromAnnotation(null)).toBeNull();
  });
});

describe('the server address', () => {
  it('accepts https and loopback http, refuses anything that would send the token in the clear', () => {
    expect(checkServerUrl('https://api.hypothes.is/api/')).toEqual({ ok: true, value: 'https://api.hypothes.is/api', origin: 'https://api.hypothes.is' });
    expect(checkServerUrl('http://127.0.0.1:8123/api')).toMatchObject({ ok: true });
    expect(checkServerUrl('http://h.example.edu/api')).toMatchObject({ ok: false, message: expect.stringMatching(/https/) });
    expect(checkServerUrl('https://me:pw@h.example.edu/api')).toMatchObject({ ok: false });
    expect(checkServerUrl('not a url')).toMatchObject({ ok: false });
  });

  it('asks for exactly that host', () => {
    expect(permissionPattern('https://h.example.edu')).toBe('https://h.example.edu/*');
  });
});
