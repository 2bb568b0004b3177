/**
 * Sharing's own database: the outbox and links survive a stopped service worker (a new
 * connection and a new service over the same database), and the team's annotations are
 * cached per page, asked for at most every few minutes, kept per group, and never include
 * the user's own shared highlights.
 */
// idb's wrap() looks for the IDB classes as globals.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSharingService,
  createTeamReader,
  HypothesisClient,
  idbSharingState,
  openSharingDb,
  TEAM_MAX_AGE_MS,
  type SharedPart,
  type SharingDb,
} from '../../lib/sharing';
import { startHypothesisStandIn, type HypothesisStandIn } from '../stand-in/hypothesis-server';
import { makeHighlight, seedHighlights } from './export-samples';

const alice = { token: 'alice-token-1234', userid: 'acct:alice@stand-in.test', displayName: 'Alice', groups: ['team1', 'team2'] };
const bob = { token: 'bob-token-5678', userid: 'acct:bob@stand-in.test', displayName: 'Bob Li', groups: ['team1'] };

let server: HypothesisStandIn;
let factory: IDBFactory;
let opened: SharingDb[];
let now: number;
const local = new Map<string, SharedPart>();

beforeEach(async () => {
  server = await startHypothesisStandIn({
    users: [alice, bob],
    groups: [
      { id: 'team1', name: 'China desk', type: 'private' },
      { id: 'team2', name: 'Other desk', type: 'private' },
    ],
  });
  factory = new IDBFactory();
  opened = [];
  now = 5_000_000;
  local.clear();
});
afterEach(async () => {
  for (const db of opened) db.close();
  expect(server.violations).toEqual([]);
  await server.close();
});

/** A fresh connection, as a service worker that was stopped and started again would open. */
function freshState() {
  return idbSharingState(async () => {
    const db = await openSharingDb(factory);
    opened.push(db);
    return db;
  });
}

const client = (user: { token: string }, groupId = 'team1') =>
  new HypothesisClient({ serverUrl: server.apiUrl, token: user.token, groupId, fetch: (u, i) => fetch(u, i), timeoutMs: 2000 });

function service(state = freshState(), connected = true) {
  const c = client(alice);
  return createSharingService({
    provider: async () => (connected ? c : null),
    state,
    load: async (id) => local.get(id),
    now: () => now,
    backOff: { baseMs: 1000, maxMs: 60_000, random: () => 1 },
  });
}

