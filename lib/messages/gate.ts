/**
 * How the background tells its senders apart, from what the browser says of each
 * (`runtime.MessageSender`). Pure, so the decision is tested as it runs.
 */
import type { SenderContext } from './catalogue';
import type { Gate } from './router';

/** What the gate reads of a `runtime.MessageSender`. */
export interface SenderLike {
  /** The sending extension's id. */
  id?: string;
  /** The sending document's URL: a web page for a content script, ours for an extension page. */
  url?: string;
  /** The tab it came from, if any (an extension page opened in a tab has one too). */
  tab?: { incognito?: boolean };
}

export interface Self {
  /** Our extension's id (`runtime.id`). */
  id: string;
  /** Our pages' origin with a trailing slash (`runtime.getURL('/')`). */
  origin: string;
}

/**
 * The context of a message: one of our pages when its document is ours (whether in the
 * toolbar popup or in a tab), a content script when it came from a tab's web page;
 * nothing of ours when another extension sent it.
 */
export function senderContext(sender: SenderLike, self: Self): SenderContext | null {
  if (sender.id !== self.id) return null;
  if (sender.url !== undefined && sender.url.startsWith(self.origin)) return 'page';
  if (sender.tab !== undefined) return 'content';
  return null;
}

/** The background's gate: contexts by senderContext, private windows by the sender's tab. */
export function extensionGate<S extends SenderLike>(self: Self, privateWriteRefusal: () => Promise<string | null>): Gate<S> {
  return {
    contextOf: (sender) => senderContext(sender, self),
    isPrivate: (sender) => sender.tab?.incognito === true,
    privateWriteRefusal,
  };
}
