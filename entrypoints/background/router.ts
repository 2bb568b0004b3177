import type { Browser } from 'wxt/browser';
import { BACKGROUND_ROUTES, createRouter, extensionGate, type Router, type Self, type ToBackground } from '@/lib/messages';
import type { SettingsArea } from '@/lib/settings';
import { privateWriteRefusal } from './private-windows';

export type MessageSender = Browser.runtime.MessageSender;
export type BackgroundRouter = Router<ToBackground, MessageSender>;

/**
 * The background's one router. Before any handler runs it decides, for every message
 * in the catalogue, whether its sender's context may send it (a content script cannot
 * send library messages) and whether a write from a private window is allowed by the
 * user's policy in `settings`: one place, so no handler can forget.
 */
export function createBackgroundRouter(self: Self, settings: SettingsArea): BackgroundRouter {
  return createRouter<ToBackground, MessageSender>(BACKGROUND_ROUTES, extensionGate(self, privateWriteRefusal(settings)));
}
