/**
 * Our in-page UI from a test: it lives in closed shadow roots, out of reach of page
 * scripts and of playwright's selectors; the DevTools protocol still sees it.
 */
import type { CDPSession, Frame, Page } from 'playwright-core';
import { settle } from './harness';

export interface UiNode {
  nodeId: number;
  nodeType: number;
  nodeValue?: string;
  attributes?: string[];
  children?: UiNode[];
  shadowRoots?: UiNode[];
}

export type UiMatch = (attribute: (name: string) => string | undefined) => boolean;
export const byClass = (name: string): UiMatch => (attr) => (attr('class') ?? '').split(/\s+/).includes(name);
export const byLabel = (label: string): UiMatch => (attr) => attr('aria-label') === label;

/**
 * An element of our UI. It lives in a closed shadow root, out of reach of page scripts
 * and of playwright's selectors; the DevTools protocol still sees it.
 */
export async function findOurs(cdp: CDPSession, match: UiMatch): Promise<UiNode | null> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: UiNode };
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const attrs = node.attributes ?? [];
    const attribute = (name: string) => {
      for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1];
      return undefined;
    };
    if (node.nodeType === 1 && match(attribute)) return node;
    stack.push(...(node.shadowRoots ?? []), ...(node.children ?? []));
  }
  return null;
}

export function textOf(node: UiNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  return (node.children ?? []).map(textOf).join(' ');
}

export async function centreOf(cdp: CDPSession, node: UiNode): Promise<{ x: number; y: number }> {
  const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as { model: { content: number[] } };
  const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
  return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
}

export async function withCdp<T>(page: Page, work: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await work(cdp);
  } finally {
    await cdp.detach();
  }
}

/** Clicks an element of our UI with the mouse, once it is there. */
export function clickOurs(page: Page, match: UiMatch): Promise<void> {
  return withCdp(page, async (cdp) => {
    const node = await settle(() => findOurs(cdp, match), (n) => n !== null);
    if (!node) throw new Error("the element is not in the extension's UI");
    const at = await centreOf(cdp, node);
    await page.mouse.click(at.x, at.y);
  });
}

/** The text of an element of our UI once `done` accepts it (or the last text seen). */
export function readOurs(page: Page, match: UiMatch, done: (text: string) => boolean): Promise<string> {
  return withCdp(page, (cdp) =>
    settle(
      async () => {
        const node = await findOurs(cdp, match);
        return node ? textOf(node).replace(/\s+/g, ' ').trim() : '';
      },
      done,
    ),
  );
}


/**
 * The frame that holds a saved highlight's card (the extension's card-frame page, framed
 * inside our closed root so the note is typed out of the page's hearing), or null while
 * no card is open. Its document is the extension's own: playwright reaches it directly.
 */
export function cardFrame(page: Page): Frame | null {
  return page.frames().find((f) => f.url().includes('/card-frame.html')) ?? null;
}

/** The open card's text once `done` accepts it ('' while no card is open), waiting at most `timeoutMs` (settle's default). */
export function readCard(page: Page, done: (text: string) => boolean, timeoutMs?: number): Promise<string> {
  return settle(async () => {
    const frame = cardFrame(page);
    if (!frame) return '';
    const text = await frame.evaluate(() => document.querySelector('.ql-card')?.textContent ?? '').catch(() => '');
    return text.replace(/\s+/g, ' ').trim();
  }, done, timeoutMs);
}

/**
 * Resolves once the card frame is as tall as its card and has stayed so for a few reads.
 * While Chromium resizes an out-of-process frame, a click on it may go to the page
 * instead (seen: the page's pointerdown fired, the frame's never did), and playwright's
 * own wait for a still element looks inside the frame, where nothing moved.
 */
export async function cardAtRest(frame: Frame): Promise<void> {
  const seen: number[] = [];
  // What each read saw, for the message when the frame never settles.
  const why: string[] = [];
  const still = await settle(
    async () => {
      const size = await frame
        .evaluate(() => ({ inner: innerHeight, card: Math.ceil(document.body.getBoundingClientRect().height) }))
        .catch((error: unknown) => String(error).split('\n')[0]!);
      why.push(typeof size === 'string' ? size : `frame ${size.inner}, card ${size.card}`);
      seen.push(typeof size !== 'string' && size.card > 0 && size.inner === size.card ? size.inner : -1);
      return seen.slice(-3);
    },
    (last) => last.length === 3 && last[0]! > 0 && last.every((h) => h === last[0]),
  );
  if (still.length < 3 || still[0]! <= 0 || !still.every((h) => h === still[0])) {
    throw new Error(`the card frame never settled to its card's height (${why.slice(-3).join('; ')})`);
  }
}

/** Clicks an element of the open card (a CSS selector inside the card frame), once the card is there and at rest. */
export async function clickInCard(page: Page, selector: string): Promise<void> {
  const frame = await settle(async () => cardFrame(page), (f) => f !== null);
  if (!frame) throw new Error('no card is open');
  await frame.locator(selector).waitFor();
  await cardAtRest(frame);
  await frame.locator(selector).click();
}
