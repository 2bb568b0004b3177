import { describe, expect, it } from 'vitest';
import { findUrlRanges } from '../../lib/text';

function urls(text: string): string[] {
  return findUrlRanges(text).map((r) => text.slice(r.start, r.end));
}

describe('findUrlRanges', () => {
  it('finds scheme addresses and www. addresses', () => {
    expect(urls('See https://www.cac.gov.cn/a.htm and www.weibo.com/u/1 or ftp://x.org.')).toEqual([
      'https://www.cac.gov.cn/a.htm',
      'www.weibo.com/u/1',
      'ftp://x.org',
    ]);
  });

  it('ends an address at CJK punctuation but keeps Han characters in its path', () => {
    expect(urls('详见https://zh.wikipedia.org/wiki/网信办。网信办表示')).toEqual(['https://zh.wikipedia.org/wiki/网信办']);
  });

  it('leaves sentence punctuation and unbalanced brackets outside the address', () => {
    expect(urls('(see http://example.com/a).')).toEqual(['http://example.com/a']);
    expect(urls('the page https://en.wikipedia.org/wiki/Sina_(company), then')).toEqual([
      'https://en.wikipedia.org/wiki/Sina_(company)',
    ]);
  });

  it('does not take a lone "://" or a word ending in www for an address', () => {
    expect(urls('a ratio of 3:// and awww.nice')).toEqual([]);
  });
});
