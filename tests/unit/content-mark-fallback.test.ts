// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { boundsOf, takeSnapshot } from '../../lib/dom';
import { MarkElementPainter } from '../../entrypoints/lens.content/mentions/mark-fallback';

function paintAll(html: string, words: Array<[string, string]>) {
  document.body.innerHTML = html;
  const original = document.body.textContent;
  const snapshot = takeSnapshot(document.body);
  const painter = new MarkElementPainter(document);
  // Last to first, as the scanner paints into the DOM.
  const spans = words
    .map(([entity, word]) => ({ entity, start: snapshot.text.indexOf(word), end: snapshot.text.indexOf(word) + word.length }))
    .sort((a, b) => b.start - a.start);
  const painted = spans.map((s) => painter.paint(s.entity, boundsOf(snapshot, s.start, s.end)!)!);
  return { painter, painted, original };
}

const markTexts = () => [...document.querySelectorAll('mark')].map((m) => `${m.className}|${m.textContent}`);

describe('the <mark> fallback', () => {
  it('wraps each mention, several in one text node, without changing the text', () => {
    const { original } = paintAll('<p>CAC said Weibo and WeChat comply.</p>', [
      ['cac', 'CAC'],
      ['weibo', 'Weibo'],
      ['wechat', 'WeChat'],
    ]);
    expect(markTexts()).toEqual([
      'qinglang-mention qinglang-mention-cac|CAC',
      'qinglang-mention qinglang-mention-weibo|Weibo',
      'qinglang-mention qinglang-mention-wechat|WeChat',
    ]);
    expect(document.body.textContent).toBe(original);
  });

  it('wraps a name split across elements piece by piece', () => {
    paintAll('<p>Sina <b>Wei</b>bo</p>', [['weibo', 'Sina Weibo']]);
    expect(markTexts()).toEqual([
      'qinglang-mention qinglang-mention-weibo|Sina ',
      'qinglang-mention qinglang-mention-weibo|Wei',
      'qinglang-mention qinglang-mention-weibo|bo',
    ]);
  });

  it('gives the user’s own terms the shared custom style', () => {
    paintAll('<p>The NPC met.</p>', [['user:npc', 'NPC']]);
    expect(markTexts()).toEqual(['qinglang-mention qinglang-mention-custom|NPC']);
  });

  it('puts the page back as it was when marks are erased', () => {
    const { painter, painted, original } = paintAll('<p>抖音和<i>快</i>手</p>', [
      ['douyin', '抖音'],
      ['kuaishou', '快手'],
    ]);
    for (const p of painted) painter.erase(p);
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    expect(document.body.textContent).toBe(original);
    expect(document.querySelector('i')!.textContent).toBe('快');
  });
});
