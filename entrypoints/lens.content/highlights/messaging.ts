import type { ContentToBackground, Message, Reply, Result } from '../../../lib/messages';
import { toBackground } from '../background-sender';

/**
 * Sends a request to the background and waits for its answer (see background-sender):
 * every failure, a stopped worker that never woke or a background that never answered
 * included, is an answer too, with a sentence for the user.
 */
export function ask<K extends keyof ContentToBackground & string>(
  message: Message<ContentToBackground, K>,
): Promise<Result<Reply<ContentToBackground, K>>> {
  return toBackground.send(message);
}
