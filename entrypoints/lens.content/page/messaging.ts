import { browser } from 'wxt/browser';
import type { Message, MessageType, Reply } from '@/lib/messages';
import type { UnreachableError } from '@/lib/highlight-service';
import { withRetry } from '@/lib/retry';

/** The answer to a highlight request, or the failure to get one. */
export type Answer<T extends MessageType> = Reply<T> | { ok: false; error: UnreachableError };

/**
 * Sends a request to the background and waits for its answer. MV3 stops an idle
 * service worker; the first message after that may fail to connect or lose its answer,
 * so it is sent again (every highlight request is safe to repeat: saves carry their id).
 * A background that stays unreachable is an answer too, with a sentence for the user.
 */
export async function ask<T extends MessageType>(message: Message<T>): Promise<Answer<T>> {
  let answer: unknown;
  try {
    answer = await withRetry(() => browser.runtime.sendMessage(message));
  } catch (error) {
    return unreachable(error instanceof Error ? error.message : String(error));
  }
  // No listener answered: a background without our handlers (mid-update) is as good as none.
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) return unreachable('no answer');
  return answer as Reply<T>;
}

function unreachable(reason: string): { ok: false; error: UnreachableError } {
  return {
    ok: false,
    error: {
      kind: 'unreachable',
      message: `Qinglang Lens could not reach its storage (${reason}). Reload the page and try again.`,
    },
  };
}
