import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { extractText, takeSnapshot } from '../../lib/dom';

const ARTICLE = `<!doctype html><html><head><title>Head title is not body text</title>
<style>p { color: red }</style></head>
<body>
  <nav><a href="https://weibo.com/cac">Share</a></nav>
  <article>
    <h1>網信辦 launches <em>Qing</em>lang campaign</h1>
    <p>The Cyberspace Administration of China (CAC) said accounts on
       <a href="https://weibo.com">Weibo</a>, WeChat and 抖音 were closed.<br>A second line.</p>
    <figure><img alt="Douyin logo" src="x.png"><figcaption>自媒體 accounts</figcaption></figure>
    <script>window.tracking = "Kuaishou";</script>
    <div hidden>Kuaishou hidden</div>
    <form><textarea>WeChat draft</textarea></form>
  </article>
</body></html>`;

function linkedomDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

describe('extractText', () => {
  it('reads an .html article as the page shows it: blocks on their own lines, nothing hidden', () => {
    const text = extractText(linkedomDocument(ARTICLE));
    expect(text.split('\n').map((line) => line.trim())).toEqual([
      'Share',
      '網信辦 launches Qinglang campaign',
      'The Cyberspace Administration of China (CAC) said accounts on',
      'Weibo, WeChat and 抖音 were closed.',
      'A second line.',
      '自媒體 accounts',
    ]);
    expect(text).not.toContain('Kuaishou');
    expect(text).not.toContain('draft');
    expect(text).not.toContain('Head title');
  });

  it('gives the same text under linkedom (the scan command) and a browser-like DOM (the page)', () => {
    const window = new Window();
    window.document.write(ARTICLE);
    const inBrowserLike = takeSnapshot(window.document as unknown as Document).text;
    expect(extractText(linkedomDocument(ARTICLE))).toBe(inBrowserLike);
    window.close();
  });

  it('keeps the characters of the source, so offsets index the text as written', () => {
    const text = extractText(linkedomDocument('<p>Sina\u00a0Weibo — “清朗”</p>'));
    expect(text).toBe('Sina\u00a0Weibo — “清朗”');
  });

  it('gives an empty string for a document with no body text', () => {
    expect(extractText(linkedomDocument('<html><head><title>x</title></head><body></body></html>'))).toBe('');
  });
});
