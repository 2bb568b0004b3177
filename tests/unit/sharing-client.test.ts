import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { afterFailure, enqueue, HypothesisClient, MEDIA_TYPE, sendEntry, type OutboxEntry } from '../../lib/sharing';
import { startHypothesisStandIn, type HypothesisStandIn } from '../stand-in/hypothesis-server';
import { makeFact, makeHighlight } from './export-samples';

// The client against the loopback stand-in, which checks every request against
// Hypothesis's published API description (tests/stand-in/hypothesis-server.ts).

const alice = { token: 'alice-secret-token-6f1d', userid: 'acct:alice@stand-in.test', displayName: 'Alice Wang', groups: ['team1'] };
const bob = { token: 'bob-secret-token-99aa', userid: 'acct:bob@stand-in.test', displayName: 'Bob Li', groups: ['team1', 'other'] };

let server: HypothesisStandIn;
beforeEach(async () => {
  server = await startHypothesisStandIn({
    users: [alice, bob],
    groups: [
      { id: 'team1', name: 'China desk', type: 'private' },
      { id: 'other', name: 'Other desk', type: 'private' },
    ],
  });
});
afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

const clientFor = (user: { token: string }, over: { groupId?: string; timeoutMs?: number; now?: () => number } = {}) =>
  new HypothesisClient({ serverUrl: server.apiUrl, token: user.token, groupId: over.groupId ?? 'team1', fetch: (u, i) => fetch(u, i), timeoutMs: over.timeoutMs ?? 5_000, now: over.now });

const sentence = 'The CAC said it had closed more than 67,000 accounts between 10 March and 22 May.';
const highlight = makeHighlight({
  quote: sentence,
  note: 'Check against the CAC statement.',
  tags: ['purge', 'team'],
  entities: ['cac'],
  facts: [
    makeFact({ value: 67000, figureText: '67,000', qualifier: 'more than', unit: 'accounts', action: 'closed', text: sentence, period: { from: '2023-03-10', to: '2023-05-22' } }),
  ],
});

describe('Hypothesis client', () => {
  it('lists the groups of the token’s user, asking for API v1 with a Bearer token', async () => {
    const groups = await clientFor(bob).groups();
    expect(groups).toEqual({ ok: true, value: [{ id: 'team1', name: 'China desk', type: 'private' }, { id: 'other', name: 'Other desk', type: 'private' }] });
    expect(server.requests[0]!.headers).toMatchObject({ authorization: `Bearer ${bob.token}`, accept: MEDIA_TYPE });
  });

  it('publishes a highlight as a group annotation with its selectors, note, tags and figures', async () => {
    const published = await clientFor(alice).publish(highlight);
    expect(published.ok).toBe(true);
    const [stored] = [...server.annotations.values()];
    expect(stored).toMatchObject({
      uri: highlight.url,
      group: 'team1',
      document: { title: [highlight.page.title] },
      tags: ['purge', 'team', 'CAC'],
      permissions: { read: ['group:team1'] },
    });
    expect(stored!.target[0]).toEqual({ source: highlight.url, selector: highlight.selectors });
    // Readable by any Hypothesis user: the note, then the figure as written.
    expect(stored!.text).toMatch(/^Check against the CAC statement\.\n\nFigures \(Qinglang Lens\):\n- closed more than 67,000 accounts \(2023-03-10 – 2023-05-22\)\n\n<!-- qinglang-lens:v1 /);
  });

  it('lets a teammate read the highlight back with its author, note and figures', async () => {
    await clientFor(alice).publish(highlight);
    const seen = await clientFor(bob).fetchForPage(highlight.url);
    expect(seen.ok).toBe(true);
    if (!seen.ok) return;
    expect(seen.value).toHaveLength(1);
    const team = seen.value[0]!;
    expect(team).toMatchObject({ author: 'Alice Wang', user: alice.userid, quote: sentence, note: 'Check against the CAC statement.', tags: ['purge', 'team'] });
    expect(team.facts).toHaveLength(1);
    expect(team.facts[0]).toMatchObject({ value: 67000, figureText: '67,000', qualifier: 'more than', unit: 'accounts', action: 'closed', period: { from: '2023-03-10', to: '2023-05-22' }, origin: 'team', author: 'Alice Wang' });
  });

  it('does not show a group’s annotations to someone outside it', async () => {
    await clientFor(bob, { groupId: 'other' }).publish(highlight);
    const seen = await clientFor(alice).fetchForPage(highlight.url);
    expect(seen).toEqual({ ok: true, value: [] });
  });

  it('updates and deletes the annotation; deleting one already gone is not an error', async () => {
    const client = clientFor(alice);
    const published = await client.publish(highlight);
    if (!published.ok) throw new Error('publish failed');
    const id = published.value.remoteId;
    await client.update(id, { ...highlight, note: 'Confirmed by a second outlet.' });
    expect(server.annotations.get(id)!.text).toMatch(/^Confirmed by a second outlet\./);
    expect(await client.remove(id)).toEqual({ ok: true, value: undefined });
    expect(server.annotations.size).toBe(0);
    expect(await client.remove(id)).toEqual({ ok: true, value: undefined });
  });

  it('pages through a large group with search_after', async () => {
    const client = clientFor(alice);
    for (let i = 0; i < 450; i++) server.annotations.set(`seed-${i}`, {
      id: `seed-${i}`, created: `2025-01-01T00:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}Z`, updated: `2025-01-01T00:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`,
      user: bob.userid, uri: `https://news.example.com/${i}`, text: '', tags: [], group: 'team1', permissions: {}, document: { title: ['t'] },
      target: [{ source: `https://news.example.com/${i}`, selector: [{ type: 'TextQuoteSelector', exact: `quote ${i}` }] }],
    });
    const all = await client.fetchGroupSince(undefined);
    expect(all.ok && all.value.length).toBe(450);
    const searches = server.requests.filter((r) => r.path === '/api/search');
    expect(searches).toHaveLength(3);
    expect(searches[1]!.query.search_after).toEqual(['2025-01-01T00:03:19Z']);
  });
});

