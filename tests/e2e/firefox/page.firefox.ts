/**
 * The Firefox build in firefox-esr: marks and the badge on served pages, a highlight saved
 * from a selection and painted again after a reload, and the popup's data for a page.
 * Firefox's WebDriver BiDi reaches only the page's own world, never our content script's,
 * so these specs check what that world can see and what the extension stored: mention
 * layers in CSS.highlights under random names (their texts, and one entity per name),
 * saved passages stored and anchored but absent from CSS.highlights (drawn in a closed
 * overlay the page cannot read).
 * The save goes through the handler the keyboard shortcut reaches (a headless browser
 * cannot press an extension shortcut); the popup is opened as an extension page for a
 * tab (popup.html?tab=<id>), as a test cannot open the toolbar popup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, readPageHighlights, settle, type PageWorldRange } from '../harness';
import { evaluateIn, select, squeeze } from '../page-text';
import { readStoredHighlights } from '../stored';
import { launchFirefoxLens, type FirefoxLens } from './harness';

interface Expected {
  entity: string;
  text: string;
}

const expectedOf = (name: string): Expected[] =>
  JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.expected.json`), 'utf8')) as Expected[];

let lens: FirefoxLens;
beforeAll(async () => {
  lens = await launchFirefoxLens();
});
afterAll(async () => {
  await lens?.close();
});

// Mention layers sit at priority 0 (under saved highlights, over the fact underline at -1):
// besides ranges, the one thing the page's world can tell our layers apart by.
const mentionRanges = async (page: Page): Promise<PageWorldRange[]> =>
  (await readPageHighlights(page)).filter((r) => r.priority === 0);

/**
 * The page's registry without its random names: each range's priority and text, in document
 * order. What a page's script can compare between loads to learn what the user saved.
 */
const registryView = async (page: Page): Promise<string[]> =>
  (await readPageHighlights(page)).map((r) => `${r.priority} ${squeeze(r.text)}`);
const same = (a: string[], b: string[]) => JSON.stringify(a) === JSON.stringify(b);

/** Pairs each layer with the entities of the ranges in it, and each entity with its layers. */
function layersAndEntities(marks: PageWorldRange[], expected: Expected[]) {
  const entitiesOf = new Map<string, Set<string>>();
  const layersOf = new Map<string, Set<string>>();
  marks.forEach((mark, i) => {
    const entity = expected[i]!.entity;
    entitiesOf.set(mark.layer, (entitiesOf.get(mark.layer) ?? new Set()).add(entity));
    layersOf.set(entity, (layersOf.get(entity) ?? new Set()).add(mark.layer));
  });
  return { entitiesOf, layersOf };
}

describe('marks in Firefox', () => {
  for (const fixture of ['english', 'simplified', 'traditional', 'mixed']) {
    it(`marks exactly the mentions a reader sees on the ${fixture} page, one layer per entity under names that say nothing, and counts them on the badge`, async () => {
      const expected = expectedOf(fixture);
      const page = await lens.openPage(`${fixture}.html`);
      const marks = await settle(() => mentionRanges(page), (m) => m.length >= expected.length);
      // The texts, in document order: the same words as the expected mentions.
      expect(marks.map((m) => m.text)).toEqual(expected.map((e) => e.text));
      // Each random name holds one entity's mentions, and each entity one name.
      const { entitiesOf, layersOf } = layersAndEntities(marks, expected);
      for (const entities of entitiesOf.values()) expect([...entities]).toHaveLength(1);
      for (const layers of layersOf.values()) expect(layers.size).toBe(1);
      // The names tell the page nothing: not ours, not an entity's.
      const entityIds = new Set(expected.map((e) => e.entity));
      for (const layer of entitiesOf.keys()) {
        expect(layer).not.toMatch(/qinglang|lens|mention/i);
        expect(entityIds.has(layer)).toBe(false);
      }
      expect(await lens.waitForBadge(page, String(expected.length))).toBe(String(expected.length));
      await page.close();
    });
  }

  it('gives the mention layers new names on every load', async () => {
    const page = await lens.openPage('english.html');
    const expected = expectedOf('english');
    const layers = async () => new Set((await settle(() => mentionRanges(page), (m) => m.length >= expected.length)).map((m) => m.layer));
    const before = await layers();
    expect(before.size).toBe(new Set(expected.map((e) => e.entity)).size);
    await page.reload({ waitUntil: 'load' });
    const after = await layers();
    expect(after.size).toBe(before.size);
    expect([...after].filter((name) => before.has(name))).toEqual([]);
    await page.close();
  });

  it('shows an empty badge on a page without mentions', async () => {
    lens.server.put('plain.html', '<!doctype html><meta charset="utf-8"><p>Nothing about any platform here.</p>');
    const page = await lens.openPage('plain.html');
    expect(await lens.waitForBadge(page, '')).toBe('');
    expect(await mentionRanges(page)).toEqual([]);
    await page.close();
  });
});

