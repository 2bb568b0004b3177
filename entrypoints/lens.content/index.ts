import { defineContentScript } from 'wxt/utils/define-content-script';
import './mentions/mentions.css';
import { startMentionLens } from './mentions';
import { startHighlights } from './highlights';
import { startFactCandidates } from './facts';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    startMentionLens(ctx);
    const highlights = startHighlights(ctx);
    if (highlights) startFactCandidates(ctx, async (range) => (await highlights.saveRange(range)).ok);
  },
});
