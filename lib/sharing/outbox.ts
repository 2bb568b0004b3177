/**
 * The outbox: what still has to reach the sharing server, one entry per highlight.
 *
 * It keeps intents, not copies: the highlight is read from the store when its entry is
 * sent, so several edits become one request and a delete cancels a publish that never
 * left. Entries survive restarts (the caller persists them) and are retried with
 * exponential back-off, or when the server said (Retry-After). A failure that needs the
 * user (a rejected token, an unknown group) stops retrying until they ask.
 */
import { isTransient } from './errors';
import type { SharingError } from './types';

export type OutboxOp = 'publish' | 'update' | 'delete';

export interface OutboxEntry {
  highlightId: string;
  op: OutboxOp;
  /** The server's id, once known. */
  remoteId?: string;
  /** The annotation `uri`, kept for a delete whose publish may have landed unanswered (to find it). */
  uri?: string;
  /** Tries so far. */
  attempts: number;
  /** Bumped by every user action, so a send that finishes knows whether the user acted meanwhile. */
  revision: number;
  /** Not before (ms since epoch). */
  nextTry: number;
  /**
   * A publish whose answer never came (timeout, dropped connection, 5xx) may have landed:
   * the next try looks for it before creating another annotation.
   */
  mayHaveLanded?: boolean;
  /** The last failure, for the user; `stopped` when it needs them. */
  lastError?: SharingError;
  stopped?: boolean;
}

export interface BackOff {
  baseMs: number;
  maxMs: number;
  /** 0–1, injected so tests are exact. */
  random: () => number;
}

export const DEFAULT_BACK_OFF: BackOff = { baseMs: 2_000, maxMs: 15 * 60_000, random: Math.random };

/** Which highlight an operation is about: its id, the server id it is known by (if shared), its annotation uri. */
export type OutboxRef = Pick<OutboxEntry, 'highlightId' | 'remoteId' | 'uri'>;

/** The entry for a highlight after the user asks for `op`, given what is already waiting (null: nothing to send). */
export function enqueue(waiting: OutboxEntry | undefined, op: OutboxOp, ref: OutboxRef, now: number): OutboxEntry | null {
  const { highlightId, remoteId, uri } = ref;
  const revision = (waiting?.revision ?? 0) + 1;
  const fresh = (o: OutboxOp, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({ highlightId, op: o, remoteId, uri, attempts: 0, nextTry: now, revision, ...extra });
  if (!waiting) {
    if (op === 'delete' && !remoteId) return null; // never shared: nothing to take back
    if (op === 'publish' && remoteId) return fresh('update');
    return fresh(op);
  }
  const known = waiting.remoteId ?? remoteId;
  switch (op) {
    case 'publish':
    case 'update':
      // A waiting publish stays a publish (it sends the latest text); a waiting delete
      // undone by the user becomes an update of the annotation it was about to remove.
      if (waiting.op === 'publish') return { ...waiting, revision, nextTry: Math.min(waiting.nextTry, now), stopped: false };
      return fresh(known ? 'update' : 'publish', { remoteId: known, mayHaveLanded: waiting.mayHaveLanded });
    case 'delete':
      if (waiting.op === 'publish' && !known && !waiting.mayHaveLanded) return null; // it never left
      return fresh('delete', { remoteId: known, mayHaveLanded: waiting.mayHaveLanded });
  }
}

/** The entry that is due first, if any is due now. */
export function nextDue(entries: readonly OutboxEntry[], now: number): OutboxEntry | undefined {
  let due: OutboxEntry | undefined;
  for (const e of entries) if (!e.stopped && e.nextTry <= now && (!due || e.nextTry < due.nextTry)) due = e;
  return due;
}

/** When the outbox next needs attention (for an alarm), or undefined when nothing waits. */
export function nextWake(entries: readonly OutboxEntry[]): number | undefined {
  let at: number | undefined;
  for (const e of entries) if (!e.stopped && (at === undefined || e.nextTry < at)) at = e.nextTry;
  return at;
}

/** The entry after a failed try: later, with back-off, or stopped until the user acts. */
export function afterFailure(entry: OutboxEntry, error: SharingError, now: number, backOff: BackOff = DEFAULT_BACK_OFF): OutboxEntry {
  const attempts = entry.attempts + 1;
  const ambiguous = entry.op === 'publish' && (error.kind === 'timeout' || error.kind === 'offline' || error.kind === 'server');
  const mayHaveLanded = entry.mayHaveLanded || ambiguous;
  if (!isTransient(error)) return { ...entry, attempts, mayHaveLanded, lastError: error, stopped: true };
  // Full jitter (AWS's name for it): many clients coming back at once do not all knock together.
  const ceiling = Math.min(backOff.maxMs, backOff.baseMs * 2 ** Math.min(attempts - 1, 20));
  const delay = Math.max(backOff.baseMs, Math.round(ceiling * backOff.random()));
  const nextTry = error.retryAt !== undefined ? Math.max(error.retryAt, now) : now + delay;
  return { ...entry, attempts, mayHaveLanded, lastError: error, nextTry, stopped: false };
}

/** The user's "Retry" on a stopped entry. */
export function retryNow(entry: OutboxEntry, now: number): OutboxEntry {
  return { ...entry, stopped: false, nextTry: now };
}
