import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchor, describe, describeWithin } from '../../lib/anchor';
import type { Selector, TextQuoteSelector } from '../../lib/types';

const seed = readFileSync(new URL('../../../shared/seeds/cac-purges-1.4m-posts.txt', import.meta.url), 'utf8');
const seed2 = readFileSync(new URL('../../../shared/seeds/platforms-rectify-financial-self-media.txt', import.meta.url), 'utf8');

/** Selectors for the first occurrence of `quote` in `text` (or the n-th). */
function select(text: string, quote: string, occurrence = 0): { selectors: Selector[]; start: number; end: number } {
  let start = text.indexOf(quote);
  for (let k = 0; k < occurrence; k++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`test setup: "${quote}" is not in the text`);
  const end = start + quote.length;
  return { selectors: describe(text, start, end), start, end };
}

function quoteOf(selectors: Selector[]): TextQuoteSelector {
  const q = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!q) throw new Error('no quote selector');
  return q;
}

group('describe', () => {
  it('keeps the quote with about 32 characters of context on each side and its position', () => {
    const quote = 'closed down 67,000 social media accounts';
    const { selectors, start, end } = select(seed, quote);
    const q = quoteOf(selectors);
    expect(q.exact).toBe(quote);
    expect(q.prefix).toBe(seed.slice(start - 32, start));
    expect(q.suffix).toBe(seed.slice(end, end + 32));
    expect(selectors).toContainEqual({ type: 'TextPositionSelector', start, end });
  });

  it('shortens the context at the edges of the text', () => {
    const text = 'WeChat said so.';
    const q = quoteOf(describe(text, 0, 6));
    expect(q.prefix).toBe('');
    expect(q.suffix).toBe(' said so.');
  });

  it('does not cut a character outside the basic plane in half at the edge of the context', () => {
    const text = '😀' + 'x'.repeat(31) + 'QUOTE';
    const q = quoteOf(describe(text, 33, 38));
    // 32 code units back from the quote would start inside the emoji.
    expect(q.prefix).toBe('x'.repeat(31));
  });

  it('never cuts a pair of surrogates at either edge of the context, from U+10000 to U+10FFFF', () => {
    for (const astral of ['\u{10000}', '😀', '\u{10FFFF}']) {
      // 32 code units back from the quote, or on from it, would fall inside the character.
      expect(quoteOf(describe(astral + 'x'.repeat(31) + 'QUOTE', 33, 38)).prefix).toBe('x'.repeat(31));
      expect(quoteOf(describe('QUOTE' + 'y'.repeat(31) + astral + 'z', 0, 5)).suffix).toBe('y'.repeat(31));
      // Where the cut falls between two characters, the context is 32 code units long.
      expect(quoteOf(describe('w' + astral + 'x'.repeat(30) + 'QUOTE', 33, 38)).prefix).toBe(astral + 'x'.repeat(30));
      expect(quoteOf(describe('QUOTE' + 'y'.repeat(30) + astral + 'z', 0, 5)).suffix).toBe('y'.repeat(30) + astral);
    }
  });

  it('keeps the context whole up to the very start or end of the text, whatever code unit stands there', () => {
    // Where the context runs to the edge of the text, no pair is cut, so nothing is dropped:
    // not even a stray half of one, as a page cut short in the middle of a character has.
    expect(quoteOf(describe('\uDE00微博称', 3, 4)).prefix).toBe('\uDE00微博');
    expect(quoteOf(describe('微博称\uD83D', 0, 1)).suffix).toBe('博称\uD83D');
  });

  it('keeps a full-width character where the context is cut: only the second half of a pair is left out', () => {
    // U+FF0C and U+FF08 lie above the surrogates; the cut falls just before each.
    expect(quoteOf(describe('a，' + 'x'.repeat(31) + 'QUOTE', 33, 38)).prefix).toBe('，' + 'x'.repeat(31));
    expect(quoteOf(describe('微（' + 'x'.repeat(31) + 'QUOTE', 33, 38)).prefix).toBe('（' + 'x'.repeat(31));
  });

  it('describes a passage whose context is cut inside a pair of surrogates on both sides as describe does, reading only a character beyond the context', () => {
    for (const astral of ['😀', '\u{10000}', '\u{10FFFF}']) {
      // The text goes on past both cuts, so only the part it reads decides what it sees there.
      const text = `前言${astral}${'x'.repeat(31)}QUOTE${'y'.repeat(31)}${astral}后记，以及更多的文字`;
      const start = text.indexOf('QUOTE');
      const reads: Array<[number, number]> = [];
      const sliced = { length: text.length, slice: (s: number, e: number) => (reads.push([s, e]), text.slice(s, e)) };
      const [quote] = describeWithin(sliced, start, start + 5);
      expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'QUOTE', prefix: 'x'.repeat(31), suffix: 'y'.repeat(31) });
      expect(describeWithin(text, start, start + 5)).toEqual(describe(text, start, start + 5));
      expect(reads).toEqual([[start - 33, start + 5 + 33]]);
    }
  });

  it('describes a passage that ends the text, with no suffix', () => {
    const text = 'Weibo said it closed the accounts.';
    const q = quoteOf(describe(text, 25, text.length));
    expect(q).toEqual({ type: 'TextQuoteSelector', exact: 'accounts.', prefix: 'Weibo said it closed the ', suffix: '' });
  });

  it('refuses an empty or out-of-range selection with a clear message', () => {
    expect(() => describe('abc', 2, 2)).toThrow(/non-empty range inside the text/);
    expect(() => describe('abc', 1, 9)).toThrow(RangeError);
    expect(() => describe('abc', 2, 1)).toThrow('Cannot describe the range 2–1 of a text of length 3');
    expect(() => describe('abc', -1, 2)).toThrow(RangeError);
    expect(() => describe('abc', 0.5, 2)).toThrow(RangeError);
    expect(() => describe('abc', 0, 2.5)).toThrow(RangeError);
    expect(() => describe('abc', 0, 3)).not.toThrow();
    expect(() => describeWithin('abc', 2, 2)).toThrow(/of a text of length 3: it must be a non-empty range/);
  });

  it('describes a passage of a text it reads only around the passage exactly as describe does on the whole', () => {
    // Surrogate pairs near both cuts are where a window that is one character short would differ.
    const unit = fc.constantFrom('a', '网', ' ', '😀', '\n');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 120 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        const reads: Array<[number, number]> = [];
        const sliced = { length: text.length, slice: (s: number, e: number) => (reads.push([s, e]), text.slice(s, e)) };
        expect(describeWithin(sliced, start, end)).toEqual(describe(text, start, end));
        // It never read more than the passage and its context.
        for (const [s, e] of reads) expect(e - s).toBeLessThanOrEqual(end - start + 2 * 33);
      }),
      { numRuns: 1000 },
    );
  });
});

