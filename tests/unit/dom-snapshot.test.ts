// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ownerBlockAt, readSnapshots, takeBlockSnapshot, takeSnapshot, type TextSnapshot } from '../../lib/dom';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** Every node's slice of the text is exactly that node's data. */
function expectConsistent(s: TextSnapshot): void {
  s.nodes.forEach((node, i) => {
    expect(s.text.slice(s.starts[i], s.ends[i])).toBe(node.data);
  });
  for (const b of s.breaks) expect(s.text[b]).toBe('\n');
}

describe('takeSnapshot', () => {
  it('reads a name split across inline elements as one word', () => {
    const s = takeSnapshot(body('<p>Posts on Sina <b>Wei</b>bo and <a href="https://weibo.com">微<i>信</i></a> were removed.</p>'));
    expect(s.text).toBe('Posts on Sina Weibo and 微信 were removed.');
    expectConsistent(s);
  });

  it('puts a line break between blocks so their words never run together', () => {
    const s = takeSnapshot(body('<h1>CAC</h1><p>Weibo</p><ul><li>抖音</li><li>快手</li></ul><div>WeChat<div>Douyin</div>after</div>'));
    expect(s.text).toBe('CAC\nWeibo\n抖音\n快手\nWeChat\nDouyin\nafter');
    expectConsistent(s);
  });

  it('puts the character the caller asks for between blocks, and records where', () => {
    const s = takeSnapshot(body('<li>Sina</li><li>Weibo<br>CAC</li>'), { blockBreak: '\u001e' });
    expect(s.text).toBe('Sina\u001eWeibo\u001eCAC');
    expect(s.breaks).toEqual([4, 10]);
  });

  it('breaks lines at <br> and between table cells', () => {
    const s = takeSnapshot(body('<p>Wei<br>bo</p><table><tr><td>Kuai</td><td>shou</td></tr></table>'));
    expect(s.text).toBe('Wei\nbo\nKuai\nshou');
  });

  it('keeps the space between two inline elements but drops indentation between blocks', () => {
    const s = takeSnapshot(body('\n  <p>\n    <b>Sina</b> <b>Weibo</b>\n  </p>\n  <p>CAC</p>\n'));
    expect(s.text).toBe('Sina Weibo\nCAC');
    expectConsistent(s);
  });

  it('leaves out scripts, styles, templates, form fields and editable regions', () => {
    const s = takeSnapshot(
      body(
        '<p>seen</p><script>var a = "Weibo";</script><style>.weibo{}</style><noscript>CAC</noscript>' +
          '<template><p>WeChat</p></template><textarea>Douyin</textarea><input value="快手">' +
          '<select><option>清朗</option></select><div contenteditable="true">自媒体</div>' +
          '<div contenteditable="false">kept</div>',
      ),
    );
    expect(s.text).toBe('seen\nkept');
  });

  it('leaves out what markup hides: the hidden attribute and inline display:none', () => {
    const s = takeSnapshot(
      body('<p>one</p><p hidden>Weibo</p><p style="color: red; display: none">CAC</p><p style="visibility:hidden">抖音</p><p>two</p>'),
    );
    expect(s.text).toBe('one\ntwo');
  });

  it('asks an injected check whether an element is hidden', () => {
    const s = takeSnapshot(body('<p class="off">Weibo</p><p>CAC</p>'), { isHidden: (el) => el.classList.contains('off') });
    expect(s.text).toBe('CAC');
  });

  it('skips elements the caller names (our own UI)', () => {
    const s = takeSnapshot(body('<p>CAC</p><qinglang-card>Weibo</qinglang-card>'), { skip: (el) => el.localName === 'qinglang-card' });
    expect(s.text).toBe('CAC');
  });

  it('reads ruby base text without the annotation', () => {
    expect(takeSnapshot(body('<p><ruby>微<rt>wēi</rt>博<rt>bó</rt></ruby></p>')).text).toBe('微博');
  });

  it('records the block each text node belongs to', () => {
    const root = body('<article><p>a <a href="#">b</a></p>c<blockquote>d</blockquote></article>');
    const s = takeSnapshot(root);
    const names = s.nodes.map((_, i) => ownerBlockAt(s, i)?.localName);
    expect(s.nodes.map((n) => n.data)).toEqual(['a ', 'b', 'c', 'd']);
    expect(names).toEqual(['p', 'p', 'article', 'blockquote']);
    expect(s.blocks.map((b) => b.localName)).toEqual(['body', 'article', 'p', 'blockquote']);
  });

  it('reads one block without its nested blocks and lists them', () => {
    body('<div id="d">Cyberspace <i>Administration</i><p>of</p>China<section><p>x</p></section></div>');
    const s = takeBlockSnapshot(document.getElementById('d')!);
    expect(s.text).toBe('Cyberspace Administration\nChina');
    expect(s.nestedBlocks.map((b) => b.localName)).toEqual(['p', 'section']);
    expect(s.blocks.map((b) => b.id)).toEqual(['d']);
  });

  it('gives nothing for a hidden root', () => {
    body('<div id="d" hidden>Weibo</div>');
    expect(takeSnapshot(document.getElementById('d')!).text).toBe('');
  });
});

describe('readSnapshots', () => {
  const html = Array.from({ length: 30 }, (_, i) => `<p>paragraph ${i} about <b>Wei</b>bo</p>`).join('') + '<div>tail<br>end</div>';

  it('cuts the text into pieces at block boundaries only', () => {
    const whole = takeSnapshot(body(html)).text;
    const reader = readSnapshots(document.body);
    const pieces: string[] = [];
    for (let p = reader.next(100); p; p = reader.next(100)) {
      expectConsistent(p);
      expect(p.text.length).toBeGreaterThan(0);
      pieces.push(p.text);
    }
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('\n')).toBe(whole);
    for (const piece of pieces) expect(piece.endsWith('Wei')).toBe(false);
  });

  it('returns null once everything was read', () => {
    const reader = readSnapshots(body('<p>x</p>'));
    expect(reader.next()?.text).toBe('x');
    expect(reader.next()).toBeNull();
  });
});
