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

/** Drags the mouse from the first character of `from` to the last of `to`, as a reader selects. */
export async function selectWithMouse(page: Page, from: string, to: string): Promise<string> {
  const points = await page.evaluate(
    ([first, last]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const boxOf = (needle: string, which: 'first' | 'last') => {
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf(needle);
          if (at < 0) continue;
          const range = document.createRange();
          const offset = which === 'first' ? at : at + needle.length - 1;
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          const rect = range.getBoundingClientRect();
          return { x: which === 'first' ? rect.left + 1 : rect.right - 1, y: rect.top + rect.height / 2 };
        }
        throw new Error(`"${needle}" is not on the page`);
      };
      const start = boxOf(first, 'first');
      walker.currentNode = document.body;
      return { start, end: boxOf(last, 'last') };
    },
    [from, to] as const,
  );
  await page.mouse.move(points.start.x, points.start.y);
  await page.mouse.down();
  await page.mouse.move(points.end.x, points.end.y, { steps: 8 });
  await page.mouse.up();
  return page.evaluate(() => document.getSelection()?.toString() ?? '');
}
