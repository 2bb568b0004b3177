import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inContentWorld, launchLens, readMentionMarks, settle, type Lens } from './harness';

/** The storage calls this spec makes in the service worker. */
declare const chrome: { storage: { local: { set(items: object): Promise<void>; clear(): Promise<void> } } };

let lens: Lens;
beforeAll(async () => {
  lens = await launchLens();
});
afterAll(async () => {
  await lens?.close();
});

const setSettings = (items: Record<string, unknown>) => lens.inWorker((i) => chrome.storage.local.set(i), items);
const clearSettings = () => lens.inWorker(() => chrome.storage.local.clear(), undefined);
const texts = async (page: Parameters<typeof readMentionMarks>[0]) => (await readMentionMarks(page)).map((m) => `${m.name}:${m.text}`);

describe('the watch-list', () => {
  it('neither marks nor counts an entity the user turned off, and follows when it is turned back on', async () => {
    await setSettings({ 'settings.disabledEntities': ['douyin'] });
    const page = await lens.openPage('mixed.html');
    const marks = await settle(() => texts(page), (t) => t.length > 0);
    expect(marks.some((m) => m.startsWith('douyin:'))).toBe(false);
    expect(marks).toContain('weibo:Weibo');
    expect(await lens.waitForBadge(page, String(marks.length))).toBe(String(marks.length));
    await setSettings({ 'settings.disabledEntities': [] });
    const again = await settle(() => texts(page), (t) => t.length === marks.length + 2);
    expect(again).toEqual(expect.arrayContaining(['douyin:抖音', 'douyin:Douyin']));
    expect(await lens.waitForBadge(page, String(again.length))).toBe(String(again.length));
    await page.close();
    await clearSettings();
  });

  it('marks and counts the user’s own terms under their own name, in their colour', async () => {
    await setSettings({
      'settings.userTerms': [{ id: 'user-reporter', label: 'Reporter', terms: ['reporter'], color: '#12a594' }],
    });
    const page = await lens.openPage('mixed.html');
    const marks = await settle(() => texts(page), (t) => t.includes('user-reporter:reporter'));
    expect(marks).toContain('user-reporter:reporter');
    expect(await lens.waitForBadge(page, String(marks.length))).toBe(String(marks.length));
    const style: string = await page.evaluate(`[...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join(' ')`);
    // Under this page load's random name for the term, never the term or the product.
    const name = await inContentWorld<string>(page, `globalThis.__lensInspection.names.highlight('mention:user-reporter')`);
    expect(style).toContain(`::highlight(${name})`);
    expect(style).not.toContain('reporter');
    expect(style.toLowerCase()).not.toContain('qinglang');
    expect(style).toContain('rgb(18, 165, 148');
    await page.close();
    await clearSettings();
  });

  it('reads nothing on a site left out of the list of sites, and leaves the badge empty', async () => {
    await setSettings({ 'settings.sites': { mode: 'list', hosts: ['news.example.org'] } });
    const page = await lens.openPage('english.html');
    expect(await lens.waitForBadge(page, '')).toBe('');
    await page.waitForTimeout(500);
    expect(await readMentionMarks(page)).toEqual([]);
    await setSettings({ 'settings.sites': { mode: 'all' } });
    expect(await lens.waitForBadge(page, '10')).toBe('10');
    await page.close();
    await clearSettings();
  });

  it('makes no request outside 127.0.0.1 and the extension', () => {
    expect(lens.network.outside).toEqual([]);
  });
});
