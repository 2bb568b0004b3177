/**
 * Where in the tab this copy of the content script runs. It is injected into every frame
 * (`allFrames`), and stays only in the top frame and in frames of the top page's own
 * origin (embedded articles, live-blog panes, inline-document and about:blank frames the page
 * writes itself); a cross-origin frame (an ad, a video player, another site's widget)
 * is not part of the page the user reads, and it is left at once.
 */

/** Whether this is the tab's top frame. */
export function isTopFrame(win: Window = window): boolean {
  return win === win.top;
}

/** Whether this frame is the top frame or one the top page's origin can reach. */
export function isPartOfTopPage(win: Window = window): boolean {
  if (isTopFrame(win)) return true;
  try {
    // Reading another origin's address throws: the one check every browser agrees on.
    return typeof win.top?.location.href === 'string';
  } catch {
    return false;
  }
}

/**
 * The top document's load time, the same number in every frame of one page load (see
 * FrameMentions.pageLoad): the background sums the frames of this page, and forgets
 * those of a page the tab has left.
 */
export function topPageLoad(win: Window = window): number | undefined {
  try {
    return win.top?.performance.timeOrigin;
  } catch {
    return undefined;
  }
}

/**
 * The address highlights made in this frame are kept under: the frame's own page, for
 * a top frame and for a frame that loads an address of its own. A highlight is anchored
 * in the text of the document it was made in, and that document's address is what
 * loads the same text again (wherever it is embedded, and in the library's link); kept
 * under the top page, the top frame's restorer would look for it in the wrong text and
 * flag it as missing. A frame with no address of its own (an inline document, about:blank, blob:)
 * has nothing that would bring its text back: undefined, and no highlights there.
 */
export function highlightAddress(loc: Pick<Location, 'href' | 'protocol'> = location): string | undefined {
  return /^(?:https?|file):$/.test(loc.protocol) ? loc.href : undefined;
}

/**
 * The address of the page the reader sees (the top frame's): which sites the user has
 * the lens on for is decided by it, in every frame of the page.
 */
export function topAddress(win: Window = window): string {
  try {
    return win.top?.location.href ?? win.location.href;
  } catch {
    return win.location.href;
  }
}
