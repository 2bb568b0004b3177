import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchLens, settle, type Lens } from './harness';

let lens: Lens;
beforeAll(async () => {
  lens = await launchLens();
});
afterAll(async () => {
  await lens?.close();
});

// In the page's own world: every range of CSS.highlights (our layers go by random names),
// as text, with whether the shadow root it lies in has a `::highlight()` rule for its
// layer among its adopted sheets (the rules do not cross the shadow boundary).
const READ = `(() => {
  const found = [];
  for (const [layer, highlight] of CSS.highlights) {
    for (const r of highlight) {
      // A range on text just replaced waits for its block's rescan: not a mark on the page.
      if (!r.startContainer.isConnected) continue;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const root = r.startContainer.getRootNode();
      const inShadow = root !== document;
      const styled = inShadow && [...root.adoptedStyleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('::highlight(' + layer + ')')));
      found.push((inShadow ? 'shadow:' : 'page:') + range.toString() + (inShadow && !styled ? ' (unstyled)' : ''));
    }
  }
  return found.sort();
})()`;

const marked = (page: { evaluate(e: string): Promise<unknown> }) => page.evaluate(READ) as Promise<string[]>;

describe('open shadow roots', () => {
  it('marks mentions in open shadow roots (also nested, added and upgraded later), styled in their own scope, and follows changes inside them', async () => {
    lens.server.put(
      'shadow/page.html',
      `<!doctype html><meta charset="utf-8"><title>Shadow</title>
       <script>
         customElements.define('news-card', class extends HTMLElement {
           constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<p>The card names Weibo.</p><inner-note></inner-note><slot></slot>'; }
         });
         customElements.define('inner-note', class extends HTMLElement {
           constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<span>Nested: Douyin</span>'; }
         });
       </script>
       <p>The page names the CAC.</p>
       <news-card>Light text: Kuaishou</news-card>
       <late-card></late-card>
       <div id="plain"></div>
       <script>document.getElementById('plain').attachShadow({ mode: 'open' }).innerHTML = '<p>A plain div root: WeChat</p>';</script>`,
    );
    const page = await lens.openPage('shadow/page.html');
    const first = ['page:CAC', 'page:Kuaishou', 'shadow:Douyin', 'shadow:WeChat', 'shadow:Weibo'];
    expect(await settle(() => marked(page), (m) => m.length >= 5, 10_000)).toEqual(first);
    expect(await lens.waitForBadge(page, '5')).toBe('5');

    // A custom element defined after the first scan upgrades and attaches its root: no
    // mutation of the page's tree, found when the lens looks again in idle time.
    await page.evaluate(`customElements.define('late-card', class extends HTMLElement {
      constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<p>Late: self-media</p>'; }
    })`);
    expect(await settle(() => marked(page), (m) => m.length >= 6, 10_000)).toEqual([...first, 'shadow:self-media'].sort());

    // A change inside a root is read again.
    await page.evaluate(`document.querySelector('news-card').shadowRoot.querySelector('p').textContent = 'Now Qinglang.'`);
    const changed = ['page:CAC', 'page:Kuaishou', 'shadow:Douyin', 'shadow:Qinglang', 'shadow:WeChat', 'shadow:self-media'];
    expect(await settle(() => marked(page), (m) => m.includes('shadow:Qinglang'), 10_000)).toEqual(changed);
    expect(await lens.waitForBadge(page, '6')).toBe('6');

    // A host added later with its root.
    await page.evaluate(`document.body.append(document.createElement('news-card'))`);
    expect(await lens.waitForBadge(page, '8')).toBe('8');
    await page.close();
  });
});
