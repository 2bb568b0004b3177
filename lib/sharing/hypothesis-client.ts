/**
 * The Hypothesis API v1, as far as sharing needs it: the user's groups, creating,
 * updating and deleting annotations, and searching a page or a group. Every request
 * carries the token as a Bearer header and asks for v1 by media type, is bounded in time,
 * and fails with a SharingError whose sentence never contains the token.
 */
import * as v from 'valibot';
import { fromAnnotation, markerId, toAnnotation } from './annotation';
import { parseRetryAfter, sharingError } from './errors';
import { DeleteAnswer, GroupsAnswer, SearchAnswer } from './hypothesis-schema';
import type { PublishedRef, SharedPart, SharingGroup, SharingProvider, SharingResult, TeamHighlight } from './types';

export const MEDIA_TYPE = 'application/vnd.hypothesis.v1+json';
/** The API's largest page (`limit` maximum 200). */
const PAGE_SIZE = 200;
/** A bound on one fetch: 50 pages of 200 is more than a group shares on one page, and stops a server that never ends. */
const MAX_PAGES = 50;

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface HypothesisOptions {
  serverUrl: string;
  token: string;
  groupId: string;
  fetch: Fetch;
  /** Per request. */
  timeoutMs?: number;
  now?: () => number;
}

type Query = Record<string, string | number | undefined>;

export class HypothesisClient implements SharingProvider {
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(private readonly options: HypothesisOptions) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.now = options.now ?? Date.now;
  }

  private async request(method: string, path: string, query: Query = {}, body?: unknown): Promise<SharingResult<unknown>> {
    const url = new URL(`${this.options.serverUrl}${path}`);
    for (const [k, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(k, String(value));
    const headers: Record<string, string> = { Authorization: `Bearer ${this.options.token}`, Accept: MEDIA_TYPE };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await this.options.fetch(url.href, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: abort.signal,
        // The token is the only credential: never send the browser's cookies for that site.
        credentials: 'omit',
        cache: 'no-store',
      });
      text = await response.text();
    } catch {
      return { ok: false, error: sharingError(abort.signal.aborted ? 'timeout' : 'offline') };
    } finally {
      clearTimeout(timer);
    }
    if (response.status === 401 || response.status === 403) return { ok: false, error: sharingError('token') };
    if (response.status === 404) return { ok: false, error: sharingError('group') };
    if (response.status === 429) {
      return { ok: false, error: sharingError('rate-limited', { retryAt: parseRetryAfter(response.headers.get('Retry-After'), this.now()) }) };
    }
    if (response.status >= 500) return { ok: false, error: sharingError('server') };
    if (response.status >= 400) {
      return { ok: false, error: sharingError('refused', { message: `The sharing server refused this highlight: ${reasonOf(text)}` }) };
    }
    try {
      return { ok: true, value: text.length === 0 ? null : JSON.parse(text) };
    } catch {
      return { ok: false, error: sharingError('invalid-answer') };
    }
  }

  /** The groups the token's user belongs to, for the group picker. */
  async groups(): Promise<SharingResult<SharingGroup[]>> {
    const r = await this.request('GET', '/profile/groups');
    if (!r.ok) return r;
    const parsed = v.safeParse(GroupsAnswer, r.value);
    if (!parsed.success) return { ok: false, error: sharingError('invalid-answer') };
    return { ok: true, value: parsed.output.map(({ id, name, type }) => ({ id, name, type })) };
  }

  async publish(highlight: SharedPart): Promise<SharingResult<{ remoteId: string }>> {
    const r = await this.request('POST', '/annotations', {}, toAnnotation(highlight, this.options.groupId));
    return idOf(r);
  }

  async update(remoteId: string, highlight: SharedPart): Promise<SharingResult<{ remoteId: string }>> {
    const { text, tags, target, document } = toAnnotation(highlight, this.options.groupId);
    const r = await this.request('PATCH', `/annotations/${encodeURIComponent(remoteId)}`, {}, { text, tags, target, document });
    return idOf(r);
  }

  async remove(remoteId: string): Promise<SharingResult<void>> {
    const r = await this.request('DELETE', `/annotations/${encodeURIComponent(remoteId)}`);
    // Already gone (deleted by hand on the server, or an earlier try landed): the goal is met.
    if (!r.ok && r.error.kind === 'group') return { ok: true, value: undefined };
    if (!r.ok) return r;
    return v.safeParse(DeleteAnswer, r.value).success ? { ok: true, value: undefined } : { ok: false, error: sharingError('invalid-answer') };
  }

  /** Every row of a search, paged with `search_after` on `updated`, oldest first. */
  private async searchAll(query: Query): Promise<SharingResult<unknown[]>> {
    const rows: unknown[] = [];
    let after: string | undefined = query.search_after as string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const r = await this.request('GET', '/search', {
        ...query,
        group: this.options.groupId,
        sort: 'updated',
        order: 'asc',
        limit: PAGE_SIZE,
        search_after: after,
      });
      if (!r.ok) return r;
      const parsed = v.safeParse(SearchAnswer, r.value);
      if (!parsed.success) return { ok: false, error: sharingError('invalid-answer') };
      rows.push(...parsed.output.rows);
      const last = parsed.output.rows[parsed.output.rows.length - 1] as { updated?: unknown } | undefined;
      if (parsed.output.rows.length < PAGE_SIZE || typeof last?.updated !== 'string') break;
      after = last.updated;
    }
    return { ok: true, value: rows };
  }

  async fetchForPage(url: string): Promise<SharingResult<TeamHighlight[]>> {
    const r = await this.searchAll({ uri: url });
    return r.ok ? { ok: true, value: teamHighlights(r.value) } : r;
  }

  async fetchGroupSince(since: string | undefined): Promise<SharingResult<TeamHighlight[]>> {
    const r = await this.searchAll({ search_after: since });
    return r.ok ? { ok: true, value: teamHighlights(r.value) } : r;
  }

  async findPublished(ref: PublishedRef): Promise<SharingResult<string[]>> {
    const r = await this.searchAll({ uri: ref.uri });
    if (!r.ok) return r;
    const mine = r.value.filter((row) => markerId(row) === ref.highlightId) as Array<{ id: string }>;
    return { ok: true, value: mine.map((row) => row.id) };
  }
}

function idOf(r: SharingResult<unknown>): SharingResult<{ remoteId: string }> {
  if (!r.ok) return r;
  const id = (r.value as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 ? { ok: true, value: { remoteId: id } } : { ok: false, error: sharingError('invalid-answer') };
}

function teamHighlights(rows: unknown[]): TeamHighlight[] {
  return rows.map(fromAnnotation).filter((h): h is TeamHighlight => h !== null);
}

/** The server's own reason (`{"status": "failure", "reason": …}`), shortened; the raw text never. */
function reasonOf(text: string): string {
  try {
    const reason = (JSON.parse(text) as { reason?: unknown }).reason;
    if (typeof reason === 'string' && reason.trim()) return reason.trim().slice(0, 200);
  } catch {
    // fall through
  }
  return 'no reason given.';
}
