/** Reading and pointing at a page's text from a browser test, in Chromium or Firefox. */
import type { Page } from 'playwright-core';

/**
 * A page that evaluates an expression in its main world: a playwright Page (Chromium) or a
 * puppeteer Page (Firefox). Page-side helpers go through source text, so one helper serves
 * both browsers.
 */
export interface Evaluates {
  evaluate(expression: string): Promise<unknown>;
}

/**
 * Runs `fn(arg)` in the page. `fn` is sent as its source text, so it sees only its argument
 * and the page's globals; `arg` and the result are plain JSON values.
 */
export function evaluateIn<A, R>(page: Evaluates, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return page.evaluate(`(${fn.toString()})(${JSON.stringify(arg)})`) as Promise<R>;
}

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

/** Selects the text from `first` to the end of `last` (both within the page's text) as a reader would. */
export function select(page: Evaluates, first: string, last: string): Promise<string> {
  return evaluateIn(
    page,
    ([from, to]: readonly [string, string]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let start: [Node, number] | undefined;
      let end: [Node, number] | undefined;
      for (let node = walker.nextNode(); node && !end; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        if (!start && text.includes(from)) start = [node, text.indexOf(from)];
        if (start && text.includes(to)) end = [node, text.indexOf(to) + to.length];
      }
      if (!start || !end) throw new Error(`"${from}" … "${to}" is not on the page`);
      const range = document.createRange();
      range.setStart(...start);
      range.setEnd(...end);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    },
    [first, last] as const,
  );
}
