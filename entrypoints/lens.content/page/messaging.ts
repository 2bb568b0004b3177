import { browser } from 'wxt/browser';
import { contentSender, type ContentToBackground, type Message, type Reply, type Result } from '@/lib/messages';

/**
 * The content script's one road to the background: typed by what a content script may
 * send, with a deadline per message and retries while MV3 wakes a stopped service
 * worker. Its answers are Results with a sentence for the user; it never rejects.
 */
export const toBackground = contentSender((message) => browser.runtime.sendMessage(message));

/**
 * Sends a request to the background and waits for its answer: every failure, a stopped
 * worker that never woke or a background that never answered included, is an answer
 * too, with a sentence for the user.
 */
export function ask<K extends keyof ContentToBackground & string>(
  message: Message<ContentToBackground, K>,
): Promise<Result<Reply<ContentToBackground, K>>> {
  return toBackground.send(message);
}