describe('Hypothesis client faults, each with a sentence and never the token', () => {
  const cases: Array<[string, Parameters<HypothesisStandIn['fault']>[0], string]> = [
    ['a rejected token', { status: 401 }, 'token'],
    ['an unknown or forbidden group (v1 says 404 for both)', { status: 404 }, 'group'],
    ['a server error', { status: 500 }, 'server'],
    ['a dropped connection', { drop: true }, 'offline'],
  ];
  it.each(cases)('%s', async (_name, fault, kind) => {
    server.fault(fault);
    const r = await clientFor(alice).publish(highlight);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe(kind);
    expect(r.error.message).toMatch(/\w+ \w+/);
    expect(JSON.stringify(r.error)).not.toContain(alice.token);
  });

  it('a slow server: gives up after the bound', async () => {
    server.fault({ delayMs: 400 });
    const r = await clientFor(alice, { timeoutMs: 100 }).publish(highlight);
    expect(r.ok === false && r.error.kind).toBe('timeout');
  });

  it('429: comes back when Retry-After says', async () => {
    server.fault({ status: 429, retryAfter: '30' });
    const now = Date.UTC(2026, 0, 1);
    const r = await clientFor(alice, { now: () => now }).publish(highlight);
    expect(r.ok === false && r.error).toMatchObject({ kind: 'rate-limited', retryAt: now + 30_000 });
  });

  it('a token for another user cannot edit or delete the annotation', async () => {
    const published = await clientFor(alice).publish(highlight);
    if (!published.ok) throw new Error('publish failed');
    const r = await clientFor(bob).remove(published.value.remoteId);
    // Gone from Bob's point of view (v1 hides what he may not touch): the annotation stays.
    expect(r.ok).toBe(true);
    expect(server.annotations.size).toBe(1);
  });
});

describe('sending the outbox', () => {
  const load = async () => highlight;

  it('never makes a second annotation when a publish landed but its answer was lost', async () => {
    const client = clientFor(alice);
    server.fault({ drop: true, afterHandling: true, match: /^\/api\/annotations$/ });
    let entry: OutboxEntry = enqueue(undefined, 'publish', { highlightId: highlight.id }, 0)!;
    const first = await sendEntry(entry, { provider: client, load, now: () => 0 });
    expect(first.done).toBe(false);
    if (first.done) return;
    expect(server.annotations.size).toBe(1); // it did land
    entry = first.entry;
    expect(entry.mayHaveLanded).toBe(true);
    const second = await sendEntry(entry, { provider: client, load, now: () => 0 });
    expect(second).toEqual({ done: true, remoteId: [...server.annotations.keys()][0] });
    expect(server.annotations.size).toBe(1);
  });

  it('stops retrying a rejected token until the user acts', async () => {
    server.fault({ status: 401 });
    const entry = enqueue(undefined, 'publish', { highlightId: highlight.id }, 0)!;
    const r = await sendEntry(entry, { provider: clientFor(alice), load, now: () => 0 });
    expect(r.done === false && r.entry).toMatchObject({ stopped: true, attempts: 1, lastError: { kind: 'token' } });
  });

  it('deletes a highlight whose publish may have landed unanswered, found by the id written into it', async () => {
    const client = clientFor(alice);
    await client.publish(highlight);
    const waiting: OutboxEntry = { ...enqueue(undefined, 'publish', { highlightId: highlight.id, uri: highlight.url }, 0)!, mayHaveLanded: true };
    const del = enqueue(waiting, 'delete', { highlightId: highlight.id, uri: highlight.url }, 0)!;
    expect(del).toMatchObject({ op: 'delete', mayHaveLanded: true });
    const r = await sendEntry(del, { provider: client, load: async () => undefined, now: () => 0 });
    expect(r).toEqual({ done: true, remoteId: undefined });
    expect(server.annotations.size).toBe(0);
  });

  it('keeps a failed entry with its reason and a later time', () => {
    const entry = enqueue(undefined, 'update', { highlightId: 'h', remoteId: 'r' }, 1000)!;
    const later = afterFailure(entry, { kind: 'server', message: 'x' }, 1000, { baseMs: 2000, maxMs: 60_000, random: () => 0.5 });
    expect(later).toMatchObject({ attempts: 1, nextTry: 3000, stopped: false, lastError: { kind: 'server' } });
  });
});
