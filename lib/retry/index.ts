/**
 * Retrying a message to the background when MV3 stopped its service worker between
 * two messages. The browser wakes the worker for the next message, so a second try
 * usually lands; the first one fails with one of a few well-known errors.
 */

/** How long to wait before each retry, and how many tries in all. */
export interface RetryOptions {
  /** Tries in all, the first one included. */
  attempts: number;
  /** Delay before the first retry, doubled for each later one. */
  baseDelayMs: number;
  /** Never wait longer than this between two tries. */
  maxDelayMs: number;
  /** Which failures are worth another try. */
  isRetryable: (error: unknown) => boolean;
  /** Injected so tests need no real timers. */
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryOptions = {
  attempts: 5,
  baseDelayMs: 100,
  maxDelayMs: 2000,
  isRetryable: (error) => isConnectionLost(error),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

// What Chromium and Firefox say when the receiving end went away: the worker was
// stopped, not started yet, or stopped while our message was in flight.
const CONNECTION_LOST = [
  /could not establish connection/i,
  /receiving end does not exist/i,
  /port closed/i,
  /message channel closed/i,
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

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    return error.message;
  }
  return '';
}

/** The delay before retry number `retry` (1 for the first retry). */
export function backoffDelay(retry: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
}

/**
 * Calls `send` until it resolves, retrying only the failures `isRetryable` accepts.
 * The last error is rethrown unchanged, so the caller can tell the user what happened.
 * Only safe for idempotent sends (our saves carry a client-generated id).
 */
export async function withRetry<T>(send: () => Promise<T>, options: Partial<RetryOptions> = {}): Promise<T> {
  const opts: RetryOptions = { ...DEFAULT_RETRY, ...options };
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= opts.attempts || !opts.isRetryable(error)) throw error;
      await opts.sleep(backoffDelay(attempt, opts));
    }
  }
}
