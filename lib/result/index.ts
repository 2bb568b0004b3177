/**
 * The one Result type: every operation that can fail in a way the user should hear
 * about (a store call, a message to another context) resolves to one of these, never
 * rejects. The error always carries a kind (what the caller may do about it) and a
 * sentence for the user.
 */

/** Success with a value, or failure with an error. */
export type Result<T, E = Failure> = { ok: true; value: T } | { ok: false; error: E };

/** Why something failed, and a sentence saying so to the user. */
export interface Failure<K extends string = FailureKind> {
  kind: K;
  /** A whole sentence for the user: what failed and what to do. */
  message: string;
}

/**
 * Every kind of failure, by where it arises:
 * - the store: 'quota' (disk full), 'write', 'read', 'not-found', 'invalid' (data that
 *   cannot be stored as given), 'open' (the database cannot be opened), 'deleted' (a
 *   copy of a highlight deleted here after the copy was made: never brought back);
 * - the messages: 'unreachable' (no background, or one without a handler), 'timeout'
 *   (no answer in time), 'refused' (not allowed from where it was asked: a web page's
 *   content script asking for a library action, a write from a private window);
 * - the page: 'no-selection' (nothing selected to highlight).
 */
export type FailureKind =
  | 'quota'
  | 'write'
  | 'read'
  | 'not-found'
  | 'invalid'
  | 'open'
  | 'deleted'
  | 'unreachable'
  | 'timeout'
  | 'refused'
  | 'no-selection';

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const fail = <K extends FailureKind>(kind: K, message: string): { ok: false; error: Failure<K> } => ({
  ok: false,
  error: { kind, message },
});

/** Whether a value that crossed a message boundary is shaped like a Result. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as { ok?: unknown; error?: unknown };
  if (r.ok === true) return 'value' in r || Object.keys(r).length === 1;
  return (
    r.ok === false &&
    typeof r.error === 'object' &&
    r.error !== null &&
    typeof (r.error as { message?: unknown }).message === 'string'
  );
}
