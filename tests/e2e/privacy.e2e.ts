/**
 * The hostile page: its own script (tests/fixtures/privacy/hostile.html) watches and
 * lists everything a page's main world can reach — CSS.highlights and their ranges,
 * style sheets (adopted ones too), every element and attribute (open shadow roots
 * too), computed styles of unknown elements, new globals, the performance timeline,
 * posted messages and events — after the user saved a passage with a note and a tag.
 * It must find no saved passage, no note or tag and nothing naming the extension.
 * What it can still tell is said in the README (Privacy from the page).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchLens, readHighlights, readMentionMarks, settle, type Lens } from './harness';
import { byClass, cardFrame, clickOurs, readCard } from './our-ui';
import { selectWithMouse, squeeze } from './page-text';

const PATH = 'privacy/hostile.html';
const QUOTE = 'Several bloggers said they had moved their paid groups to private chats';
const NOTE = 'source-protected note 4471';
const TAG = 'tagzeta';

interface Probe {
  highlights: Array<{ name: string; ranges: string[] }>;
  sheets: string[];
  markup: string;
  elements: string[];
  childrenOfCustomElements: number[];
  shadowRootsSeen: number;
  computed: string[];
  newGlobals: string[];
  timeline: string[];
  selection: string;
  heard: { messages: string[]; events: string[]; keys: string[] };
}

let lens: Lens;
beforeAll(async () => {
  lens = await launchLens();
});
afterAll(async () => {
  await lens?.close();
});

function storedNotes(url: string): Promise<Array<{ quote: string; note: string; tags: string[] }>> {
  return lens.inWorker(async (pageUrl: string) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('qinglang-lens');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<Array<{ url: string; quote: string; note: string; tags: string[] }>>((resolve, reject) => {
      const request = db.transaction('highlights').objectStore('highlights').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return all.filter((h) => h.url === pageUrl).map(({ quote, note, tags }) => ({ quote, note, tags }));
  }, url);
}

describe('privacy from the page', () => {
  let page: Page;
  let probe: Probe;

  it('saves a passage with a note and a tag, as a user does', async () => {
    page = await lens.openPage(PATH);
    // WXT's own event names hold the extension's id: the page listens for them from now on
    // (and for a copy of ours started later, which a navigation would bring).
    const id = lens.extensionId;
    await page.evaluate(`__listen(${JSON.stringify([`${id}:lens:wxt:content-script-started`, `${id}:lens:wxt:locationchange`])})`);
    expect((await settle(() => readMentionMarks(page), (m) => m.length >= 3)).length).toBeGreaterThanOrEqual(3);

    await selectWithMouse(page, 'Several bloggers', 'private chats');
    await clickOurs(page, byClass('ql-selection-button'));
    // The card opens with focus in its note (in the card's frame): type there, Tab to the
    // tags, Escape to close. The user types once the card is there, as a reader does.
    await readCard(page, (t) => t.includes('Several bloggers'));
    const focused = await settle(async () => (await cardFrame(page)?.evaluate(() => document.activeElement?.localName)) ?? '', (n) => n === 'textarea');
    expect(focused).toBe('textarea');
    await page.keyboard.type(NOTE);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TAG);
    await page.keyboard.press('Escape');
    const url = lens.server.url(PATH);
    const stored = await settle(() => storedNotes(url), (all) => all[0]?.note === NOTE && all[0]?.tags.length === 1, 10_000);
    expect(stored).toEqual([{ quote: QUOTE, note: NOTE, tags: [TAG] }]);
    // Drawn for the user all the same.
    expect((await settle(() => readHighlights(page, 'saved:'), (h) => h.length === 1)).map((h) => squeeze(h.text))).toEqual([QUOTE]);
    await page.evaluate('window.scrollBy(0, 1)'); // a frame for the overlay and anything else to settle
    await page.waitForTimeout(300);
    probe = (await page.evaluate('__probe()')) as Probe;
  });

  it('finds nothing that names the extension, anywhere', () => {
    const everything = JSON.stringify(probe).toLowerCase();
    expect(everything).not.toContain('qinglang');
    expect(everything).not.toContain(lens.extensionId);
    expect(everything).not.toContain('chrome-extension:');
    expect(probe.highlights.map((h) => h.name).filter((n) => !/^[a-z]+$/.test(n))).toEqual([]);
  });

  it('finds neither the note nor the tag', () => {
    const everything = JSON.stringify(probe);
    expect(everything).not.toContain(NOTE);
    expect(everything).not.toContain(TAG);
  });

  it('cannot tell which passage was saved from CSS.highlights, the style sheets or the DOM', () => {
    // Mentions are painted where the page can see them (they follow from its own text);
    // no highlight holds the saved passage, and no other text of it.
    expect(probe.highlights.length).toBeGreaterThan(0);
    for (const { ranges } of probe.highlights) {
      for (const text of ranges) expect(squeeze(text).includes('bloggers')).toBe(false);
    }
    for (const sheet of probe.sheets) expect(sheet).not.toContain('bloggers');
    // The passage's words appear once in the markup: in the page's own paragraph.
    expect(probe.markup.indexOf('Several bloggers')).toBe(probe.markup.lastIndexOf('Several bloggers'));
    // Our hosts are elements with nothing inside that the page can open.
    expect(probe.childrenOfCustomElements.every((n) => n === 0)).toBe(true);
    expect(probe.shadowRootsSeen).toBe(0);
    expect(probe.selection).toBe('');
  });

  it('hears none of the keys typed into the card: its fields are in a frame of the extension', () => {
    // The user typed the note and the tag, pressed Tab and Escape, all inside the card. Only
    // Escape's release reaches the page: it closed the card, and focus was back in the page.
    // (A check per character of the note would trip on Escape's own name, which holds some.)
    expect(probe.heard.keys.filter((k) => k !== 'keyup Escape ')).toEqual([]);
  });

  it('hears no message or event of ours, and finds no global or timeline entry', () => {
    expect(probe.heard.messages).toEqual([]);
    expect(probe.heard.events.filter((e) => e.includes(':wxt:'))).toEqual([]);
    expect(probe.newGlobals).toEqual([]);
    expect(probe.timeline.filter((e) => /lens|qinglang|mention|scan/i.test(e))).toEqual([]);
  });

  it('reads nothing of the user in the computed styles of our elements', () => {
    for (const style of probe.computed) {
      expect(style).not.toContain(NOTE);
      expect(style.toLowerCase()).not.toContain('qinglang');
    }
  });
});
