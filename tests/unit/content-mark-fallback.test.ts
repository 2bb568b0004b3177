// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { boundsOf, takeSnapshot } from '../../lib/dom';
import { MarkElementPainter } from '../../entrypoints/lens.content/mentions/mark-fallback';
import { fallbackMarkClass, mentionStyleName } from '../../entrypoints/lens.content/mentions/style';

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
// Class names are random for each page load (a page must not learn our name from them): the
// painter must use this load's names: one class every mark shares, and one per entity or term.
const cls = (entity: string) => `${fallbackMarkClass()} ${mentionStyleName(entity)}`;

describe('the <mark> fallback', () => {
  it('wraps each mention, several in one text node, without changing the text', () => {
    const { original } = paintAll('<p>CAC said Weibo and WeChat comply.</p>', [
      ['cac', 'CAC'],
      ['weibo', 'Weibo'],
      ['wechat', 'WeChat'],
    ]);
    expect(markTexts()).toEqual([
      `${cls('cac')}|CAC`,
      `${cls('weibo')}|Weibo`,
      `${cls('wechat')}|WeChat`,
    ]);
    expect(document.body.textContent).toBe(original);
  });

  it('wraps a name split across elements piece by piece', () => {
    paintAll('<p>Sina <b>Wei</b>bo</p>', [['weibo', 'Sina Weibo']]);
    expect(markTexts()).toEqual([
      `${cls('weibo')}|Sina `,
      `${cls('weibo')}|Wei`,
      `${cls('weibo')}|bo`,
    ]);
  });

  it('gives a user’s own term a name of its own, apart from the built-in entities', () => {
    paintAll('<p>The NPC met.</p>', [['user:npc', 'NPC']]);
    expect(markTexts()).toEqual([`${cls('user:npc')}|NPC`]);
    expect(mentionStyleName('user:npc')).not.toBe(mentionStyleName('cac'));
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
