/**
 * One sender per context: the only road from a content script or an extension page to
 * the background (and from the background or the popup to a tab). It is typed by its
 * direction's map, so a context cannot name a message it may not send; it gives every
 * request a deadline, sends again while a stopped service worker wakes, and turns
 * every way a request can fail into a Result with a sentence for the user. It never
 * rejects.
 *
 * The transport (`browser.runtime.sendMessage`, or `browser.tabs.sendMessage` bound to
 * a tab) and the clock are handed in, so this stays browser-free.
 */
import { fail, isResult, type Result } from '../result';
import type { CallMap, Deliveries, Message, Reply } from './catalogue';
import { backoffDelay, DEFAULT_BACKOFF, errorMessage, isConnectionLost, isContextGone, type Backoff } from './retry';

export type Transport = (message: unknown) => Promise<unknown>;

export interface Sender<M extends CallMap> {
  send<K extends keyof M & string>(message: Message<M, K>): Promise<Result<Reply<M, K>>>;
}

export interface SenderOptions {
  /**
   * Whether to send again when the receiving end was not there. True towards the
   * background (MV3 stops its worker); false towards a tab, where no content script
   * means none will come.
   */
  retry?: boolean;
  backoff?: Backoff;
  /** Injected so tests need no real time. */
  clock?: Clock;
  /** What to tell the user when the other side is not there at all. */
  unreachable?: string;
}

export interface Clock {
  now(): number;
  /** Resolves after `ms`. */
  sleep(ms: number): Promise<void>;
}

export const REAL_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const BACKGROUND_UNREACHABLE = 'Qinglang Lens could not reach its background. Reload the page (or restart the browser) and try again.';
export const TAB_UNREACHABLE = 'Qinglang Lens is not running on this page. Reload the page and try again.';
const CONTEXT_GONE = 'Qinglang Lens was updated or reloaded since this page opened. Reload the page and try again.';

const TIMED_OUT = Symbol('timed out');

export function createSender<M extends CallMap>(deliveries: Deliveries<M>, transport: Transport, options: SenderOptions = {}): Sender<M> {
  const clock = options.clock ?? REAL_CLOCK;
  const retry = options.retry ?? true;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const unreachable = options.unreachable ?? BACKGROUND_UNREACHABLE;

  async function send(message: { type: string }): Promise<Result<unknown>> {
    const delivery = deliveries[message.type as keyof M];
    const deadline = clock.now() + delivery.timeoutMs;
    const couldNot = (why: string): string => `Could not ${delivery.doing}: ${why}`;
    for (let attempt = 1; ; attempt++) {
      const left = deadline - clock.now();
      let answer: unknown;
      try {
        answer = await Promise.race([transport(message), clock.sleep(left).then(() => TIMED_OUT)]);
      } catch (error) {
        if (isContextGone(error)) return fail('unreachable', couldNot(CONTEXT_GONE));
        const wait = backoffDelay(attempt, backoff);
        if (retry && isConnectionLost(error) && clock.now() + wait < deadline) {
          await clock.sleep(wait);
          continue;
        }
        return fail('unreachable', couldNot(`${unreachable} (${errorMessage(error) || 'no reason given'})`));
      }
      if (answer === TIMED_OUT) return fail('timeout', couldNot(timedOut(delivery.timeoutMs)));
      // No handler answered: an old or broken build, as good as none.
      if (!isResult(answer)) return fail('unreachable', couldNot(unreachable));
      return answer;
    }
  }

  return { send: send as Sender<M>['send'] };
}

function timedOut(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `Qinglang Lens did not answer within ${seconds} seconds. Try again in a moment; if it keeps happening, reload the page or restart the browser.`;
}