describe('sharing state in IndexedDB', () => {
  it('keeps a waiting share across a restart and sends it once when the server is back', async () => {
    const h = makeHighlight({ quote: 'The CAC closed 67,000 accounts.' });
    local.set(h.id, h);
    server.fault({ status: 500, times: 1 });
    const first = service();
    await first.share(h);
    const wake = await first.flush();
    expect(wake).toBe(now + 1000);
    for (const db of opened) db.close(); // the worker is stopped

    const second = service();
    expect(await second.status(h.id)).toMatchObject({ state: 'waiting', attempts: 1 });
    now = wake!;
    expect(await second.flush()).toBeUndefined();
    expect(server.annotations.size).toBe(1);
    const third = service();
    const status = await third.status(h.id);
    expect(status).toMatchObject({ state: 'shared', remoteId: [...server.annotations.keys()][0] });
    // The link lets an edit after another restart update, not create.
    local.set(h.id, { ...h, note: 'later' });
    await third.changed(local.get(h.id)!);
    await third.flush();
    expect(server.requests.filter((r) => r.method === 'POST' && r.path === '/api/annotations')).toHaveLength(2); // the 500 and the one that landed
    expect(server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(server.annotations.size).toBe(1);
  });

  it('makes no request while not connected, and keeps the intent', async () => {
    const h = makeHighlight({ quote: 'Nothing leaves.' });
    local.set(h.id, h);
    const s = service(freshState(), false);
    await s.share(h);
    await s.flush();
    expect(server.requests).toHaveLength(0);
    expect(await service().status(h.id)).toMatchObject({ state: 'waiting' });
  });

  it('keeps the token out of the database', async () => {
    const h = makeHighlight({ quote: 'A token stays in storage.local.' });
    local.set(h.id, h);
    server.fault({ status: 401 });
    const s = service();
    await s.share(h);
    await s.flush();
    const db = await openSharingDb(factory);
    opened.push(db);
    const everything = JSON.stringify([await db.getAll('outbox'), await db.getAll('links'), await db.getAll('team')]);
    expect(everything).toContain('token'); // the sentence speaks of it …
    expect(everything).not.toContain(alice.token); // … but never holds it
  });
});

describe('the team reader', () => {
  async function bobShares(quote: string) {
    const seed = seedHighlights()[0]!;
    // A page with a canonical address apart from its own: annotations are filed under the canonical one.
    const h = makeHighlight({ quote, page: { ...seed.page, canonical: 'https://canonical.example.com/purge' }, facts: seed.facts });
    const r = await client(bob).publish(h);
    if (!r.ok) throw new Error(r.error.message);
    return { h, remoteId: r.value.remoteId };
  }

  function reader(state = freshState(), group = { id: 'team1', name: 'China desk' }, own = new Set<string>()) {
    const c = client(alice, group.id);
    return createTeamReader({ connection: async () => ({ provider: c, group }), cache: state, now: () => now, ownRemoteIds: async () => own });
  }

  const searches = () => server.requests.filter((r) => r.path === '/api/search').length;

  it("reads a teammate's highlight with author and figures, and asks at most every few minutes", async () => {
    const { h } = await bobShares('The CAC closed 67,000 accounts.');
    const r = reader();
    const first = await r.forPage(h.url, h.page.canonical ?? h.url);
    expect(first.group).toBe('China desk');
    expect(first.highlights).toHaveLength(1);
    expect(first.highlights[0]).toMatchObject({ author: 'Bob Li', quote: 'The CAC closed 67,000 accounts.' });
    expect(first.highlights[0]!.facts.map((f) => [f.value, f.origin, f.author])).toEqual(h.facts.map((f) => [f.value, 'team', 'Bob Li']));
    expect(searches()).toBe(1);

    now += TEAM_MAX_AGE_MS - 1;
    await reader().forPage(h.url, h.page.canonical ?? h.url); // a restarted worker reads the cache
    expect(searches()).toBe(1);
    // The user asked, from the popup, which knows only the page's address: the canonical one it was searched by is kept.
    expect((await r.forPage(h.url, undefined, true)).highlights).toHaveLength(1);
    expect(searches()).toBe(2);
    now += TEAM_MAX_AGE_MS;
    await r.forPage(h.url, h.page.canonical ?? h.url);
    expect(searches()).toBe(3);
  });

  it('answers with the cached copy and the sentence when the server fails', async () => {
    const { h } = await bobShares('Cached before the outage.');
    const state = freshState();
    await reader(state).forPage(h.url, h.page.canonical ?? h.url);
    now += TEAM_MAX_AGE_MS + 1;
    server.fault({ drop: true });
    const view = await reader(state).forPage(h.url, h.page.canonical ?? h.url);
    expect(view.highlights.map((x) => x.quote)).toEqual(['Cached before the outage.']);
    expect(view.error?.message).toMatch(/could not be reached/);
  });

  it("never shows another group's cached copy, nor the user's own shared highlights", async () => {
    const { h, remoteId } = await bobShares('Only in China desk.');
    const state = freshState();
    await reader(state).forPage(h.url, h.page.canonical ?? h.url);
    const other = await reader(state, { id: 'team2', name: 'Other desk' }).forPage(h.url, h.page.canonical ?? h.url);
    expect(other.highlights).toEqual([]);
    const mine = await reader(state, { id: 'team1', name: 'China desk' }, new Set([remoteId])).forPage(h.url, h.page.canonical ?? h.url, true);
    expect(mine.highlights).toEqual([]);
  });
});
