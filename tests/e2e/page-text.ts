/** Reading and pointing at a page's text from a browser test. */
import type { Page } from 'playwright-core';

/** Whitespace folded, as a painted range's toString() is compared with a quote. */
export const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The middle of the first box of a text on the page. */
export function centreOfText(page: Page, needle: string): Promise<{ x: number; y: number }> {
  return page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    throw new Error(`"${text}" is not on the page`);
  }, needle);
}
