import { browser } from 'wxt/browser';
import { contentSender } from '@/lib/messages';

/**
 * The content script's one road to the background: typed by what a content script may
 * send, with a deadline per message and retries while MV3 wakes a stopped service
 * worker. Its answers are Results with a sentence for the user; it never rejects.
 */
export const toBackground = contentSender((message) => browser.runtime.sendMessage(message));
