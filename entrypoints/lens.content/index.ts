import './mentions.css';
import { startMentionLens } from './mention-lens';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    startMentionLens(ctx);
  },
});
