/**
 * Open tabs keep up with their highlights when they change elsewhere: a highlight saved
 * in one tab appears in another tab of the same page, and a colour change, a delete and
 * an undo made from the library page repaint both tabs, without a reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchLens, readHighlights, settle, type Lens } from './harness';
import { highlightSelection, select } from './popup-steps';

declare const chrome: { runtime: { sendMessage(message: object): Promise<unknown> } };

let lens: Lens;
beforeAll(async () => {
  lens = await launchLens();
});
afterAll(async () => {
  await lens?.close();
});

/** The saved highlights painted on a page, as colour and text. */
const painted = async (page: Page) => (await readHighlights(page, 'saved:')).map((h) => `${h.name}: ${h.text}`);

/** Waits until the page paints exactly `expected`, and returns what it paints. */
const paintedOnceSettled = (page: Page, expected: string[]) =>
  settle(() => painted(page), (now) => JSON.stringify(now) === JSON.stringify(expected), 5_000);

describe('repainting after changes made elsewhere', () => {
  let first: Page;
  let second: Page;
  let library: Page;
  let id: string;
  const QUOTE = 'Users whose accounts were closed can appeal within thirty days';

  /** Sends a write as the library page does (its write client speaks these messages). */
  const fromLibrary = (message: object) => library.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<{ ok: boolean; value?: unknown }>;

  beforeAll(async () => {
    first = await lens.openPage('popup/rumours.html');
    second = await lens.openPage('popup/rumours.html');
    await lens.waitForBadge(first, '4');
    await lens.waitForBadge(second, '4');
    library = await lens.openExtensionPage('library.html');
  });

  it('shows a highlight saved in one tab in another tab of the same page', async () => {
    await select(first, 'Users whose', 'thirty days');
    const saved = await highlightSelection(lens, first);
    expect(saved).toMatchObject({ ok: true, value: { quote: QUOTE } });
    id = saved.value!.id;
    expect(await paintedOnceSettled(second, [`yellow: ${QUOTE}`])).toEqual([`yellow: ${QUOTE}`]);
  });

  it('recolours it in every tab when its colour is changed in the library', async () => {
    expect(await fromLibrary({ type: 'highlights/update', id, edit: { color: 'green' } })).toMatchObject({ ok: true });
    expect(await paintedOnceSettled(first, [`green: ${QUOTE}`])).toEqual([`green: ${QUOTE}`]);
    expect(await paintedOnceSettled(second, [`green: ${QUOTE}`])).toEqual([`green: ${QUOTE}`]);
  });

  it('erases it from every tab when it is deleted in the library, and paints it again on undo', async () => {
    const deleted = await fromLibrary({ type: 'highlights/delete', id });
    expect(deleted).toMatchObject({ ok: true });
    expect(await paintedOnceSettled(first, [])).toEqual([]);
    expect(await paintedOnceSettled(second, [])).toEqual([]);

    expect(await fromLibrary({ type: 'highlights/restore', highlight: deleted.value })).toMatchObject({ ok: true });
    expect(await paintedOnceSettled(first, [`green: ${QUOTE}`])).toEqual([`green: ${QUOTE}`]);
    expect(await paintedOnceSettled(second, [`green: ${QUOTE}`])).toEqual([`green: ${QUOTE}`]);
  });

  it('erases everything from open tabs when the user deletes all their highlights', async () => {
    expect(await fromLibrary({ type: 'library/delete-all' })).toMatchObject({ ok: true });
    expect(await paintedOnceSettled(first, [])).toEqual([]);
    expect(await paintedOnceSettled(second, [])).toEqual([]);
  });
});
