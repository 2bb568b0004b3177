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
    // Every copy the group has of it, repeats included, when its page is known; else the one we know.
    let remoteIds = entry.remoteId ? [entry.remoteId] : [];
    if (entry.uri && (entry.mayHaveLanded || entry.remoteId)) {
      const found = await provider.findPublished({ highlightId: entry.highlightId, uri: entry.uri });
      if (!found.ok) return fail(found.error);
      remoteIds = [...new Set([...remoteIds, ...found.value])];
    }
    for (const remoteId of remoteIds) {
      const removed = await provider.remove(remoteId);
      if (!removed.ok) return fail(removed.error);
    }
    return { done: true, remoteId: undefined };
  }

  const highlight = await deps.load(entry.highlightId);
  // Deleted here before it was sent: a delete entry takes over if it ever reached the server.
  if (!highlight) return { done: true, remoteId: entry.remoteId };

  const ref = { highlightId: highlight.id, uri: annotationUri(highlight) };
  let remoteId = entry.remoteId;
  if (!remoteId && entry.mayHaveLanded) {
    const found = await provider.findPublished(ref);
    if (!found.ok) return fail(found.error);
    remoteId = found.value[0];
  }
  const sent = remoteId ? await provider.update(remoteId, highlight) : await provider.publish(highlight);
  if (!sent.ok) return fail(sent.error);
  if (!entry.remoteId) await removeRepeats(provider, ref, sent.value.remoteId);
  return { done: true, remoteId: sent.value.remoteId };
}

/**
 * After a publish, removes any other annotation of ours for the same highlight: the browser
 * may have sent the POST twice (see SharingProvider.findPublished), and the group would show
 * the passage twice. Best effort, one search per publish: the annotation the user asked for
 * exists either way, and a later delete looks for repeats again.
 */
async function removeRepeats(provider: SharingProvider, ref: { highlightId: string; uri: string }, keep: string): Promise<void> {
  const found = await provider.findPublished(ref);
  if (!found.ok) return;
  for (const remoteId of found.value) if (remoteId !== keep) await provider.remove(remoteId);
}
