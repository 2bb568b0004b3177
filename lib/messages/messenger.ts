/**
 * Typed sending over whatever carries messages (`browser.runtime.sendMessage`, or
 * `browser.tabs.sendMessage` bound to a tab), handed in so this stays browser-free.
 */
import type { Message, MessageType, Reply } from './index';

export type SendMessage = (message: unknown) => Promise<unknown>;

export interface Messenger {
  send<T extends MessageType>(message: Message<T>): Promise<Reply<T>>;
}

export function createMessenger(transport: SendMessage): Messenger {
  return {
    // The reply comes from our own extension's handler for T, typed by the same map.
    send: (message) => transport(message) as Promise<never>,
  };
}
