/**
 * The background's sharing hub: nothing leaves without both a stored connection and the
 * host permission granted at that moment; the queue sets its wake-up alarm; edits and
 * deletes of a shared highlight follow; the team view leaves out the user's own.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createSharingHub,
  HypothesisClient,
  memorySharingState,
  memoryTeamCache,
  type SharedPart,
  type SharingConnection,
} from '../../lib/sharing';
import { startHypothesisStandIn, type HypothesisStandIn } from '../stand-in/hypothesis-server';
import { makeHighlight, seedHighlights } from './export-samples';

const alice = { token: 'alice-token-1234', userid: 'acct:alice@stand-in.test', displayName: 'Alice', groups: ['team1'] };
const bob = { token: 'bob-token-5678', userid: 'acct:bob@stand-in.test', displayName: 'Bob', groups: ['team1'] };

let server: HypothesisStandIn;
let connection: SharingConnection | null;
let granted: Set<string>;
let wakes: Array<number | undefined>;
let now: number;
const local = new Map<string, SharedPart>();

beforeEach(async () => {
  server = await startHypothesisStandIn({ users: [alice, bob], groups: [{ id: 'team1', name: 'China desk', type: 'private' }] });
  connection = { serverUrl: server.apiUrl, token: alice.token, group: { id: 'team1', name: 'China desk' } };
  granted = new Set(['http://127.0.0.1/*']);
  wakes = [];
  now = 10_000_000;
  local.clear();
});
afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

function hub(state = { ...memorySharingState(), ...memoryTeamCache() }) {
  const warnings: string[] = [];
  const h = createSharingHub({
    connection: async () => connection,
    granted: async (pattern) => granted.has(pattern),
    fetch: (u, i) => fetch(u, i),
    state,
    load: async (id) => local.get(id),
    wakeAt: (when) => wakes.push(when),
    now: () => now,
    answerWithinMs: 3_000,
    timeoutMs: 2_000,
    warn: (m) => warnings.push(m),
  });
  return Object.assign(h, { warnings });
}

const seed = seedHighlights()[0]!;
const h = makeHighlight({ quote: 'The CAC closed 67,000 accounts.', page: seed.page, facts: seed.facts });

describe('the sharing hub', () => {
  it('makes no request without the host permission, even with a stored connection, and sends once it is granted', async () => {
    local.set(h.id, h);
    granted.clear();
    const s = hub();
    expect(await s.share(h.id)).toMatchObject({ state: 'waiting' });
    expect(await s.teamForPage(h.url)).toEqual({ group: null, highlights: [] });
    expect(server.requests).toHaveLength(0);
    granted.add('http://127.0.0.1/*');
    await s.drain();
    expect(server.annotations.size).toBe(1);
    expect(await s.status([h.id, 'other'])).toEqual({ group: 'China desk', states: { [h.id]: expect.objectContaining({ state: 'shared' }) } });
  });

  it('says no group when not connected, and sends nothing', async () => {
    connection = null;
    local.set(h.id, h);
    const s = hub();
    await s.share(h.id);
    expect((await s.status([h.id])).group).toBeNull();
    expect(server.requests).toHaveLength(0);
  });

  it('sets the alarm at the next try after a failure, and clears it when the queue is empty', async () => {
    local.set(h.id, h);
    server.fault({ status: 429, retryAfter: '120' });
    const s = hub();
    expect(await s.share(h.id)).toMatchObject({ state: 'waiting', reason: expect.stringMatching(/slow down/) });
    expect(wakes.at(-1)).toBe(now + 120_000);
    now += 120_000;
    await s.drain();
    expect(wakes.at(-1)).toBeUndefined();
    expect(server.annotations.size).toBe(1);
  });

  it('follows an edit and a delete of a shared highlight, and shares what carries the team tag', async () => {
    local.set(h.id, h);
    const s = hub();
    await s.share(h.id);
    const edited = { ...h, note: 'checked with the CAC statement' };
    local.set(h.id, edited);
    await s.changed(edited);
    await s.drain();
    expect([...server.annotations.values()][0]!.text).toMatch(/^checked with the CAC statement/);
    local.delete(h.id);
    await s.deleted(h);
    await s.drain();
    expect(server.annotations.size).toBe(0);

    connection = { ...connection!, autoShareTag: 'team' };
    const tagged = makeHighlight({ quote: 'Tagged for the desk.', tags: ['team'] });
    local.set(tagged.id, tagged);
    await s.changed(tagged);
    await s.drain();
    expect(server.annotations.size).toBe(1);
  });

  it('follows a shared highlight that an import rewrote, and publishes nothing the import brought that was never shared', async () => {
    const tagged = makeHighlight({ quote: 'From an old backup, tagged for the desk.', tags: ['team'] });
    connection = { ...connection!, autoShareTag: 'team' };
    local.set(h.id, h);
    const s = hub();
    await s.share(h.id);
    expect(server.annotations.size).toBe(1);
    const imported = { ...h, note: 'note from the backup' };
    local.set(h.id, imported);
    local.set(tagged.id, tagged);
    await s.rewritten([h.id, tagged.id, 'gone-meanwhile']);
    // Sent on its own, without waiting for the next drain.
    await vi.waitFor(() => expect([...server.annotations.values()][0]!.text).toMatch(/^note from the backup/));
    expect(server.annotations.size).toBe(1);
    expect((await s.status()).states).not.toHaveProperty(tagged.id);
  });

  it('after Delete everything, leaves shared annotations in the group unless asked to take them back, then takes every one back', async () => {
    const other = makeHighlight({ quote: 'A second shared passage.' });
    local.set(h.id, h);
    local.set(other.id, other);
    const s = hub();
    await s.share(h.id);
    await s.share(other.id);
    expect(server.annotations.size).toBe(2);
    local.clear();
    expect(await s.everythingDeleted(false)).toBe(0);
    await s.drain();
    expect(server.annotations.size).toBe(2);
    // Still known as the user's own: the team view does not show them back as a teammate's.
    expect((await s.teamForPage(h.url, undefined, true)).highlights).toEqual([]);

    expect(await s.everythingDeleted(true)).toBe(2);
    await s.drain();
    expect(server.annotations.size).toBe(0);
    expect(await s.status()).toEqual({ group: 'China desk', states: {} });
  });

  it('takes back a share still on its way when everything is deleted, and drops one that never left', async () => {
    local.set(h.id, h);
    const s = hub();
    server.fault({ status: 500 });
    expect(await s.share(h.id)).toMatchObject({ state: 'waiting' });
    local.clear();
    // A 500 may have stored it: the delete looks for it first.
    expect(await s.everythingDeleted(true)).toBe(1);
    now += 3_600_000;
    await s.drain();
    expect(server.annotations.size).toBe(0);
    expect(await s.status()).toEqual({ group: 'China desk', states: {} });
  });

  it("shows a teammate's highlight but not the user's own, and never puts the token in a warning", async () => {
    local.set(h.id, h);
    const s = hub();
    await s.share(h.id);
    const bobs = makeHighlight({ quote: 'Weibo removed 1,200 posts.', page: seed.page });
    const bobClient = new HypothesisClient({ serverUrl: server.apiUrl, token: bob.token, groupId: 'team1', fetch: (u, i) => fetch(u, i) });
    expect(await bobClient.publish(bobs)).toMatchObject({ ok: true });
    const view = await s.teamForPage(h.url, h.page.canonical ?? h.url);
    expect(view.highlights.map((x) => [x.author, x.quote])).toEqual([['Bob', 'Weibo removed 1,200 posts.']]);
    expect(s.warnings.join('\n')).not.toContain(alice.token);
  });

  it("copies the whole group's work for the library, newest first, without the user's own; asked again at most every few minutes or on demand", async () => {
    local.set(h.id, h);
    const s = hub();
    await s.share(h.id);
    const bobClient = new HypothesisClient({ serverUrl: server.apiUrl, token: bob.token, groupId: 'team1', fetch: (u, i) => fetch(u, i) });
    const first = makeHighlight({ quote: 'Douyin banned 820 accounts.', page: { url: 'https://a.example/1', title: 'One' } });
    const second = makeHighlight({ quote: 'Kuaishou removed 3,000 videos.', page: { url: 'https://b.example/2', title: 'Two' } });
    await bobClient.publish(first);
    await new Promise((r) => setTimeout(r, 5)); // distinct `updated` times
    const secondId = await bobClient.publish(second);
    const searches = () => server.requests.filter((r) => r.path === '/api/search').length;
    const before = searches();
    const copy = await s.teamGroup();
    expect(copy.highlights.map((x) => x.quote)).toEqual(['Kuaishou removed 3,000 videos.', 'Douyin banned 820 accounts.']);
    await s.teamGroup();
    expect(searches()).toBe(before + 1);
    // Deleted on the server: gone from the copy once it is asked for again.
    if (!secondId.ok) throw new Error('publish failed');
    await bobClient.remove(secondId.value.remoteId);
    expect((await s.teamGroup(true)).highlights.map((x) => x.quote)).toEqual(['Douyin banned 820 accounts.']);
    expect(searches()).toBe(before + 2);
  });
});
