import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../lib/search';

// The folded form is what the library's search compares word by word, so its exact shape
// matters: one space between words, none at the ends, whatever the script of the text.
describe('foldForSearch reduces punctuation and spacing to single spaces', () => {
  it('turns runs of ASCII punctuation and spaces into one space', () => {
    expect(foldForSearch('Self -- Media, (WeChat)!')).toBe('self media wechat');
    expect(foldForSearch('C.A.C.')).toBe('c a c');
  });

  it('drops punctuation around plain-ASCII text', () => {
    expect(foldForSearch('  "CAC"  ')).toBe('cac');
    expect(foldForSearch('...Weibo?')).toBe('weibo');
  });

  it('turns runs of Unicode punctuation and spaces into one space', () => {
    expect(foldForSearch('自媒体——乱象，，整治')).toBe('自媒体 乱象 整治');
    expect(foldForSearch('「清朗」\u3000\u3000行动')).toBe('清朗 行动');
  });

  it('trims Unicode punctuation at both ends', () => {
    expect(foldForSearch('　《網信辦》。')).toBe('网信办');
  });

  it('treats the same words alike whether or not the text has a non-ASCII character', () => {
    // One path for plain ASCII, one for everything else: both must give the same words.
    expect(foldForSearch('self -- media é')).toBe('self media e');
    expect(foldForSearch('self -- media')).toBe('self media');
  });

  it('removes stacked combining marks as well as single ones', () => {
    expect(foldForSearch('a\u0301\u0302b')).toBe('ab');
  });
});
