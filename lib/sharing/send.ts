/**
 * Sending one outbox entry. The highlight is read at send time, so the server gets the
 * latest note, tags and facts; a publish that may have landed unanswered is looked for
 * first, so a retried publish never makes a second annotation.
 */
import { afterFailure, type BackOff, DEFAULT_BACK_OFF, type OutboxEntry } from './outbox';
import { annotationUri, type SharedPart, type SharingError, type SharingProvider } from './types';

export type SendOutcome =
  /** Done: forget the entry; `remoteId` is what the highlight is now known by (undefined after a delete). */
  | { done: true; remoteId: string | undefined }
  /** Not done: keep this entry instead. */
  | { done: false; entry: OutboxEntry; error: SharingError };

export interface SendDeps {
  provider: SharingProvider;
  /** The highlight as it is now, or undefined when it was deleted here. */
  load(highlightId: string): Promise<SharedPart | undefined>;
  now(): number;
  backOff?: BackOff;
}

export async function sendEntry(entry: OutboxEntry, deps: SendDeps): Promise<SendOutcome> {
  const fail = (error: SharingError): SendOutcome => ({
    done: false,
    entry: afterFailure(entry, error, deps.now(), deps.backOff ?? DEFAULT_BACK_OFF),
    error,
  });
  const { provider } = deps;

  if (entry.op === 'delete') {
    let remoteId = entry.remoteId;
    if (!remoteId && entry.mayHaveLanded && entry.uri) {
      const found = await provider.findPublished({ highlightId: entry.highlightId, uri: entry.uri });
      if (!found.ok) return fail(found.error);
      remoteId = found.value?.remoteId;
    }
    if (!remoteId) return { done: true, remoteId: undefined };
    const removed = await provider.remove(remoteId);
    return removed.ok ? { done: true, remoteId: undefined } : fail(removed.error);
  }

  const highlight = await deps.load(entry.highlightId);
  // Deleted here before it was sent: a delete entry takes over if it ever reached the server.
  if (!highlight) return { done: true, remoteId: entry.remoteId };

  let remoteId = entry.remoteId;
  if (!remoteId && entry.mayHaveLanded) {
    const found = await provider.findPublished({ highlightId: highlight.id, uri: annotationUri(highlight) });
    if (!found.ok) return fail(found.error);
    remoteId = found.value?.remoteId;
  }
  const sent = remoteId ? await provider.update(remoteId, highlight) : await provider.publish(highlight);
  if (!sent.ok) return fail(sent.error);
  return { done: true, remoteId: sent.value.remoteId };
}
