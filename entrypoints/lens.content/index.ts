import './mentions.css';
import { startMentionLens } from './mention-lens';
import { startHighlights } from './highlights';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    startMentionLens(ctx);
    startHighlights(ctx);
  },
});
