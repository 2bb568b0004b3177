/**
 * Sharing as the background sees it: the user's actions become outbox entries, and
 * `flush` sends what is due, one request at a time, persisting after each so that a
 * stopped service worker resumes where it was. The state each highlight is in (shared,
 * waiting, failed) is derived from the same records the UI reads.
 */
import { enqueue, nextDue, nextWake, retryNow, type BackOff, type OutboxEntry, type OutboxOp } from './outbox';
import { sendEntry } from './send';
import { annotationUri, type ShareState, type SharedPart, type SharingProvider } from './types';

/** Where a highlight was shared: the server's id for it. */
export interface ShareLink {
  highlightId: string;
  remoteId: string;
  /** ms since epoch */
  at: number;
}

/** What sharing keeps between restarts (IndexedDB in the extension, memory in tests). */
export interface SharingStateStore {
  entry(highlightId: string): Promise<OutboxEntry | undefined>;
  entries(): Promise<OutboxEntry[]>;
  putEntry(entry: OutboxEntry): Promise<void>;
  deleteEntry(highlightId: string): Promise<void>;
  link(highlightId: string): Promise<ShareLink | undefined>;
  links(): Promise<ShareLink[]>;
  putLink(link: ShareLink): Promise<void>;
  deleteLink(highlightId: string): Promise<void>;
}

export interface SharingServiceDeps {
  /**
   * The connected provider, or null when the user has not connected or the host
   * permission is not granted (then nothing is sent, ever). Asked at every flush, so a
   * disconnect or a permission taken back in the browser's settings stops the next request.
   */
  provider(): SharingProvider | null | Promise<SharingProvider | null>;
  state: SharingStateStore;
  load(highlightId: string): Promise<SharedPart | undefined>;
  now(): number;
  backOff?: BackOff;
  /** Highlights carrying this tag are shared without asking. */
  autoShareTag?: () => string | undefined;
}

