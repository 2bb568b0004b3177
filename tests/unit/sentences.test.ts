import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lib/facts';

const sentencesOf = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits English sentences on . ! and ?', () => {
    expect(sentencesOf('The CAC closed accounts. Weibo agreed! Did Douyin? Yes.')).toEqual([
      'The CAC closed accounts.', 'Weibo agreed!', 'Did Douyin?', 'Yes.',
    ]);
  });

  it('splits Chinese sentences on full-width 。！？ with no space after them', () => {
    expect(sentencesOf('网信办关闭账号。微博表示支持！抖音呢？是的。')).toEqual([
      '网信办关闭账号。', '微博表示支持！', '抖音呢？', '是的。',
    ]);
  });

  it('splits text that mixes the scripts', () => {
    expect(sentencesOf('The CAC acted. 网信办关闭账号6.66万个。Weibo agreed.')).toEqual([
      'The CAC acted.', '网信办关闭账号6.66万个。', 'Weibo agreed.',
    ]);
  });

  it('does not split on a decimal point', () => {
    expect(sentencesOf('It removed 1.4 million posts. It closed 6.66 thousand accounts.')).toEqual([
      'It removed 1.4 million posts.', 'It closed 6.66 thousand accounts.',
    ]);
  });

  it('does not split after abbreviations and initials', () => {
    expect(sentencesOf('Mr. Dong told the U.S. press that Dr. J. Smith agreed. Next one.')).toEqual([
      'Mr. Dong told the U.S. press that Dr. J. Smith agreed.', 'Next one.',
    ]);
  });

  it('goes on inside quotes and after a quote whose sentence continues', () => {
    expect(sentencesOf('"Stop the rumours! Now," the CAC said. Weibo agreed.')).toEqual([
      '"Stop the rumours! Now," the CAC said.', 'Weibo agreed.',
    ]);
    expect(sentencesOf('It named "Strategic Missile Force." Another 25,000 accounts followed.')).toEqual([
      'It named "Strategic Missile Force."', 'Another 25,000 accounts followed.',
    ]);
    expect(sentencesOf('网信办表示：“将严厉打击。持续整治。”此外，微博关闭账号。')).toEqual([
      '网信办表示：“将严厉打击。持续整治。”', '此外，微博关闭账号。',
    ]);
  });

  it('ends a sentence at a line break (headlines and captions have no full stop)', () => {
    expect(sentencesOf('China purges 1.4m posts\n\nWeb Desk\nThe CAC acted.')).toEqual([
      'China purges 1.4m posts', 'Web Desk', 'The CAC acted.',
    ]);
  });

  it('joins a line that was only wrapped', () => {
    expect(sentencesOf('The CAC closed\naccounts today. Next.')).toEqual(['The CAC closed\naccounts today.', 'Next.']);
  });

  it('gives offsets into the whole text, trimmed', () => {
    const text = '  One.   Two.  ';
    const spans = splitSentences(text);
    expect(spans).toEqual([{ start: 2, end: 6 }, { start: 9, end: 13 }]);
  });

  it('splits a range of a longer text', () => {
    const text = 'Skip this. Keep this. And this. Skip.';
    const from = text.indexOf('Keep');
    const to = text.indexOf('Skip.');
    expect(splitSentences(text, from, to).map((s) => text.slice(s.start, s.end))).toEqual(['Keep this.', 'And this.']);
  });
});
