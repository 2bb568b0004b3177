// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { savedPassageAt } from '../../entrypoints/lens.content/highlights/saved-passage';

function rangeOver(el: Element, from = 0, to?: number): Range {
  const text = el.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, from);
  range.setEnd(text, to ?? text.data.length);
  return range;
}

describe('savedPassageAt', () => {
  it('finds the saved highlight the selection covers, blank at its ends aside', () => {
    document.body.innerHTML = '<p id="a">Weibo closed 1,200 accounts.</p><p id="b">Weibo closed 1,200 accounts.</p>';
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    const saved: Array<[string, Range]> = [['saved-b', rangeOver(b)]];
    // A triple-click takes the paragraph with its line break.
    const selected = document.createRange();
    selected.selectNodeContents(b);
    expect(savedPassageAt(selected, saved)).toBe('saved-b');
    // The same words in another paragraph are another passage.
    expect(savedPassageAt(rangeOver(a), saved)).toBeUndefined();
  });

  it('takes a part of a saved passage, or more than it, for a new one', () => {
    document.body.innerHTML = '<p id="a">Weibo closed 1,200 accounts.</p>';
    const a = document.getElementById('a')!;
    const saved: Array<[string, Range]> = [['saved', rangeOver(a, 0, 12)]];
    expect(savedPassageAt(rangeOver(a, 0, 5), saved)).toBeUndefined();
    expect(savedPassageAt(rangeOver(a), saved)).toBeUndefined();
    expect(savedPassageAt(rangeOver(a, 0, 12), saved)).toBe('saved');
  });
});
