/**
 * When to send a message again. MV3 stops an idle service worker; the browser wakes it
 * for the next message, but a message sent while it stops fails with one of a few
 * well-known errors, and one whose worker stopped mid-answer loses its answer. Sending
 * it again is safe because every request to the background is idempotent (a save
 * carries its id and time, an edit sets values, a delete of a deleted highlight finds
 * nothing to delete).
 */

/** How long to wait between tries. */
export interface Backoff {
  /** Delay before the first retry, doubled for each later one. */
  baseDelayMs: number;
  /** Never wait longer than this between two tries. */
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseDelayMs: 100, maxDelayMs: 2_000 };

// What Chromium and Firefox say when the receiving end went away: the worker was
// stopped, not started yet, or stopped while our message was in flight.
const CONNECTION_LOST = [
  /could not establish connection/i,
  /receiving end does not exist/i,
  /port closed/i,
  /message channel closed/i,
  /message manager disconnected/i,
];

/**
 * True for the errors a stopped or restarting service worker produces. "Extension
 * context invalidated" is deliberately not one: after an update the old content
 * script can never reach the background again, so retrying would only delay the error.
 */
export function isConnectionLost(error: unknown): boolean {
  const message = errorMessage(error);
  return CONNECTION_LOST.some((pattern) => pattern.test(message));
}

/** The extension was updated, reloaded or removed under this content script: no retry can help. */
export function isContextGone(error: unknown): boolean {
  return /extension context invalidated/i.test(errorMessage(error));
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    return error.message;
  }
  return '';
}

/** The delay before retry number `retry` (1 for the first retry). */
export function backoffDelay(retry: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  return Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** (retry - 1));
}
