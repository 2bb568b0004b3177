/**
 * The messages between the content script, the background and the extension pages,
 * declared once. Each entry of MessageMap names a message type, what it carries and
 * what its answer is. To add messages, add entries (here, or from your own module:
 * `declare module '…/lib/messages' { interface MessageMap { 'x/y': {…} } }`), never
 * change the meaning of an existing one.
 */
import type { EntityId } from '../types';

/** How many mentions a page has, in all and per entity. */
export interface MentionCount {
  total: number;
  /** Only entities with at least one mention appear. */
  byEntity: Partial<Record<EntityId, number>>;
}

/** A page's mentions as its content script last counted them. */
export interface PageMentions extends MentionCount {
  /** The page's address when it was counted (in-page navigation changes it). */
  url: string;
}

export interface MessageMap {
  /** Content script → background: the mentions on the page changed (or were counted anew). */
  'mentions/changed': { request: PageMentions; reply: void };
  /** Background or popup → content script (tabs.sendMessage): the mentions now on the page. */
  'mentions/report': { request: Record<never, never>; reply: PageMentions };
  /** Popup → background: the mentions a tab last reported, or null if none did. */
  'mentions/of-tab': { request: { tabId: number }; reply: PageMentions | null };
  /**
   * Popup → content script (tabs.sendMessage, top frame): scroll to the next mention of
   * `entity` after the one shown last (wrapping round to the first) and flash it.
   */
  'mentions/reveal': { request: { entity: EntityId }; reply: MentionRevealed };
}

/** Which mention the page now shows: the `index`-th (from 1) of the entity's `total`; `found` false when there are none. */
export interface MentionRevealed {
  found: boolean;
  index: number;
  total: number;
}

export type MessageType = keyof MessageMap;
/** A message of one type (or, without a type argument, any message). */
export type Message<T extends MessageType = MessageType> = { [K in T]: { type: K } & MessageMap[K]['request'] }[T];
/** What a message of type T is answered with. */
export type Reply<T extends MessageType> = MessageMap[T]['reply'];

export { isMessage, checkMessage, type MessageCheck } from './check';
export { createRouter, type Router, type Handler } from './router';
export { createMessenger, type Messenger, type SendMessage } from './messenger';
