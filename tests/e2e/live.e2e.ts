import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchLens, readMentionMarks, settle, type Lens } from './harness';

let lens: Lens;
beforeAll(async () => {
  lens = await launchLens({ backForwardCache: true });
});
afterAll(async () => {
  await lens?.close();
});

const texts = async (page: Parameters<typeof readMentionMarks>[0]) => (await readMentionMarks(page)).map((m) => `${m.name}:${m.text}`);

describe('a page that changes after it loaded', () => {
  it('marks a paragraph appended after load, and the badge follows', async () => {
    const page = await lens.openPage('mixed.html');
    const before = await settle(() => texts(page), (t) => t.length > 0);
    await page.evaluate(`{
      const p = document.createElement('p');
      p.textContent = 'Later that day Kuaishou and 微博 answered.';
      document.body.append(p);
    }`);
    const after = await settle(() => texts(page), (t) => t.length === before.length + 2);
    expect(after).toEqual([...before, 'kuaishou:Kuaishou', 'weibo:微博']);
    expect(await lens.waitForBadge(page, String(before.length + 2))).toBe(String(before.length + 2));
    await page.close();
  });

  it('marks text added inside an existing paragraph and text typed into a node', async () => {
    const page = await lens.openPage('mixed.html');
    const before = await settle(() => texts(page), (t) => t.length > 0);
    await page.evaluate(`{
      const last = document.querySelectorAll('#story p')[3];
      last.append(' He later joined WeChat.');
      last.firstChild.data = 'Qin Lang, a reporter on Douyin,';
    }`);
    const after = await settle(() => texts(page), (t) => t.length === before.length + 2);
    expect([...after].sort()).toEqual([...before, 'douyin:Douyin', 'wechat:WeChat'].sort());
    await page.close();
  });

  it('lowers the count when content with mentions is removed', async () => {
    const page = await lens.openPage('simplified.html');
    const before = await settle(() => texts(page), (t) => t.length > 0);
    // The second paragraph holds 国家网信办, 自媒体, 微信, 微博, 抖音 and 快手.
    await page.evaluate(`document.querySelectorAll('main p')[0].remove()`);
    const after = await settle(() => texts(page), (t) => t.length === before.length - 6);
    expect(after).toEqual(['cac:国家网信办', 'qinglang:清朗', 'weibo:新浪微博']);
    expect(await lens.waitForBadge(page, '3')).toBe('3');
    await page.close();
  });

  it('drops a mention whose text is edited away', async () => {
    const page = await lens.openPage('mixed.html');
    const before = await settle(() => texts(page), (t) => t.length > 0);
    await page.evaluate(`document.querySelector('#story i').firstChild.data = 'Bili'`);
    const after = await settle(() => texts(page), (t) => t.length === before.length - 1);
    expect(after).not.toContain('kuaishou:Kuaishou');
    expect(await lens.waitForBadge(page, String(before.length - 1))).toBe(String(before.length - 1));
    await page.close();
  });

  it('follows in-page navigation: new address, new content, new count', async () => {
    const page = await lens.openPage('english.html');
    await lens.waitForBadge(page, '10');
    await page.evaluate(`{
      history.pushState({}, '', '/next-story');
      document.querySelector('article').replaceChildren();
      const p = document.createElement('p');
      p.textContent = 'Next story: Douyin and 快手 face new rules.';
      document.querySelector('article').append(p);
    }`);
    expect(await lens.waitForBadge(page, '2')).toBe('2');
    expect(await texts(page)).toEqual(['douyin:Douyin', 'kuaishou:快手']);
    await page.close();
  });

  it('shows the count again when a page comes back from the back/forward cache', async () => {
    const page = await lens.openPage('traditional.html');
    expect(await lens.waitForBadge(page, '7')).toBe('7');
    // Test-side marker in the page's own world: set only if this very document is shown again.
    await page.evaluate(`addEventListener('pageshow', (event) => { window.restoredFromCache = event.persisted; })`);
    await page.goto(lens.server.url('elsewhere.html'));
    expect(await lens.waitForBadge(page, '1')).toBe('1');
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction('window.restoredFromCache === true', undefined, { timeout: 5_000 });
    expect(await lens.waitForBadge(page, '7')).toBe('7');
    await page.close();
  });

  it('keeps an exact count on a page that changes every millisecond', async () => {
    const page = await lens.openPage('mixed.html');
    const before = await settle(() => texts(page), (t) => t.length > 0);
    // A live ticker rewriting its own line every millisecond, and a live blog adding posts.
    await page.evaluate(`new Promise((done) => {
      const ticker = document.createElement('p');
      document.body.prepend(ticker);
      let n = 0;
      const tick = setInterval(() => { ticker.textContent = 'tick ' + (n++); }, 1);
      let posts = 0;
      const blog = setInterval(() => {
        const p = document.createElement('p');
        p.textContent = 'Update ' + posts + ': the CAC spoke again.';
        document.getElementById('story').append(p);
        if (++posts === 20) { clearInterval(blog); setTimeout(() => { clearInterval(tick); done(); }, 300); }
      }, 50);
    })`);
    const after = await settle(() => texts(page), (t) => t.length === before.length + 20, 8_000);
    expect(after.length).toBe(before.length + 20);
    expect(await lens.waitForBadge(page, String(before.length + 20))).toBe(String(before.length + 20));
    await page.close();
  });

  it('makes no request outside 127.0.0.1 and the extension', () => {
    expect(lens.network.outside).toEqual([]);
  });
});
