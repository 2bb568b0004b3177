/**
 * The library in the Firefox build: highlights saved on two pages are listed, exported as
 * JSON-LD, Markdown and CSV through Firefox's own downloads, and the JSON is imported into
 * a fresh Firefox profile, where the same highlights are found again (and not twice).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settle } from '../harness';
import { evaluateIn, select } from '../page-text';
import { launchFirefoxLens, type FirefoxLens } from './harness';

const FIGURE =
  'The Cyberspace Administration of China said on Tuesday that Weibo had closed more than 1,200 accounts that spread rumours between March 10 and May 22.';
const PASSAGE = "Weibo said it would keep working with the CAC on this year's Qinglang campaign against online rumours.";

let lens: FirefoxLens;
beforeAll(async () => {
  lens = await launchFirefoxLens();
});
afterAll(async () => {
  await lens?.close();
});

const quotesOn = (library: Page) =>
  evaluateIn(library, () => [...document.querySelectorAll<HTMLElement>('.ql-highlight__quote')].map((q) => q.innerText), undefined);

async function openLibrary(target: FirefoxLens): Promise<Page> {
  const library = await target.openExtensionPage('library.html');
  await settle(() => evaluateIn(library, () => document.querySelector('.library__body') !== null, undefined), Boolean);
  return library;
}

/** Clicks, with the mouse, the button whose text is `name`. */
async function clickButton(page: Page, name: string): Promise<void> {
  for (const button of await page.$$('button')) {
    if ((await button.evaluate((b) => b.textContent?.trim())) === name) {
      await button.click();
      return;
    }
  }
  throw new Error(`no button "${name}" on ${await evaluateIn(page, () => location.href, undefined)}`);
}

/** Clicks an export button and returns the file Firefox saved, once it is complete. */
async function exportAs(library: Page, button: string, extension: string): Promise<{ name: string; text: string }> {
  const before = new Set(readdirSync(lens.downloadsDir));
  await clickButton(library, button);
  // Firefox first makes an empty file of the final name and writes into `<name>.part`
  // beside it, which it renames over the empty one when the download is complete.
  const done = () => {
    const files = readdirSync(lens.downloadsDir);
    if (files.some((f) => f.endsWith('.part'))) return [];
    return files.filter((f) => !before.has(f) && f.endsWith(extension) && statSync(join(lens.downloadsDir, f)).size > 0);
  };
  const [name] = await settle(async () => done(), (files) => files.length > 0, 10_000);
  if (!name) throw new Error(`no ${extension} file downloaded after clicking "${button}"`);
  return { name, text: readFileSync(join(lens.downloadsDir, name), 'utf8') };
}

/** What the import panel reports once the import is over and its report differs from `previous`. */
function importOutcome(library: Page, previous = ''): Promise<string> {
  return settle(
    () =>
      evaluateIn(
        library,
        () =>
          [...document.querySelectorAll<HTMLElement>('.ql-transfer [role="status"], .ql-transfer [role="alert"]')]
            .map((n) => n.innerText.trim())
            .find((t) => t !== '' && !t.includes('Working')) ?? '',
        undefined,
      ),
    (text) => text !== '' && text !== previous,
    10_000,
  );
}

describe('the library in Firefox', () => {
  let library: Page;
  let json: { name: string; text: string };

  it('lists highlights saved on two pages, newest first', async () => {
    const first = await lens.openPage('popup/rumours.html');
    expect(await lens.waitForBadge(first, '4')).toBe('4');
    await select(first, 'The Cyberspace Administration', 'May 22.');
    expect(await lens.highlightSelection(first)).toMatchObject({ ok: true });
    const second = await lens.openPage('popup/follow-up.html');
    expect(await lens.waitForBadge(second, '5')).toBe('5');
    await select(second, 'Weibo said', 'online rumours.');
    expect(await lens.highlightSelection(second)).toMatchObject({ ok: true });

    library = await openLibrary(lens);
    expect(await settle(() => quotesOn(library), (q) => q.length === 2)).toEqual([PASSAGE, FIGURE]);
  });

  it('exports W3C Web Annotations, Markdown and CSV as files Firefox downloads', async () => {
    json = await exportAs(library, 'JSON (Web Annotation)', '.jsonld');
    expect(json.name).toMatch(/^qinglang-lens-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const doc = JSON.parse(json.text) as { type: string; total: number; first: { items: Array<Record<string, unknown>> } };
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(2);
    const figure = doc.first.items.find((a) => JSON.stringify(a).includes('1,200 accounts'))!;
    const target = figure.target as { source: string; selector: Array<{ type: string; exact?: string }> };
    expect(target.source).toBe(lens.server.url('popup/rumours.html'));
    expect(target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact).toBe(FIGURE);

    // Two pages: one note per page, in a .zip of stored (uncompressed) entries, so each
    // note's text reads straight out of the archive.
    const md = await exportAs(library, 'Markdown', '.md.zip');
    expect(md.text.startsWith('PK\u0003\u0004')).toBe(true);
    expect(md.text).toContain(`> ${FIGURE}`);
    expect(md.text).toContain(`> ${PASSAGE}`);
    expect(md.text).toContain(lens.server.url('popup/rumours.html'));

    const csv = await exportAs(library, 'CSV: one row per highlight', '.csv');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain(FIGURE);
  });

  describe('in a fresh profile', () => {
    let fresh: FirefoxLens;
    // A second Firefox, started in a hook: on a loaded machine starting one takes long.
    beforeAll(async () => {
      fresh = await launchFirefoxLens();
    });
    afterAll(async () => {
      await fresh?.close();
    });

    it('imports the JSON and finds the same highlights there, once', async () => {
      const file = join(lens.downloadsDir, json.name);
      const empty = await openLibrary(fresh);
      expect(await evaluateIn(empty, () => document.querySelector<HTMLElement>('.library__panel')?.innerText ?? '', undefined)).toContain(
        'No highlights yet.',
      );
      const input = (await empty.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(file);
      const added = await importOutcome(empty);
      expect(added).toBe('Import finished: 2 added, 0 updated, 0 skipped.');
      expect(await settle(() => quotesOn(empty), (q) => q.length === 2)).toEqual([PASSAGE, FIGURE]);
      // And again: nothing is duplicated.
      await input.uploadFile(file);
      expect(await importOutcome(empty, added)).toBe('Import finished: 0 added, 0 updated, 2 skipped.');
      expect(await quotesOn(empty)).toHaveLength(2);
      expect(fresh.network.outside).toEqual([]);
    });
  });

  it('makes no request outside 127.0.0.1 and the extension', () => {
    expect(lens.network.outside).toEqual([]);
  });
});
