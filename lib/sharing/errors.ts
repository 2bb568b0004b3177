import type { SharingError, SharingErrorKind } from './types';

/**
 * What a failed request means to the user. Hypothesis API v1 answers 404 both for a group
 * that does not exist and for one the token may not see, so one sentence covers both.
 */
const SENTENCES: Record<SharingErrorKind, string> = {
  token: 'The sharing server did not accept your API token. Check it in Options → Sharing (tokens can be revoked or regenerated on the server).',
  group: 'The group was not found, or your account may not post to it. Pick the group again in Options → Sharing.',
  'rate-limited': 'The sharing server asked us to slow down. Your highlights wait here and are sent again automatically.',
  server: 'The sharing server had a problem. Your highlights wait here and are sent again automatically.',
  timeout: 'The sharing server did not answer in time. Your highlights wait here and are sent again automatically.',
  offline: 'The sharing server could not be reached (offline, or the connection dropped). Your highlights wait here and are sent again automatically.',
  'invalid-answer': 'The sharing server answered in a way Qinglang Lens does not understand. Is the server address an annotation API (for example https://api.hypothes.is/api)?',
  refused: 'The sharing server refused this highlight.',
};

export function sharingError(kind: SharingErrorKind, extra: Partial<SharingError> = {}): SharingError {
  return { kind, message: SENTENCES[kind], ...extra };
}

/** Failures that go away by themselves: the queue tries again later. The others need the user. */
export function isTransient(error: SharingError): boolean {
  return error.kind === 'rate-limited' || error.kind === 'server' || error.kind === 'timeout' || error.kind === 'offline';
}

/**
 * `Retry-After` is either seconds or an HTTP date (RFC 9110 §10.2.3). Unreadable or
 * absurd values fall back to the queue's own back-off.
 */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) {
    const seconds = Number(trimmed);
    return seconds <= 24 * 3600 ? now + seconds * 1000 : undefined;
  }
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(now, Math.min(at, now + 24 * 3600 * 1000));
}
