import type { Browser } from 'wxt/browser';
import { createRouter } from '@/lib/messages';
import { registerTabMentions } from './tab-mentions';

// One router for every message the background answers; each feature registers its own.
export default defineBackground(() => {
  const router = createRouter<Browser.runtime.MessageSender>();
  registerTabMentions(router);
  browser.runtime.onMessage.addListener((message, sender) => router.dispatch(message, sender));
});
