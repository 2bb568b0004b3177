/**
 * The README's picture of a marked page: the demo article with its entity marks and one
 * saved highlight, in the built extension (run `npx wxt build` first). A tool for the
 * docs, not a test: `npx tsx scripts/screenshot-demo.ts`.
 */
import { join } from 'node:path';
import { launchLens, ROOT, settle, readMentionMarks, readHighlights } from '../tests/e2e/harness';

// The service worker's own API, where the function passed to inWorker runs.
declare const chrome: { tabs: { sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown> } };

const FROM = 'Between April 1';
const TO = 'banned 4,500 accounts';

const lens = await launchLens({ fixturesDir: join(ROOT, 'demo') });
try {
  const page = await lens.openPage('article.html');
  await page.setViewportSize({ width: 900, height: 1000 });
  await settle(() => readMentionMarks(page), (m) => m.length > 10);
  const tabId = await lens.tabIdOf(page);
  // Select the passage the way a reader does, then save it as the keyboard shortcut would.
  const box = (needle: string, end: boolean) =>
    page.evaluate(([text, atEnd]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        const offset = atEnd ? at + text.length - 1 : at;
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const r = range.getBoundingClientRect();
        return { x: atEnd ? r.right - 1 : r.left + 1, y: r.top + r.height / 2 };
      }
      throw new Error(`"${text}" is not on the page`);
    }, [needle, end] as const);
  const start = await box(FROM, false);
  const stop = await box(TO, true);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(stop.x, stop.y, { steps: 8 });
  await page.mouse.up();
  await lens.inWorker(
    (id: number) => chrome.tabs.sendMessage(id, { type: 'highlights/from-selection', via: 'command' }, { frameId: 0 }),
    tabId,
  );
  await settle(() => readHighlights(page, 'qinglang-saved-'), (h) => h.length > 0);
  await page.evaluate(() => getSelection()?.removeAllRanges());
  await page.mouse.move(5, 5);
  await page.waitForTimeout(300);
  // The shortcut opens the highlight's card: one picture with it, one without.
  const withCard = join(ROOT, 'docs/screenshots/highlight-card.png');
  await page.screenshot({ path: withCard, fullPage: true });
  await page.keyboard.press('Escape');
  await page.mouse.click(880, 980);
  await page.waitForTimeout(300);
  const file = join(ROOT, 'docs/screenshots/demo-page.png');
  await page.screenshot({ path: file, fullPage: true });
  console.log(`wrote ${withCard} and ${file}`);
} finally {
  await lens.close();
}
