/**
 * The team's annotations on a page: fetched from the group at most every few minutes per
 * page (a popup opened ten times asks once), or at once when the user asks, and kept in
 * sharing's own cache, never in the user's store. A failed fetch still answers with what
 * was cached, and says why it is not fresh.
 */
import type { TeamCache, TeamPage } from './idb-state';
import type { Fact } from '../types';
import type { SharingError, SharingProvider, TeamHighlight } from './types';

/** How old a page's copy may be before it is asked for again. */
export const TEAM_MAX_AGE_MS = 5 * 60_000;

export interface TeamView {
  /** The group's name, or null when sharing is not connected. */
  group: string | null;
  highlights: TeamHighlight[];
  /** When the copy shown was fetched (undefined: never). */
  fetchedAt?: number;
  /** Why the copy is not fresh. */
  error?: SharingError;
}

export interface TeamDeps {
  /** The connected provider and group, or null (then nothing is asked and nothing shown). */
  connection(): Promise<{ provider: SharingProvider; group: { id: string; name: string } } | null>;
  cache: TeamCache;
  now(): number;
  /** The server ids of the user's own shared highlights: those are theirs, not the team's. */
  ownRemoteIds?: () => Promise<ReadonlySet<string>>;
}

/** Only pages fetched in the current group count: switching groups must not show the old group's work. */
function usable(page: TeamPage | undefined, group: string): page is TeamPage {
  return page !== undefined && page.group === group;
}

export function createTeamReader(deps: TeamDeps) {
  const inFlight = new Map<string, Promise<TeamView>>();

  async function fetchPage(url: string, asked: string | undefined, refresh: boolean): Promise<TeamView> {
    const connection = await deps.connection();
    if (!connection) return { group: null, highlights: [] };
    const { provider, group } = connection;
    const cached = await deps.cache.page(url);
    // The popup knows the page's address only; the content script knew its canonical one.
    const uri = asked ?? cached?.uri ?? url;
    const fresh = usable(cached, group.id) && deps.now() - cached.fetchedAt < TEAM_MAX_AGE_MS;
    const own = (await deps.ownRemoteIds?.()) ?? new Set<string>();
    const keep = (h: TeamHighlight[]) => h.filter((x) => !own.has(x.remoteId));
    if (fresh && !refresh) return { group: group.name, highlights: keep(cached.highlights), fetchedAt: cached.fetchedAt };
    const answer = await provider.fetchForPage(uri);
    if (!answer.ok) {
      return usable(cached, group.id)
        ? { group: group.name, highlights: keep(cached.highlights), fetchedAt: cached.fetchedAt, error: answer.error }
        : { group: group.name, highlights: [], error: answer.error };
    }
    const page: TeamPage = { url, uri, group: group.id, fetchedAt: deps.now(), highlights: answer.value };
    await deps.cache.putPage(page);
    return { group: group.name, highlights: keep(page.highlights), fetchedAt: page.fetchedAt };
  }

  /**
   * The whole group's annotations, for the library's read-only copies: asked afresh (so
   * deletions on the server show) at most every few minutes, or when the user asks. Kept
   * in the same cache under `group:<id>`, apart from the user's store.
   */
  async function fetchGroup(refresh: boolean): Promise<TeamView> {
    const connection = await deps.connection();
    if (!connection) return { group: null, highlights: [] };
    const { provider, group } = connection;
    const key = `group:${group.id}`;
    const cached = await deps.cache.page(key);
    const own = (await deps.ownRemoteIds?.()) ?? new Set<string>();
    const keep = (h: TeamHighlight[]) => h.filter((x) => !own.has(x.remoteId)).reverse(); // newest first
    if (usable(cached, group.id) && !refresh && deps.now() - cached.fetchedAt < TEAM_MAX_AGE_MS) {
      return { group: group.name, highlights: keep(cached.highlights), fetchedAt: cached.fetchedAt };
    }
    const answer = await provider.fetchGroupSince(undefined);
    if (!answer.ok) {
      return usable(cached, group.id)
        ? { group: group.name, highlights: keep(cached.highlights), fetchedAt: cached.fetchedAt, error: answer.error }
        : { group: group.name, highlights: [], error: answer.error };
    }
    const copy: TeamPage = { url: key, uri: '', group: group.id, fetchedAt: deps.now(), highlights: answer.value };
    await deps.cache.putPage(copy);
    return { group: group.name, highlights: keep(copy.highlights), fetchedAt: copy.fetchedAt };
  }

  return {
    group(refresh = false): Promise<TeamView> {
      const key = `group\n${refresh}`;
      const running = inFlight.get(key);
      if (running) return running;
      const work = fetchGroup(refresh).finally(() => inFlight.delete(key));
      inFlight.set(key, work);
      return work;
    },
    /**
     * The team's highlights on the page at `url` (normalised; the cache key), searched on
     * the server by `uri` (the page's canonical address when it has one). Two callers at
     * once share one request.
     */
    forPage(url: string, uri?: string, refresh = false): Promise<TeamView> {
      const key = `${url}\n${uri ?? ''}\n${refresh}`;
      const running = inFlight.get(key);
      if (running) return running;
      const work = fetchPage(url, uri, refresh).finally(() => inFlight.delete(key));
      inFlight.set(key, work);
      return work;
    },
  };
}

export type TeamReader = ReturnType<typeof createTeamReader>;

/**
 * Teammates' figures in the user's Fact shape, so they link with the user's own through
 * the same rules (lib/facts linkFacts), and who wrote each. They are never stored: the
 * highlight id names the annotation (`team:<id>`), which no highlight of the user's has.
 */
export function teamFactsForLinking(highlights: readonly TeamHighlight[]): { facts: Fact[]; authors: Record<string, string> } {
  const facts: Fact[] = [];
  const authors: Record<string, string> = {};
  for (const h of highlights) {
    for (const f of h.facts) {
      const { origin: _origin, remoteId, author, ...fields } = f;
      facts.push({ ...fields, highlightId: `team:${remoteId}` });
      authors[f.id] = author;
    }
  }
  return { facts, authors };
}
