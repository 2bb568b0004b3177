/**
 * Dispatches incoming messages to one handler per type, after deciding whether they may
 * be taken at all. The receiving side wires it to its runtime
 * (`browser.runtime.onMessage`), passing whatever describes the sender; what the
 * sender's context is and whether it is a private window is decided by functions
 * handed in, so this stays browser-free. Every answer is a Result: a refusal or a
 * malformed request is a value with a sentence, never a rejection the sender cannot read.
 */
import * as v from 'valibot';
import { issuePath, issueProblem, mostSpecificIssue } from '../schema/issue-message';
import { fail, type Failure, type Result } from '../result';
import type { CallMap, Delivery, Message, Reply, Route, SenderContext } from './catalogue';

export type Handler<M extends CallMap, K extends keyof M, Sender> = (
  message: Message<M, K>,
  sender: Sender,
) => Result<Reply<M, K>, Failure> | Promise<Result<Reply<M, K>, Failure>>;

export interface Router<M extends CallMap, Sender> {
  /** Sets the handler of one message type (one per type: a second `on` for a type is a mistake and throws). */
  on<K extends keyof M & string>(type: K, handler: Handler<M, K, Sender>): void;
  /**
   * The answer to `message`, or undefined when this router has no handler for it, so
   * another listener may answer.
   */
  dispatch(message: unknown, sender: Sender): Promise<Result<unknown>> | undefined;
}

/** What the background decides about a sender before a handler runs. */
export interface Gate<Sender> {
  /** The context a message came from, or null for one that is none of ours (another extension). */
  contextOf(sender: Sender): SenderContext | null;
  /** Whether the sender is in a private (incognito) window. */
  isPrivate(sender: Sender): boolean;
  /**
   * Null when the user allows storing from private windows, else the sentence that
   * says why not. Asked on every write from a private window, so a changed setting
   * counts at once; a setting that cannot be read must count as "no".
   */
  privateWriteRefusal(): Promise<string | null>;
}

/** Whether `value` has the shape every message shares: an object with a string `type`. */
export function isMessage(value: unknown): value is { type: string } {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export const WRONG_CONTEXT = 'Qinglang Lens only takes this from its own pages (the popup, the library, the options), not from a web page.';

/**
 * The message, with its request checked against its schema, or the failure that says
 * what is wrong with it. Only the fields the schema declares are kept.
 */
export function checkRequest<M extends CallMap, K extends keyof M & string>(
  delivery: Delivery<M[K]['request']>,
  message: { type: K },
): Result<Message<M, K>> {
  const parsed = v.safeParse(delivery.request, message);
  if (parsed.success) return { ok: true, value: { ...(parsed.output as object), type: message.type } as Message<M, K> };
  const issue = mostSpecificIssue(parsed.issues[0]);
  const path = issuePath(issue);
  return fail('invalid', `Could not ${delivery.doing}: the request was malformed (${path || 'the message'} ${issueProblem(issue)}).`);
}

/**
 * A router for `routes`. With a gate (the background), a message is refused when its
 * sender's context is not among its route's `from`, and a write from a private window
 * when the user did not allow those; without one (a content script, which only ever
 * hears from its own extension), only the requests are checked.
 */
export function createRouter<M extends CallMap, Sender>(
  routes: { [K in keyof M]: Delivery<M[K]['request']> | Route<M[K]['request']> },
  gate?: Gate<Sender>,
): Router<M, Sender> {
  const handlers = new Map<string, (message: never, sender: Sender) => unknown>();

  async function admit(route: Delivery<unknown> | Route<unknown>, sender: Sender): Promise<Failure | null> {
    if (!gate || !('from' in route)) return null;
    const context = gate.contextOf(sender);
    if (context === null || !route.from.includes(context)) {
      return { kind: 'refused', message: `Could not ${route.doing}: ${WRONG_CONTEXT}` };
    }
    if (route.writes && gate.isPrivate(sender)) {
      const refusal = await gate.privateWriteRefusal();
      if (refusal !== null) return { kind: 'refused', message: refusal };
    }
    return null;
  }

  return {
    on(type, handler) {
      if (handlers.has(type)) throw new Error(`a handler for "${type}" is already set`);
      handlers.set(type, handler as (message: never, sender: Sender) => unknown);
    },
    dispatch(message, sender) {
      if (!isMessage(message)) return undefined;
      const handler = handlers.get(message.type);
      const route = Object.hasOwn(routes, message.type) ? routes[message.type as keyof M] : undefined;
      if (!handler || !route) return undefined;
      return (async (): Promise<Result<unknown>> => {
        const refused = await admit(route, sender);
        if (refused) return { ok: false, error: refused };
        const checked = checkRequest(route, message as { type: string });
        if (!checked.ok) return checked;
        try {
          return (await handler(checked.value as never, sender)) as Result<unknown>;
        } catch (error) {
          // A handler that throws is a bug; the sender still gets a sentence, and the log the reason.
          console.error(`Qinglang Lens: the handler of "${message.type}" failed:`, error);
          return fail('writes' in route && route.writes ? 'write' : 'read', `Could not ${route.doing}: something went wrong inside Qinglang Lens (${error instanceof Error ? error.message : String(error)}).`);
        }
      })();
    },
  };
}
