import { defineContentScript } from 'wxt/utils/define-content-script';
import { startMentionLens } from './mentions';
import { startHighlights } from './highlights';
import { startFactCandidates, type FactLens } from './facts';
import { highlightAddress, isPartOfTopPage } from './page/frames';

// WXT announces each content script's start to the page's document, as an event whose
// name holds the extension's id (so that a newer copy can stop an older one after an
// update). A page that knows our id could listen for it. Our world's own `document`
// (an expando in the isolated world, which the page never sees) drops that one event
// before WXT sends it; browsers unload an old copy's world on update anyway.
if (typeof document !== 'undefined') {
  const send = document.dispatchEvent.bind(document);
  document.dispatchEvent = (event: Event): boolean => (event.type.endsWith(':wxt:content-script-started') ? true : send(event));
}

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // Same-origin frames are part of the page a reader sees (page/frames.ts decides, at
  // start, which frames it stays in); inline-document and about:blank frames the page writes
  // itself have no address to match, and are taken by their creator's.
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  // WXT would also window.postMessage that start to every script of the page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    if (!isPartOfTopPage()) return;
    startMentionLens(ctx);
    // Highlights need an address to be kept under (see highlightAddress): mentions only elsewhere.
    if (highlightAddress() === undefined) return;
    let facts: FactLens | undefined;
    const highlights = startHighlights(ctx, { factFor: (range) => facts?.candidateFor(range) });
    facts = startFactCandidates(ctx, {
      save: async (range) => (await highlights.saveRange(range)).ok,
      isSaved: (range) => highlights.isSaved(range),
    });
  },
});
