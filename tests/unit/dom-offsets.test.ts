// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { boundsOf, rangeOf, spanOf, takeSnapshot } from '../../lib/dom';

function snapshotOf(html: string) {
  document.body.innerHTML = html;
  return takeSnapshot(document.body);
}

describe('rangeOf', () => {
  it('covers a name split across inline elements from its first to its last letter', () => {
    const s = snapshotOf('<p>On Sina <b>Wei</b>bo today</p>');
    const start = s.text.indexOf('Weibo');
    const range = rangeOf(s, start, start + 5, document)!;
    expect(range.toString()).toBe('Weibo');
    expect(range.startContainer.textContent).toBe('Wei');
    expect(range.endContainer.textContent).toBe('bo today');
  });

  it('starts a range in the node that begins there, not at the end of the one before', () => {
    const s = snapshotOf('<p>by <a href="#">CAC</a> staff</p>');
    const start = s.text.indexOf('CAC');
    const bounds = boundsOf(s, start, start + 3)!;
    expect(bounds.startContainer.textContent).toBe('CAC');
    expect(bounds.startOffset).toBe(0);
    expect(bounds.endContainer.textContent).toBe('CAC');
    expect(bounds.endOffset).toBe(3);
  });

  it('finds the right text in the second of two blocks', () => {
    const s = snapshotOf('<p>网信办</p><p>抖音和快手</p>');
    const start = s.text.indexOf('快手');
    expect(rangeOf(s, start, start + 2, document)!.toString()).toBe('快手');
  });

  it('returns null for offsets outside the text', () => {
    const s = snapshotOf('<p>Weibo</p>');
    expect(boundsOf(s, 2, 99)).toBeNull();
    expect(boundsOf(s, 3, 1)).toBeNull();
  });
});

describe('spanOf', () => {
  it('maps every range made from a span back to that span', () => {
    const s = snapshotOf('<h2>Sina <b>Wei</b>bo</h2><p>The <a href="#">Cyberspace <i>Administration</i></a> of China (CAC)</p><p>清朗<span>行动</span></p>');
    for (let start = 0; start < s.text.length; start++) {
      for (let end = start + 1; end <= s.text.length; end++) {
        // A span that begins or ends on a block break has no single DOM place for that end.
        if (s.breaks.includes(start) || s.breaks.includes(end - 1)) continue;
        const range = rangeOf(s, start, end, document)!;
        expect(spanOf(s, range)).toEqual({ start, end });
      }
    }
  });

  it('reads a range set on elements (a whole paragraph) as that paragraph’s text', () => {
    const s = snapshotOf('<p id="a">First Weibo</p><p id="b">Second <b>WeChat</b></p><p>Third</p>');
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('b')!);
    const span = spanOf(s, range);
    expect(s.text.slice(span.start, span.end)).toBe('Second WeChat');
  });

  it('snaps a range that starts in skipped content to the next text read', () => {
    const s = snapshotOf('<p>one</p><script>var x = 1;</script><p>two Douyin</p>');
    const script = document.querySelector('script')!;
    const range = document.createRange();
    range.setStart(script.firstChild!, 2);
    range.setEnd(document.querySelectorAll('p')[1]!.firstChild!, 3);
    const span = spanOf(s, range);
    expect(s.text.slice(span.start, span.end)).toBe('two');
  });

  it('finds a read node by document order among many, and one moved out of the document by the reading', () => {
    const s = snapshotOf(Array.from({ length: 200 }, (_, i) => `<p>para ${i} on Weibo</p>`).join(''));
    const p = document.querySelectorAll('p');
    const inside = document.createRange();
    inside.setStart(p[137]!.firstChild!, 5);
    inside.setEnd(p[137]!.firstChild!, 8);
    const span = spanOf(s, inside);
    expect(s.text.slice(span.start, span.end)).toBe('137');
    // Moved after it was read: the DOM can no longer order it, the snapshot still knows it.
    const moved = p[42]!.firstChild!;
    document.createElement('div').append(moved);
    const detached = document.createRange();
    detached.setStart(moved, 5);
    detached.setEnd(moved, 7);
    const then = spanOf(s, detached);
    expect(s.text.slice(then.start, then.end)).toBe('42');
  });
});
