import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSharingService, HypothesisClient, memorySharingState, type SharedPart, type SharingStateStore } from '../../lib/sharing';
import { startHypothesisStandIn, type HypothesisStandIn } from '../stand-in/hypothesis-server';
import { makeHighlight } from './export-samples';

const alice = { token: 'alice-token-1234', userid: 'acct:alice@stand-in.test', displayName: 'Alice', groups: ['team1'] };

let server: HypothesisStandIn;
let state: SharingStateStore;
let local: Map<string, SharedPart>;
let now: number;
let connected: boolean;

beforeEach(async () => {
  server = await startHypothesisStandIn({ users: [alice], groups: [{ id: 'team1', name: 'China desk', type: 'private' }] });
  state = memorySharingState();
  local = new Map();
  now = 1_000_000;
  connected = true;
});
afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

function service(autoShareTag?: string) {
  const client = new HypothesisClient({ serverUrl: server.apiUrl, token: alice.token, groupId: 'team1', fetch: (u, i) => fetch(u, i), timeoutMs: 2000 });
  return createSharingService({
    provider: () => (connected ? client : null),
    state,
    load: async (id) => local.get(id),
    now: () => now,
    backOff: { baseMs: 1000, maxMs: 60_000, random: () => 1 },
    autoShareTag: () => autoShareTag,
  });
}

const h = makeHighlight({ quote: 'The CAC closed 67,000 accounts.', tags: ['purge'] });
const writes = () => server.requests.filter((r) => r.method !== 'GET');

describe('sharing service', () => {
  it('sends nothing, not even a search, while the user has not connected', async () => {
    connected = false;
    local.set(h.id, h);
    const s = service();
    await s.share(h);
    await s.flush();
    expect(server.requests).toHaveLength(0);
    expect(await s.status(h.id)).toMatchObject({ state: 'waiting' });
  });

  it('sends a share queued while a flush was already past its queue, without waiting for the next alarm', async () => {
    local.set(h.id, h);
    const base = memorySharingState();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    // The running flush reads the (empty) queue, then is held there while the user shares.
    state = {
      ...base,
      entries: async () => {
        const read = await base.entries();
        if (first) {
          first = false;
          await held;
        }
        return read;
      },
    };
    const s = service();
    const running = s.flush();
    await s.share(h);
    const asked = s.flush();
    release();
    await Promise.all([running, asked]);
    expect(await s.status(h.id)).toMatchObject({ state: 'shared' });
    expect(writes()).toHaveLength(1);
  });

  it('shares, follows edits with one request each, and takes the annotation back on delete', async () => {
    local.set(h.id, h);
    const s = service();
    await s.share(h);
    await s.flush();
    const shared = await s.status(h.id);
    expect(shared).toMatchObject({ state: 'shared' });
    local.set(h.id, { ...h, note: 'first edit' });
    await s.changed(local.get(h.id)!);
    local.set(h.id, { ...h, note: 'second edit' });
    await s.changed(local.get(h.id)!);
    await s.flush();
    expect(writes().map((r) => r.method)).toEqual(['POST', 'PATCH']);
    expect([...server.annotations.values()][0]!.text).toMatch(/^second edit/);
    local.delete(h.id);
    await s.deleted(h);
    await s.flush();
    expect(server.annotations.size).toBe(0);
    expect(await s.status(h.id)).toBeUndefined();
  });

  it('does not share a highlight the user did not share, unless it carries the team tag', async () => {
    const s = service('team');
    local.set(h.id, h);
    await s.changed(h);
    await s.flush();
    expect(server.annotations.size).toBe(0);
    const tagged = { ...h, tags: ['team'] };
    local.set(h.id, tagged);
    await s.changed(tagged);
    await s.flush();
    expect(server.annotations.size).toBe(1);
  });

  it('waits offline, survives a restart, and sends once when the server is back', async () => {
    local.set(h.id, h);
    server.fault({ status: 503, times: 2 });
    await service().share(h);
    await service().flush(); // 503
    expect(await service().status(h.id)).toMatchObject({ state: 'waiting', attempts: 1, reason: expect.stringMatching(/wait here/) });
    // A new service instance over the same state: as after the service worker was stopped.
    now += 1000;
    const wake = await service().flush(); // 503 again, later retry
    expect(wake).toBe(now + 2000);
    now = wake!;
    await service().flush();
    expect(server.annotations.size).toBe(1);
    expect(await service().status(h.id)).toMatchObject({ state: 'shared' });
  });

  it('shows a rejected token as failed with its sentence, and sends again on Retry', async () => {
    local.set(h.id, h);
    server.fault({ status: 401 });
    const s = service();
    await s.share(h);
    await s.flush();
    expect(await s.status(h.id)).toMatchObject({ state: 'failed', reason: expect.stringMatching(/token/) });
    await s.flush();
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1); // not retried by itself
    await s.retry(h.id);
    await s.flush();
    expect(await s.status(h.id)).toMatchObject({ state: 'shared' });
  });

  it('takes back an annotation whose publish was on the way when the highlight was deleted', async () => {
    local.set(h.id, h);
    server.fault({ delayMs: 200, match: /^\/api\/annotations$/ });
    const s = service();
    await s.share(h);
    const flushing = s.flush();
    await new Promise((r) => setTimeout(r, 50));
    local.delete(h.id);
    await s.deleted(h);
    await flushing;
    await s.flush();
    expect(server.annotations.size).toBe(0);
  });

  it('leaves one annotation when the publish reached the server twice (a browser resent it after a dropped connection)', async () => {
    local.set(h.id, h);
    const other = makeHighlight({ quote: 'Another of my passages on the same page.', page: h.page });
    local.set(other.id, other);
    const s = service();
    await s.share(other);
    await s.flush();
    server.fault({ twice: true, match: /^\/api\/annotations$/ });
    await s.share(h);
    await s.flush();
    const left = [...server.annotations.values()];
    expect(left).toHaveLength(2);
    const kept = await s.status(h.id);
    expect(kept).toMatchObject({ state: 'shared' });
    // The copy the user's highlight is known by stays, the repeat goes, and the other passage is untouched.
    expect(left.map((a) => a.id).sort()).toEqual([(await s.status(other.id))!.remoteId, kept!.remoteId].sort());
    local.delete(h.id);
    await s.deleted(h);
    await s.flush();
    expect(server.annotations.size).toBe(1);
  });

  it('takes back every copy of a highlight on delete, repeats the first check missed included', async () => {
    local.set(h.id, h);
    const s = service();
    server.fault({ twice: true, match: /^\/api\/annotations$/ });
    // The check after the publish cannot search: the repeat stays for now.
    server.fault({ status: 503, match: /^\/api\/search$/ });
    await s.share(h);
    await s.flush();
    expect(server.annotations.size).toBe(2);
    local.delete(h.id);
    await s.deleted(h);
    await s.flush();
    expect(server.annotations.size).toBe(0);
  });
});
