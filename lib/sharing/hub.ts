/**
 * Sharing as the background runs it: the connection the user made in Options, the host
 * permission they granted, the outbox and the team reader, put together. Browser-free: the
 * service worker hands in storage, the permission check, fetch, the user's store and an
 * alarm to wake it; tests hand in their own.
 *
 * No request is made unless a connection is stored AND its host permission is granted at
 * the moment of the request; the token is read from the connection for each request and
 * never written anywhere else.
 */
import { HypothesisClient, type Fetch } from './hypothesis-client';
import type { TeamCache } from './idb-state';
import { permissionPattern, checkServerUrl } from './server-url';
import { createSharingService, type SharingStateStore } from './service';
import { createTeamReader, type TeamView } from './team';
import type { ShareState, SharedPart, SharingConnection, SharingProvider } from './types';

export interface SharingHubDeps {
  connection(): Promise<SharingConnection | null>;
  /** Whether the browser still grants the host permission for `pattern` (permissions.contains). */
  granted(pattern: string): Promise<boolean>;
  fetch: Fetch;
  state: SharingStateStore & TeamCache;
  /** The user's highlight as stored now, or undefined when it is gone. */
  load(highlightId: string): Promise<SharedPart | undefined>;
  /** Wake the worker at `when` (an alarm), or cancel the wake-up (undefined). */
  wakeAt(when: number | undefined): void;
  now(): number;
  /** How long "Share" waits for the first try before answering "waiting". */
  answerWithinMs?: number;
  timeoutMs?: number;
  warn?: (message: string) => void;
}

/** What a list shows beside each highlight. */
export interface ShareStatus {
  /** The group's name when sharing is connected, else null (then no Share button). */
  group: string | null;
  states: Record<string, ShareState>;
}

export function createSharingHub(deps: SharingHubDeps) {
  /** The connection and a client for it, only while its host permission is granted. */
  async function connected(): Promise<{ connection: SharingConnection; provider: SharingProvider } | null> {
    const connection = await deps.connection();
    if (!connection) return null;
    const checked = checkServerUrl(connection.serverUrl);
    if (!checked.ok || !(await deps.granted(permissionPattern(checked.origin)))) return null;
    const provider = new HypothesisClient({
      serverUrl: checked.value,
      token: connection.token,
      groupId: connection.group.id,
      fetch: deps.fetch,
      timeoutMs: deps.timeoutMs,
      now: deps.now,
    });
    return { connection, provider };
  }

  let autoShareTag: string | undefined;
  const service = createSharingService({
    provider: async () => (await connected())?.provider ?? null,
    state: deps.state,
    load: deps.load,
    now: deps.now,
    autoShareTag: () => autoShareTag,
  });

  const team = createTeamReader({
    connection: async () => {
      const c = await connected();
      return c ? { provider: c.provider, group: c.connection.group } : null;
    },
    cache: deps.state,
    now: deps.now,
    ownRemoteIds: async () => {
      const ids = new Set((await deps.state.links()).map((l) => l.remoteId));
      // A publish that landed but whose link is not written yet is known by its entry.
      for (const e of await deps.state.entries()) if (e.remoteId) ids.add(e.remoteId);
      return ids;
    },
  });

  /** Sends what is due, then sets the alarm for what waits; never throws. */
  async function drain(): Promise<void> {
    try {
      deps.wakeAt(await service.flush());
    } catch (e) {
      deps.warn?.(`Qinglang Lens: sharing could not send its queue: ${e instanceof Error ? e.name : 'error'}`);
    }
  }

  /** Waits for a drain at most `ms`: the UI answers quickly, the send goes on. */
  const drainWithin = (ms: number) => Promise.race([drain(), new Promise<void>((r) => setTimeout(r, ms))]);

  /** Where the highlights `ids` stand (all that were ever shared, without `ids`). */
  async function status(ids?: readonly string[]): Promise<ShareStatus> {
    const c = await deps.connection();
    const all = await service.statuses();
    const states: Record<string, ShareState> = {};
    for (const id of ids ?? all.keys()) {
      const s = all.get(id);
      if (s) states[id] = s;
    }
    return { group: c?.group.name ?? null, states };
  }

  return {
    drain,
    status,
    /** The user's "Share with <group>": queued, tried at once, answered with where it stands. */
    async share(highlightId: string): Promise<ShareState | null> {
      const highlight = await deps.load(highlightId);
      if (!highlight) return null;
      await service.share(highlight);
      await drainWithin(deps.answerWithinMs ?? 4_000);
      return (await service.status(highlightId)) ?? null;
    },
    async retry(highlightId: string): Promise<ShareState | null> {
      await service.retry(highlightId);
      await drainWithin(deps.answerWithinMs ?? 4_000);
      return (await service.status(highlightId)) ?? null;
    },
    /** A highlight was saved, edited or put back here. */
    async changed(highlight: SharedPart): Promise<void> {
      autoShareTag = (await deps.connection())?.autoShareTag;
      await service.changed(highlight);
      void drain();
    },
    /** A highlight was deleted here. */
    async deleted(highlight: Pick<SharedPart, 'id' | 'url' | 'page'>): Promise<void> {
      await service.deleted(highlight);
      void drain();
    },
    /** Highlights an import or a fact correction wrote here: the shared ones follow to the group. */
    async rewritten(ids: readonly string[]): Promise<void> {
      let following = false;
      for (const id of ids) {
        const highlight = await deps.load(id);
        if (!highlight) continue;
        if (await service.followIfShared(highlight)) following = true;
      }
      if (following) void drain();
    },
    /**
     * Everything was deleted here. With `takeBack`, the user's shared highlights are taken
     * back from the group (answers how many); without it they stay there, where teammates
     * still see them, and their links are kept so that a backup restored later follows them again.
     */
    async everythingDeleted(takeBack: boolean): Promise<number> {
      if (!takeBack) return 0;
      const count = await service.takeBackAll();
      void drain();
      return count;
    },
    /** The team's highlights on a page (see TeamReader). */
    teamForPage(url: string, uri?: string, refresh = false): Promise<TeamView> {
      return team.forPage(url, uri, refresh);
    },
    /** The whole group's highlights, for the library's read-only copies. */
    teamGroup(refresh = false): Promise<TeamView> {
      return team.group(refresh);
    },
  };
}

export type SharingHub = ReturnType<typeof createSharingHub>;
