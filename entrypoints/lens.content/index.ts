import { defineContentScript } from 'wxt/utils/define-content-script';
import './mentions.css';
import { startMentionLens } from './mention-lens';
import { startHighlights } from './highlights';
import { startFactCandidates } from './fact-lens';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    startMentionLens(ctx);
    const highlights = startHighlights(ctx);
    if (highlights) startFactCandidates(ctx, async (range) => (await highlights.saveRange(range)).ok);
  },
});
