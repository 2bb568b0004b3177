import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchLens, readMentionMarks, readPageHighlights, settle, type Lens } from './harness';

let lens: Lens;
beforeAll(async () => {
  lens = await launchLens();
});
afterAll(async () => {
  await lens?.close();
});

/** What the page's own script can list of a frame's CSS.highlights: the marked words. */
const markedWordsIn = async (frame: { evaluate(expression: string): Promise<unknown> }) =>
  (await readPageHighlights(frame)).map((r) => r.text);

describe('same-origin frames', () => {
  it('marks mentions inside a same-origin frame and a srcdoc frame, with one badge for the tab', async () => {
    lens.server.put('frames/inner.html', '<!doctype html><meta charset="utf-8"><p>Inside the frame: Weibo and Douyin.</p>');
    lens.server.put(
      'frames/outer.html',
      `<!doctype html><meta charset="utf-8"><title>Frames</title>
       <p>The top page names the CAC.</p>
       <iframe id="same" src="/frames/inner.html"></iframe>
       <iframe id="written" srcdoc="<p>Written by the page: WeChat.</p>"></iframe>`,
    );
    const page = await lens.openPage('frames/outer.html');
    // 1 on the top page, 2 in the frame, 1 in the srcdoc frame: one badge, their sum.
    expect(await lens.waitForBadge(page, '4', 10_000)).toBe('4');
    const top = await readMentionMarks(page);
    expect(top.map((m) => m.text)).toEqual(['CAC']);
    const inner = page.frames().find((f) => f.url().endsWith('/frames/inner.html'))!;
    expect(await settle(() => markedWordsIn(inner), (w) => w.length === 2)).toEqual(['Weibo', 'Douyin']);
    const written = page.frames().find((f) => f.url() === 'about:srcdoc')!;
    expect(await settle(() => markedWordsIn(written), (w) => w.length === 1)).toEqual(['WeChat']);

    // A frame that goes takes its mentions off the badge; the others stay.
    await page.evaluate(`document.getElementById('same').remove()`);
    expect(await lens.waitForBadge(page, '2', 5_000)).toBe('2');
    // A frame that navigates counts what its new page says.
    lens.server.put('frames/other.html', '<!doctype html><meta charset="utf-8"><p>Kuaishou, Kuaishou, Kuaishou.</p>');
    await page.evaluate(`document.getElementById('written').removeAttribute('srcdoc'), document.getElementById('written').src = '/frames/other.html'`);
    expect(await lens.waitForBadge(page, '4', 10_000)).toBe('4');
    await page.close();
  });

  it('leaves a cross-origin frame alone: its words are not the page’s', async () => {
    // localhost and 127.0.0.1 are two origins on one server.
    const port = new URL(lens.server.origin).port;
    lens.server.put('frames/foreign.html', '<!doctype html><meta charset="utf-8"><p>An advert: Weibo Weibo Weibo.</p>');
    lens.server.put(
      'frames/with-foreign.html',
      `<!doctype html><meta charset="utf-8"><p>The CAC spoke.</p><iframe src="http://localhost:${port}/frames/foreign.html"></iframe>`,
    );
    const page = await lens.openPage('frames/with-foreign.html');
    expect(await lens.waitForBadge(page, '1', 10_000)).toBe('1');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await lens.badgeText(await lens.tabIdOf(page))).toBe('1');
    const foreign = page.frames().find((f) => f.url().includes('/frames/foreign.html'))!;
    expect(await markedWordsIn(foreign)).toEqual([]);
    await page.close();
  });

  it('starts the badge afresh when the top page navigates', async () => {
    lens.server.put('frames/next.html', '<!doctype html><meta charset="utf-8"><p>Only Weibo here.</p>');
    const page = await lens.openPage('frames/outer.html');
    expect(await lens.waitForBadge(page, '4', 10_000)).toBe('4');
    await page.goto(lens.server.url('frames/next.html'), { waitUntil: 'load' });
    expect(await lens.waitForBadge(page, '1', 10_000)).toBe('1');
    await page.close();
  });
});