group('anchor', () => {
  it('finds an unchanged quote at its stored position', () => {
    const { selectors, start, end } = select(seed, 'eradicated hundreds of thousands of posts');
    expect(anchor(seed, selectors)).toEqual({ start, end, method: 'position' });
  });

  it('follows the quote when a paragraph is inserted before it', () => {
    const quote = 'it closed down 67,000 social media accounts';
    const { selectors, start, end } = select(seed, quote);
    const inserted = 'Editor’s note: this article was updated with a response from the ministry.\n\n';
    const changed = inserted + seed;
    const found = anchor(changed, selectors);
    expect(found).toEqual({ start: start + inserted.length, end: end + inserted.length, method: 'quote' });
  });

  it('picks the repeated quote whose context matches, not the first one', () => {
    const text =
      'The CAC said it would continue the campaign. Analysts doubted it. ' +
      'Weibo, for its part, said it would continue the campaign. Users were not consulted.';
    const { selectors, start } = select(text, 'said it would continue the campaign', 1);
    const changed = 'Updated: ' + text;
    const found = anchor(changed, selectors);
    expect(found?.method).toBe('quote');
    expect(found?.start).toBe(start + 'Updated: '.length);
  });

  it('takes the occurrence nearest the old position when repeats read the same around them', () => {
    const line = 'Weibo removed the posts.\n';
    const text = line.repeat(6);
    const { selectors, start } = select(text, 'removed', 4);
    // One character inserted at the top moves everything, so the stored position misses.
    const found = anchor('\n' + text, selectors);
    expect(found?.start).toBe(start + 1);
  });

  it('still finds a quote in which a figure was corrected', () => {
    const quote = 'it closed down 67,000 social media accounts and eradicated hundreds of thousands of posts';
    const { selectors, start } = select(seed, quote);
    const changed = seed.replace('67,000', '67,500');
    const found = anchor(changed, selectors);
    expect(found?.method).toBe('fuzzy');
    expect(found?.start).toBe(start);
    expect(changed.slice(found!.start, found!.end)).toBe(quote.replace('67,000', '67,500'));
  });

  it('still finds a quote after a word inside it was reworded and text was added before it', () => {
    const quote = 'Major Chinese social media platforms such as WeChat, Douyin, and Weibo were targeted during this operation.';
    const { selectors } = select(seed, quote);
    const edited = quote.replace('were targeted', 'were all targeted');
    const changed = 'A new first paragraph.\n' + seed.replace(quote, edited);
    const found = anchor(changed, selectors);
    expect(found?.method).toBe('fuzzy');
    expect(changed.slice(found!.start, found!.end)).toBe(edited);
  });

  it('orphans a quote whose sentence was removed from the page', () => {
    const quote = 'The recent crackdown concentrated specifically on "self-media" accounts';
    const { selectors } = select(seed, quote);
    const sentenceEnd = seed.indexOf('.', seed.indexOf(quote)) + 1;
    const changed = seed.slice(0, seed.indexOf(quote)) + seed.slice(sentenceEnd);
    expect(anchor(changed, selectors)).toBeNull();
  });

  it('orphans a quote whose sentence was rewritten beyond recognition', () => {
    const quote = 'Over a span of two months, the CAC conducted an extensive probe targeting alleged offences';
    const { selectors } = select(seed, quote);
    const changed = seed.replace(quote, 'In the eight weeks that followed, investigators looked into what they called offences');
    expect(anchor(changed, selectors)).toBeNull();
  });

  it('does not move a removed quote onto a look-alike sentence elsewhere', () => {
    const douyin = 'Douyin closed 3,900 accounts in April.';
    const text =
      'Kuaishou closed 3,900 accounts in April. Its statement gave no reasons.\n\n' +
      'Meanwhile the regulator praised the platforms for their cooperation. ' +
      douyin +
      ' Critics called the figures unverifiable.';
    const { selectors } = select(text, douyin);
    expect(anchor(text.replace(douyin + ' ', ''), selectors)).toBeNull();
  });

  it('orphans a short quote that is gone rather than matching a similar word', () => {
    const text = 'The platform Weibo was fined. Later, Weibo apologised.';
    const { selectors } = select(text, 'fined');
    expect(anchor(text.replace('fined', 'warned'), selectors)).toBeNull();
  });

  it('does not move a short quote onto the same words in an unrelated sentence', () => {
    const weibo = 'Officials said Weibo was fined 500,000 yuan in March. ';
    const text = weibo + 'Separately, a Kuaishou livestreamer was fined for spreading rumours about a flood.';
    const { selectors } = select(text, 'was fined');
    expect(anchor(text.replace(weibo, ''), selectors)).toBeNull();
  });

  it('keeps a short quote whose text on one side still agrees', () => {
    const text = 'Officials said Weibo was fined 500,000 yuan in March. Separately, a livestreamer was fined too.';
    const { selectors } = select(text, 'was fined');
    const changed = 'Update: ' + text.replace('was fined 500,000 yuan in March', 'was fined, according to a statement');
    const found = anchor(changed, selectors);
    expect(found?.start).toBe(changed.indexOf('was fined'));
  });

  it('finds a quote in mixed Chinese and English text after text was inserted before it', () => {
    const text =
      '国家互联网信息办公室（CAC）3月10日起开展“清朗·自媒体”专项行动。' +
      '截至5月22日，WeChat、Douyin和Weibo等平台共处置账号6.66萬个，清理信息141.09萬条。' +
      '网信办表示，将持续打击自媒体乱象。';
    const quote = 'WeChat、Douyin和Weibo等平台共处置账号6.66萬个';
    const { selectors, start, end } = select(text, quote);
    const changed = '【本报讯】' + text;
    expect(anchor(changed, selectors)).toEqual({ start: start + 5, end: end + 5, method: 'quote' });
  });

  it('finds an edited mixed Chinese and English quote, and orphans it once it is gone', () => {
    const text =
      '国家互联网信息办公室（CAC）3月10日起开展“清朗·自媒体”专项行动。' +
      '截至5月22日，WeChat、Douyin和Weibo等平台共处置违规账号6.66萬个，清理信息141.09萬条。' +
      '网信办表示，将持续打击自媒体乱象。';
    const quote = 'WeChat、Douyin和Weibo等平台共处置违规账号6.66萬个';
    const { selectors } = select(text, quote);
    const edited = text.replace('6.66萬', '6.7萬');
    const found = anchor(edited, selectors);
    expect(found?.method).toBe('fuzzy');
    expect(edited.slice(found!.start, found!.end)).toContain('WeChat、Douyin和Weibo等平台共处置违规账号6.7萬');

    const gone = text.replace(/截至.*?条。/, '');
    expect(anchor(gone, selectors)).toBeNull();
  });

  it('finds a quote whose whitespace the page now collapses', () => {
    const text = 'Title\n\n\nThe  CAC   said\non Friday that\n    it would act.\n\nNext paragraph.';
    const quote = 'The  CAC   said\non Friday that\n    it would act.';
    const { selectors } = select(text, quote);
    const collapsed = text.replace(/\s+/g, ' ');
    const found = anchor(collapsed, selectors);
    expect(found?.method).toBe('quote');
    expect(collapsed.slice(found!.start, found!.end)).toBe('The CAC said on Friday that it would act.');
  });

  it('finds a quote across a block boundary that the page now extracts without a line break', () => {
    const text = '第一段结束。\n网信办表示将持续整治。\n第三段。';
    const { selectors } = select(text, '结束。\n网信办表示');
    const joined = '前言。' + text.replace(/\n/g, '');
    const found = anchor(joined, selectors);
    expect(found?.method).toBe('quote');
    expect(joined.slice(found!.start, found!.end)).toBe('结束。网信办表示');
  });

  it('finds a quote whose quotation marks and full-width characters were re-typeset', () => {
    const text = 'The campaign targets “self-media” accounts on WeChat（微信）. It began in March.';
    const { selectors } = select(text, 'targets “self-media” accounts on WeChat（微信）');
    const retyped = 'Intro. ' + text.replace(/[“”]/g, '"').replace('（', '(').replace('）', ')');
    const found = anchor(retyped, selectors);
    expect(found?.method).toBe('quote');
    expect(retyped.slice(found!.start, found!.end)).toBe('targets "self-media" accounts on WeChat(微信)');
  });

  it('finds a long quote edited at its start, middle and end', () => {
    const start = seed2.indexOf('Four Chinese social media platforms');
    const end = seed2.indexOf('blackmailing.') + 'blackmailing.'.length;
    const selectors = describe(seed2, start, end);
    const quote = seed2.slice(start, end);
    expect(quote.length).toBeGreaterThan(500);
    const edited = quote
      .replace('Four Chinese', 'Four major Chinese')
      .replace('new round', 'latest round')
      .replace('and blackmailing.', 'and blackmail.');
    const changed = 'Breaking: regulators act.\n' + seed2.replace(quote, edited);
    const found = anchor(changed, selectors);
    expect(found?.method).toBe('fuzzy');
    expect(changed.slice(found!.start, found!.end)).toBe(edited);
  });

  it('orphans a long quote when the passage is gone', () => {
    const start = seed2.indexOf('Four Chinese social media platforms');
    const end = seed2.indexOf('blackmailing.') + 'blackmailing.'.length;
    const selectors = describe(seed2, start, end);
    expect(anchor(seed2.slice(0, start) + seed2.slice(end), selectors)).toBeNull();
  });

  it('finds nothing without a quote to check against', () => {
    expect(anchor(seed, [{ type: 'TextPositionSelector', start: 0, end: 5 }])).toBeNull();
  });

  it('never anchors a quote that is empty or only whitespace, even at its stored position', () => {
    const text = 'Weibo said so.\n\nDouyin agreed.';
    expect(anchor(text, [{ type: 'TextQuoteSelector', exact: '' }, { type: 'TextPositionSelector', start: 3, end: 3 }])).toBeNull();
    expect(anchor(text, [{ type: 'TextQuoteSelector', exact: '\n\n' }, { type: 'TextPositionSelector', start: 14, end: 16 }])).toBeNull();
    expect(anchor(text, [{ type: 'TextQuoteSelector', exact: ' ' }])).toBeNull();
  });

  it('keeps the spaces a moved quote was saved with', () => {
    const text = 'The CAC said Weibo removed the posts on Monday.';
    const { selectors, start } = select(text, ' Weibo removed ');
    const found = anchor('Update. ' + text, selectors);
    expect(found).toEqual({ start: start + 8, end: start + 8 + ' Weibo removed '.length, method: 'quote' });
  });

  it('finds the passage whatever order its selectors were stored in', () => {
    const text = 'The CAC said Weibo removed the posts on Monday.';
    const [quote, position] = describe(text, 13, 26);
    const found = anchor('Update. ' + text, [position!, quote!]);
    expect(found).toEqual({ start: 21, end: 34, method: 'quote' });
  });

  it('finds a quote stored without context, as another tool may store it', () => {
    const text = 'The CAC said Weibo removed the posts on Monday.';
    expect(anchor('Update. ' + text, [{ type: 'TextQuoteSelector', exact: 'Weibo removed' }])).toEqual({ start: 21, end: 34, method: 'quote' });
  });

  it('reads each page afresh when highlights of different pages are anchored in turn', () => {
    const one = 'Weibo removed the posts.';
    const two = 'On Monday, Weibo removed the posts.';
    const { selectors } = select(one, 'removed');
    expect(anchor(one, selectors)?.start).toBe(6);
    expect(anchor(two, selectors)?.start).toBe(17);
    expect(anchor('Earlier, ' + one, selectors)?.start).toBe(15);
  });

  it('finds every passage it describes, in both seed articles', () => {
    for (const text of [seed, seed2]) {
      for (let start = 0; start + 40 < text.length; start += 97) {
        const selectors = describe(text, start, start + 40);
        expect(anchor(text, selectors)).toEqual({ start, end: start + 40, method: 'position' });
      }
    }
  });
});
