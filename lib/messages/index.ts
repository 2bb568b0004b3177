/**
 * The typed message layer: the catalogue of every message (one map per direction), one
 * sender per context (deadline, retry for a stopped service worker, a Result with a
 * sentence for every failure) and the router that decides whether a message may be
 * taken from where it came. See catalogue.ts to add a message.
 */
export {
  BACKGROUND_ROUTES,
  CONTENT_DELIVERIES,
  type CallMap,
  type ContentToBackground,
  type Delivery,
  type Message,
  type PageToBackground,
  type Reply,
  type Route,
  type SenderContext,
  type ToBackground,
  type ToContent,
} from './catalogue';
export type { FrameMentions, MentionCount, MentionRevealed, PageMentions } from './types';
export { checkRequest, createRouter, isMessage, WRONG_CONTEXT, type Gate, type Handler, type Router } from './router';
export {
  BACKGROUND_UNREACHABLE,
  createSender,
  REAL_CLOCK,
  TAB_UNREACHABLE,
  type Clock,
  type Sender,
  type SenderOptions,
  type Transport,
} from './sender';
export { backoffDelay, isConnectionLost, isContextGone } from './retry';
export { fail, ok, isResult, type Failure, type FailureKind, type Result } from '../result';

import { BACKGROUND_ROUTES, CONTENT_DELIVERIES, type ContentToBackground, type PageToBackground, type ToContent } from './catalogue';
import { createSender, TAB_UNREACHABLE, type Sender, type SenderOptions, type Transport } from './sender';

/** The content script's one sender to the background. */
export function contentSender(transport: Transport, options?: SenderOptions): Sender<ContentToBackground> {
  return createSender<ContentToBackground>(BACKGROUND_ROUTES, transport, options);
}

/** An extension page's (popup, library, options) one sender to the background. */
export function pageSender(transport: Transport, options?: SenderOptions): Sender<PageToBackground> {
  return createSender<PageToBackground>(BACKGROUND_ROUTES, transport, options);
}

/**
 * The sender to one tab's content script (from the background or the popup): no retry,
 * since a tab without a content script will not grow one.
 */
export function tabSender(transport: Transport, options?: SenderOptions): Sender<ToContent> {
  return createSender<ToContent>(CONTENT_DELIVERIES, transport, { retry: false, unreachable: TAB_UNREACHABLE, ...options });
}

export { extensionGate, senderContext, type SenderLike, type Self } from './gate';
export {
  FROM_CARD_FRAME,
  TO_CARD_FRAME,
  isHandshake,
  readCardFrameMessage,
  type CardFrameHandshake,
  type CardFrameMessage,
  type CardHighlight,
  type FromCardFrame,
  type ToCardFrame,
} from './card-frame';
