/**
 * Dispatches incoming messages to one handler per type. The receiving side wires it to
 * its runtime (`browser.runtime.onMessage`), passing whatever describes the sender.
 */
import { checkMessage, isMessage } from './check';
import type { Message, MessageType, Reply } from './index';

export type Handler<T extends MessageType, Sender> = (message: Message<T>, sender: Sender) => Reply<T> | Promise<Reply<T>>;

export interface Router<Sender> {
  /** Sets the handler of one message type (one per type: a second `on` for a type is a mistake and throws). */
  on<T extends MessageType>(type: T, handler: Handler<T, Sender>): void;
  /**
   * The reply to `message`, or undefined when this router has no handler for it, so
   * another listener may answer. A malformed message is answered with a rejection.
   */
  dispatch(message: unknown, sender: Sender): Promise<unknown> | undefined;
}

export function createRouter<Sender>(): Router<Sender> {
  const handlers = new Map<string, (message: never, sender: Sender) => unknown>();
  return {
    on(type, handler) {
      if (handlers.has(type)) throw new Error(`a handler for "${type}" is already set`);
      handlers.set(type, handler as (message: never, sender: Sender) => unknown);
    },
    dispatch(message, sender) {
      if (!isMessage(message)) return undefined;
      const handler = handlers.get(message.type);
      if (!handler) return undefined;
      const checked = checkMessage(message, message.type as MessageType);
      if (checked instanceof Error) return Promise.reject(checked);
      try {
        return Promise.resolve(handler(checked as never, sender));
      } catch (err) {
        return Promise.reject(err);
      }
    },
  };
}
