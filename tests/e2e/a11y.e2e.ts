/**
 * Accessibility: axe-core on the popup, the library, the options page (light and dark) and
 * the highlight card the content script shows on a page, in the built extension. No
 * serious or critical violation.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, seriousViolationsInClosedShadowRoots } from './axe';
import { launchLens, settle, type Lens } from './harness';
import { centreOfText } from './page-text';
import { highlightSelection, select } from './popup-steps';
import { cardFrame } from './our-ui';

let lens: Lens;
let article: Page;
beforeAll(async () => {
  lens = await launchLens();
  // A saved highlight, so the popup and library have content to check.
  article = await lens.openPage('popup/rumours.html');
  await lens.waitForBadge(article, '4');
  await select(article, 'The Cyberspace Administration', 'May 22.');
  const saved = await highlightSelection(lens, article);
  if (!saved.ok) throw new Error(`could not save a highlight: ${JSON.stringify(saved)}`);
});
afterAll(async () => {
  await lens?.close();
});

async function openReady(path: string, ready: (page: Page) => Promise<boolean>): Promise<Page> {
  const page = await lens.openExtensionPage(path);
  await settle(() => ready(page), Boolean, 10_000);
  return page;
}

describe('accessibility (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no serious or critical violation in the popup, library and options (${scheme})`, async () => {
      const pages = [
        await openReady(`popup.html?tab=${await lens.tabIdOf(article)}`, async (p) =>
          (await p.locator('.popup__main').innerText().catch(() => 'Loading')).includes('Saved here'),
        ),
        await openReady('library.html', async (p) => (await p.locator('.ql-highlight__quote').count()) > 0),
        await openReady('options.html', async (p) => (await p.locator('main').count()) > 0),
      ];
      for (const page of pages) {
        await page.emulateMedia({ colorScheme: scheme });
        expect({ page: new URL(page.url()).pathname, violations: await seriousViolations(page) }).toEqual({
          page: new URL(page.url()).pathname,
          violations: [],
        });
        await page.close();
      }
    }, 120_000);
  }

  it('sees inside a closed shadow root (the check itself bites)', async () => {
    lens.server.put(
      'closed-root.html',
      `<!doctype html><html lang="en"><title>t</title><main><p>Page.</p><nameless-box></nameless-box></main>
       <script>document.querySelector('nameless-box').attachShadow({ mode: 'closed' }).innerHTML = '<button></button>';</script>`,
    );
    const page = await lens.openPage('closed-root.html');
    const checks = await seriousViolationsInClosedShadowRoots(page);
    expect(checks.map((c) => c.host)).toEqual(['nameless-box']);
    expect(checks[0]!.violations.map((v) => v.rule)).toContain('button-name');
    await page.close();
  });

  it('finds no serious or critical violation in the highlight card on the page', async () => {
    await article.bringToFront();
    const at = await centreOfText(article, 'Cyberspace Administration');
    await article.mouse.click(at.x, at.y);
    // The card itself is an extension page framed in our closed root (its fields typed out of
    // the page's hearing): the root holds the titled frame, the frame holds the dialog.
    const frame = await settle(async () => cardFrame(article), (f) => f !== null);
    expect(frame, 'the highlight card did not open').not.toBeNull();
    await settle(() => frame!.evaluate(() => document.querySelectorAll('[role="dialog"] *').length), (n) => n > 5);
    const inFrame = await seriousViolations(frame!);
    const roots = await seriousViolationsInClosedShadowRoots(article);
    expect(roots.length).toBeGreaterThan(0);
    expect(await frame!.evaluate(() => document.querySelectorAll('[role="dialog"] *').length)).toBeGreaterThan(5);
    expect([...inFrame, ...roots.flatMap((c) => c.violations)]).toEqual([]);
  });
});
