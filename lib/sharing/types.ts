/**
 * Sharing highlights with a team through an annotation service (Hypothesis today).
 * Everything here is opt-in: nothing in this folder runs, and no request is made, until
 * the user connects a server and grants its host permission.
 */
import type { Fact, Highlight, Selector } from '../types';

/** What the user set in Options → Sharing. The token stays in storage.local: never synced or exported. */
export interface SharingConnection {
  /** API root, e.g. https://api.hypothes.is/api (an institution's own `h` is allowed; https only). */
  serverUrl: string;
  /** Developer API token of the user's account on that server. */
  token: string;
  /** The group shared with. */
  group: { id: string; name: string };
  /** Highlights carrying this tag are shared without asking (empty: share by hand only). */
  autoShareTag?: string;
}

/** A group the user can pick, as the server lists it. */
export interface SharingGroup {
  id: string;
  name: string;
  type: 'private' | 'open' | 'restricted';
}

/** Where one highlight stands with the server, shown beside it. */
export type ShareState =
  | { state: 'shared'; remoteId: string; at: number }
  | { state: 'waiting'; remoteId?: string; attempts: number; nextTry: number; reason?: string }
  | { state: 'failed'; remoteId?: string; reason: string };

/** The part of a highlight that travels; nothing else leaves the machine. */
export type SharedPart = Pick<Highlight, 'id' | 'url' | 'page' | 'selectors' | 'quote' | 'note' | 'tags' | 'entities' | 'facts'>;

/** How a published highlight is found again: the page it is on and the id written into it. */
export interface PublishedRef {
  highlightId: string;
  /** The annotation's `uri`: the page's canonical address, else its normalised one. */
  uri: string;
}

/** The annotation `uri` of a highlight. */
export function annotationUri(highlight: Pick<SharedPart, 'url' | 'page'>): string {
  return highlight.page.canonical ?? highlight.url;
}

/** A teammate's highlight, read back from the server: a read-only copy, never merged into the user's own. */
export interface TeamHighlight {
  /** The server's annotation id. */
  remoteId: string;
  /** acct:name@authority */
  user: string;
  /** What to show for the author. */
  author: string;
  url: string;
  title: string;
  selectors: Selector[];
  quote: string;
  note: string;
  tags: string[];
  /** Figures read back from a Qinglang Lens annotation; none for plain Hypothesis ones. */
  facts: TeamFact[];
  created: string;
  updated: string;
}

/** A teammate's figure: the user's Fact shape, marked as a team source by its origin. */
export type TeamFact = Omit<Fact, 'highlightId' | 'unlinked' | 'origin' | 'corrected'> & { origin: 'team'; remoteId: string; author: string };

/** The operations a sharing service offers; a W3C Web Annotation Protocol server could be added beside Hypothesis. */
export interface SharingProvider {
  publish(highlight: SharedPart): Promise<SharingResult<{ remoteId: string }>>;
  update(remoteId: string, highlight: SharedPart): Promise<SharingResult<{ remoteId: string }>>;
  remove(remoteId: string): Promise<SharingResult<void>>;
  /** Teammates' highlights on one page. */
  fetchForPage(url: string): Promise<SharingResult<TeamHighlight[]>>;
  /** The group's highlights changed after `since` (ISO date-time), oldest first. */
  fetchGroupSince(since: string | undefined): Promise<SharingResult<TeamHighlight[]>>;
  /**
   * Our own annotations for a highlight, oldest first: one when an earlier publish landed
   * but its answer was lost; more when a publish was sent twice on the way (a browser
   * resends a request whose kept-alive connection dropped before the answer, and the
   * server stores both).
   */
  findPublished(ref: PublishedRef): Promise<SharingResult<string[]>>;
}

export type SharingErrorKind = 'token' | 'group' | 'rate-limited' | 'server' | 'timeout' | 'offline' | 'invalid-answer' | 'refused';

export interface SharingError {
  kind: SharingErrorKind;
  /** A sentence for the user; never contains the token. */
  message: string;
  /** For 'rate-limited': when the server said to come back (ms since epoch). */
  retryAt?: number;
}

export type SharingResult<T> = { ok: true; value: T } | { ok: false; error: SharingError };