describe('highlights and the popup in Firefox', () => {
  const FIGURE =
    'The Cyberspace Administration of China said on Tuesday that Weibo had closed more than 1,200 accounts that spread rumours between March 10 and May 22.';
  let first: Page;
  // The page's registry before anything was saved on it.
  let unsaved: string[];
  let second: Page;

  const storedHere = (path: string) => lens.inExtension(readStoredHighlights, lens.server.url(path));

  it('saves a selected passage and stores it in the extension, leaving the page’s CSS.highlights as it was', async () => {
    first = await lens.openPage('popup/rumours.html');
    // Weibo twice, the CAC and self-media: counted once the content script is listening.
    expect(await lens.waitForBadge(first, '4')).toBe('4');
    // The fact underline (priority -1) covers the figure sentence, saved or not: wait for it.
    unsaved = await settle(() => registryView(first), (v) => v.includes(`-1 ${FIGURE}`));
    expect(unsaved).toEqual([
      '0 Weibo',
      `-1 ${FIGURE}`,
      '0 Cyberspace Administration of China',
      '0 Weibo',
      '0 self-media',
    ]);
    expect(squeeze(await select(first, 'The Cyberspace Administration', 'May 22.'))).toBe(FIGURE);
    expect(await lens.highlightSelection(first)).toMatchObject({ ok: true, value: { quote: FIGURE } });

    const stored = await storedHere('popup/rumours.html');
    expect(stored.map((h) => ({ quote: h.quote, orphaned: h.orphaned }))).toEqual([{ quote: FIGURE, orphaned: false }]);
    // Nothing in the page's registry changed with the save (no saved layer, no gap in the
    // underline): its scripts cannot tell what was saved. Watch for a change a while.
    expect(await settle(() => registryView(first), (v) => !same(v, unsaved), 1_500)).toEqual(unsaved);
  });

  it('anchors it again after a reload — stored, not orphaned — and the page sees the same as before the save', async () => {
    await first.reload({ waitUntil: 'load' });
    expect(await lens.waitForBadge(first, '4')).toBe('4');
    // A passage missing once the page settles (3 s) is stored as orphaned: wait past that.
    await new Promise((r) => setTimeout(r, 4_000));
    const stored = await storedHere('popup/rumours.html');
    expect(stored.map((h) => ({ quote: h.quote, orphaned: h.orphaned }))).toEqual([{ quote: FIGURE, orphaned: false }]);
    expect(await registryView(first)).toEqual(unsaved);
  });

  it('marks a saved passage orphaned when the page no longer has it (the check above can fail)', async () => {
    const PASSAGE = 'The regulator said Douyin had removed 3,400 videos that spread rumours in April.';
    lens.server.put('changing.html', `<!doctype html><meta charset="utf-8"><article><p>Opening words.</p><p>${PASSAGE}</p><p>Closing words.</p></article>`);
    const page = await lens.openPage('changing.html');
    expect(await lens.waitForBadge(page, '1')).toBe('1');
    await select(page, 'The regulator', 'in April.');
    expect(await lens.highlightSelection(page)).toMatchObject({ ok: true, value: { quote: PASSAGE } });
    lens.server.put('changing.html', '<!doctype html><meta charset="utf-8"><article><p>Opening words.</p><p>Closing words.</p></article>');
    await page.reload({ waitUntil: 'load' });
    const stored = await settle(() => storedHere('changing.html'), (h) => h.every((x) => x.orphaned), 10_000);
    expect(stored.map((h) => ({ quote: h.quote, orphaned: h.orphaned }))).toEqual([{ quote: PASSAGE, orphaned: true }]);
    await page.close();
  });

  it('shows, in another page’s popup, the page’s mentions, what was saved there and the fact from the first page', async () => {
    second = await lens.openPage('popup/follow-up.html');
    // Qinglang and Weibo twice each, the CAC once.
    expect(await lens.waitForBadge(second, '5')).toBe('5');
    await select(second, 'Weibo said', 'online rumours.');
    expect(await lens.highlightSelection(second)).toMatchObject({ ok: true });

    const popup = await lens.openExtensionPage(`popup.html?tab=${await lens.tabIdOf(second)}`);
    const read = () =>
      evaluateIn(
        popup,
        () => {
          const section = (heading: string) =>
            [...document.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent?.includes(heading))?.innerText ?? '';
          return {
            main: document.querySelector<HTMLElement>('.popup__main')?.innerText ?? '',
            counts: [...document.querySelectorAll('.ql-entity')].map(
              (b) => `${b.querySelector('.ql-entity__label')?.textContent}: ${b.querySelector('.ql-entity__count')?.textContent}`,
            ),
            saved: section('Saved here'),
            facts: section('Related facts'),
            source: document.querySelector('.ql-fact__source a')?.getAttribute('href') ?? null,
          };
        },
        undefined,
      );
    const view = await settle(read, (v) => v.main !== '' && !v.main.includes('Loading'), 10_000);
    expect(view.counts).toEqual(['Qinglang: 2 mentions', 'Weibo: 2 mentions', 'CAC: 1 mention']);
    expect(view.saved).toContain("Weibo said it would keep working with the CAC on this year's Qinglang campaign");
    expect(view.facts).toContain('1,200 accounts closed');
    expect(view.facts).toContain('2023-03-10 – 2023-05-22');
    expect(view.facts).toContain('Lantern Post');
    expect(view.source).toBe(lens.server.url('popup/rumours.html'));
    await popup.close();
  });

  it('makes no request outside 127.0.0.1 and the extension', () => {
    expect(lens.network.outside).toEqual([]);
  });
});