export function createSharingService(deps: SharingServiceDeps) {
  const { state } = deps;
  let flushing: Promise<number | undefined> | null = null;
  let again: Promise<number | undefined> | null = null;

  async function record(op: OutboxOp, highlight: Pick<SharedPart, 'id' | 'url' | 'page'>): Promise<void> {
    const link = await state.link(highlight.id);
    const waiting = await state.entry(highlight.id);
    const next = enqueue(waiting, op, { highlightId: highlight.id, remoteId: link?.remoteId, uri: annotationUri(highlight) }, deps.now());
    if (next) await state.putEntry(next);
    else if (waiting) await state.deleteEntry(highlight.id);
  }

  async function isShared(highlightId: string): Promise<boolean> {
    return (await state.link(highlightId)) !== undefined || (await state.entry(highlightId)) !== undefined;
  }

  const tagged = (h: Pick<SharedPart, 'tags'>) => {
    const tag = deps.autoShareTag?.();
    return tag !== undefined && tag !== '' && h.tags.includes(tag);
  };

  /**
   * One flush at a time. A caller that comes while one runs may have queued what that
   * flush has already read past (a share clicked just after a save started a flush): it
   * gets one more flush after the running one, shared by every such caller, instead of
   * waiting for the next alarm.
   */
  function flush(): Promise<number | undefined> {
    if (!flushing) {
      flushing = flushNow().finally(() => {
        flushing = null;
      });
      return flushing;
    }
    again ??= flushing
      .catch(() => undefined)
      .then(() => {
        again = null;
        return flush();
      });
    return again;
  }

  /** Sends what is due, one at a time; resolves with when to wake next (undefined: nothing waits). */
  async function flushNow(): Promise<number | undefined> {
    const provider = await deps.provider();
    for (;;) {
      const entries = await state.entries();
      if (!provider) return nextWake(entries);
      const due = nextDue(entries, deps.now());
      if (!due) return nextWake(entries);
      const outcome = await sendEntry(due, { provider, load: deps.load, now: deps.now, backOff: deps.backOff });
      if (!outcome.done) {
        await state.putEntry(outcome.entry);
        continue;
      }
      // The user may have acted while the request was out: keep what they asked since.
      const current = await state.entry(due.highlightId);
      const changedMeanwhile = current !== undefined && current.revision !== due.revision;
      if (outcome.remoteId) await state.putLink({ highlightId: due.highlightId, remoteId: outcome.remoteId, at: deps.now() });
      else await state.deleteLink(due.highlightId);
      if (!current && outcome.remoteId && !(await deps.load(due.highlightId))) {
        // Deleted here while its publish was on the way: take the new annotation back.
        const del = enqueue(undefined, 'delete', { highlightId: due.highlightId, remoteId: outcome.remoteId, uri: due.uri }, deps.now());
        if (del) await state.putEntry(del);
      } else if (changedMeanwhile) {
        // A publish that landed becomes an update of what it created; a delete after it still needs the id.
        const op = current.op === 'publish' && outcome.remoteId ? 'update' : current.op;
        await state.putEntry({ ...current, op, remoteId: outcome.remoteId ?? current.remoteId, mayHaveLanded: false });
      }
      else await state.deleteEntry(due.highlightId);
    }
  }

  return {
    /** The user's "Share with <group>". */
    share: (highlight: Pick<SharedPart, 'id' | 'url' | 'page'>) => record('publish', highlight),
    /** A highlight was saved or edited here: follow it if it is shared, share it if it carries the team tag. */
    async changed(highlight: SharedPart): Promise<void> {
      if ((await isShared(highlight.id)) || tagged(highlight)) await record('update', highlight);
    },
    /** A highlight was deleted here: take it back from the group too. */
    async deleted(highlight: Pick<SharedPart, 'id' | 'url' | 'page'>): Promise<void> {
      if (await isShared(highlight.id)) await record('delete', highlight);
    },
    /**
     * A highlight changed here by an import or a fact correction: follow it only if it is
     * shared. Unlike `changed`, the team tag does not share it: restoring a backup must not
     * publish a month of highlights the user never chose to share at that moment.
     * Answers whether it followed (an update now waits to be sent).
     */
    async followIfShared(highlight: Pick<SharedPart, 'id' | 'url' | 'page'>): Promise<boolean> {
      if (!(await isShared(highlight.id))) return false;
      await record('update', highlight);
      return true;
    },
    /**
     * Everything was deleted here and the user chose to take their shared highlights back
     * from the group too: a delete for each one the group has or may have (a publish on
     * its way). Answers how many will be taken back.
     */
    async takeBackAll(): Promise<number> {
      const [entries, links] = await Promise.all([state.entries(), state.links()]);
      const ids = new Set([...links.map((l) => l.highlightId), ...entries.map((e) => e.highlightId)]);
      let count = 0;
      for (const highlightId of ids) {
        const [link, waiting] = await Promise.all([state.link(highlightId), state.entry(highlightId)]);
        const next = enqueue(waiting, 'delete', { highlightId, remoteId: link?.remoteId, uri: waiting?.uri }, deps.now());
        if (next) {
          await state.putEntry(next);
          count++;
        } else if (waiting) await state.deleteEntry(highlightId);
      }
      return count;
    },
    async retry(highlightId: string): Promise<void> {
      const entry = await state.entry(highlightId);
      if (entry) await state.putEntry(retryNow(entry, deps.now()));
    },
    flush,
    async status(highlightId: string): Promise<ShareState | undefined> {
      const [entry, link] = await Promise.all([state.entry(highlightId), state.link(highlightId)]);
      return stateOf(entry, link);
    },
    /** Where every highlight that was ever shared stands, read in two passes (the library lists thousands). */
    async statuses(): Promise<Map<string, ShareState>> {
      const [entries, links] = await Promise.all([state.entries(), state.links()]);
      const byId = new Map(entries.map((e) => [e.highlightId, e]));
      const out = new Map<string, ShareState>();
      for (const link of links) out.set(link.highlightId, stateOf(byId.get(link.highlightId), link)!);
      for (const entry of entries) if (!out.has(entry.highlightId)) out.set(entry.highlightId, stateOf(entry, undefined)!);
      return out;
    },
  };
}

export type SharingService = ReturnType<typeof createSharingService>;

/** What the user sees of one highlight's sharing: failed (needs them), waiting, shared, or nothing. */
function stateOf(entry: OutboxEntry | undefined, link: ShareLink | undefined): ShareState | undefined {
  if (entry?.stopped) return { state: 'failed', remoteId: entry.remoteId ?? link?.remoteId, reason: entry.lastError?.message ?? '' };
  if (entry) return { state: 'waiting', remoteId: entry.remoteId ?? link?.remoteId, attempts: entry.attempts, nextTry: entry.nextTry, reason: entry.lastError?.message };
  if (link) return { state: 'shared', remoteId: link.remoteId, at: link.at };
  return undefined;
}

/** A SharingStateStore in memory, for tests and for a session without IndexedDB. */
export function memorySharingState(): SharingStateStore {
  const entries = new Map<string, OutboxEntry>();
  const links = new Map<string, ShareLink>();
  return {
    entry: async (id) => entries.get(id),
    entries: async () => [...entries.values()],
    putEntry: async (e) => void entries.set(e.highlightId, structuredClone(e)),
    deleteEntry: async (id) => void entries.delete(id),
    link: async (id) => links.get(id),
    links: async () => [...links.values()],
    putLink: async (l) => void links.set(l.highlightId, { ...l }),
    deleteLink: async (id) => void links.delete(id),
  };
}
