import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, launchLens, readMentionMarks, settle, type Lens } from './harness';

interface Expected {
  entity: string;
  text: string;
}

const expectedOf = (name: string): Expected[] =>
  JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.expected.json`), 'utf8')) as Expected[];

let lens: Lens;
beforeAll(async () => {
  lens = await launchLens();
});
afterAll(async () => {
  await lens?.close();
});

describe('marks on a loaded page', () => {
  for (const fixture of ['english', 'simplified', 'traditional', 'mixed']) {
    it(`marks exactly the mentions a reader sees on the ${fixture} page, and counts them on the badge`, async () => {
      const expected = expectedOf(fixture);
      const page = await lens.openPage(`${fixture}.html`);
      const marks = await settle(() => readMentionMarks(page), (m) => m.length >= expected.length);
      expect(marks.map(({ name, text }) => ({ entity: name, text }))).toEqual(expected);
      expect(await lens.waitForBadge(page, String(expected.length))).toBe(String(expected.length));
      await page.close();
    });
  }

  it('marks a name split across inline elements as one range over several text nodes', async () => {
    const page = await lens.openPage('english.html');
    const marks = await settle(() => readMentionMarks(page), (m) => m.length > 0);
    const sina = marks.find((m) => m.text === 'Sina Weibo');
    expect(sina).toMatchObject({ name: 'weibo', spansNodes: true });
    const linked = marks.find((m) => m.text === 'Cyberspace Administration of China');
    expect(linked).toMatchObject({ name: 'cac', spansNodes: true });
    await page.close();
  });

  it('leaves the page DOM as it was: no element or attribute of ours', async () => {
    const page = await lens.openPage('simplified.html');
    await settle(() => readMentionMarks(page), (m) => m.length > 0);
    const ours = await page.evaluate(
      `[...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('qinglang') || el.localName === 'mark' || [...el.attributes].some((a) => a.name.includes('qinglang'))).length`,
    );
    expect(ours).toBe(0);
    await page.close();
  });

  it('shows an empty badge on a page without mentions', async () => {
    lens.server.put('plain.html', '<!doctype html><meta charset="utf-8"><p>Nothing about any platform here.</p>');
    const page = await lens.openPage('plain.html');
    expect(await lens.waitForBadge(page, '')).toBe('');
    expect(await readMentionMarks(page)).toEqual([]);
    await page.close();
  });

  it('makes no request outside 127.0.0.1 and the extension', () => {
    expect(lens.network.outside).toEqual([]);
  });
});
