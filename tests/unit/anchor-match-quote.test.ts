import { describe as group, expect, it } from 'vitest';
import { anchor, describe } from '../../lib/anchor';
import { bestExact, bestFuzzy, exactOccurrences } from '../../lib/anchor/match-quote';
import type { Selector, TextQuoteSelector } from '../../lib/types';

// How a stored quote is weighed against the places it might now be: the quote itself
// counts most, the 32 characters on each side decide between look-alikes, the old
// position only between places that read the same. Each rule below is shown with a
// page edited the way pages are edited.

/** Selectors for `quote`, found at its n-th occurrence in `text`. */
function select(text: string, quote: string, occurrence = 0): { selectors: Selector[]; start: number } {
  let start = text.indexOf(quote);
  for (let k = 0; k < occurrence; k++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`test setup: "${quote}" is not in the text`);
  return { selectors: describe(text, start, start + quote.length), start };
}

/** The same selectors without the stored position, as a quote-only annotation has them. */
const quoteOnly = (selectors: Selector[]) => selectors.filter((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');

/**
 * `count` characters of `s` changed, every `every`-th one that is not a space from the
 * `from`-th on (folding drops spaces, so they would not count as changes).
 */
function garble(s: string, count: number, every = 3, from = 1): string {
  const chars = [...s];
  let seen = -1;
  let changed = 0;
  for (let i = 0; i < chars.length && changed < count; i++) {
    if (chars[i] === ' ') continue;
    seen += 1;
    if (seen >= from && (seen - from) % every === 0) {
      chars[i] = chars[i] === 'X' ? 'Y' : 'X';
      changed += 1;
    }
  }
  if (changed < count) throw new Error('test setup: the quote is too short to change so many characters');
  return chars.join('');
}

group('exact occurrences', () => {
  it('lists every occurrence, also those that overlap', () => {
    expect(exactOccurrences('aaaa', 'aa')).toEqual([{ start: 0, end: 2 }, { start: 1, end: 3 }, { start: 2, end: 4 }]);
    expect(exactOccurrences('Weibo and Douyin', 'Kuaishou')).toEqual([]);
  });

  it('finds no place for an empty quote', () => {
    expect(exactOccurrences('Weibo', '')).toEqual([]);
  });
});

group('the context decides', () => {
  const saved = 'Officials said the campaign would continue. Weibo said it removed 1,200 posts about the flood on Monday. Other news.';
  const quote = 'removed 1,200 posts';

  it('trusts a moved quote whose text before it agrees in full, though the page now ends right after it', () => {
    // One side agrees fully and the other not at all: exactly half of the context, the least it accepts.
    const { selectors } = select(saved, quote);
    const page = 'New first line. Officials said the campaign would continue. Weibo said it removed 1,200 posts';
    const at = page.indexOf(quote);
    expect(anchor(page, selectors)).toEqual({ start: at, end: at + quote.length, method: 'quote' });
  });

  it('finds nothing to disagree with before a quote that opened the page it was saved from', () => {
    // No text stood before it then: whatever stands there now, that side agrees; the text
    // after it, a little edited, agrees enough to make up the rest.
    const first = 'Weibo removed 1,200 posts about the flood on Monday.';
    const { selectors } = select(first, 'Weibo removed');
    const page = 'Update. Weibo removed 1,300 posts about the flood on Tuesday.';
    expect(anchor(page, selectors)).toEqual({ start: 8, end: 8 + 'Weibo removed'.length, method: 'quote' });
  });

  it('rejects it when the text before it differs by one character besides (just under half of the context)', () => {
    const { selectors } = select(saved, quote);
    const page = 'New first line. Officials said the campaign would continue. Weibo sajd it removed 1,200 posts';
    expect(anchor(page, selectors)).toBeNull();
  });

  it('picks, among two copies with the same text before them, the one whose text after agrees', () => {
    const text = 'The CAC said Weibo removed 1,200 posts about the flood. The CAC said Weibo removed 1,200 posts about the fire.';
    const { selectors, start } = select(text, quote, 1);
    const page = 'Update. ' + text;
    expect(anchor(page, selectors)).toEqual({ start: start + 8, end: start + 8 + quote.length, method: 'quote' });
  });

  it('picks, among two copies with the same text after them, the one whose text before agrees', () => {
    const text = 'In Beijing, Weibo removed 1,200 posts about the flood. In Shanghai, Weibo removed 1,200 posts about the flood.';
    const { selectors, start } = select(text, quote, 0);
    const page = 'Update. ' + text;
    expect(anchor(page, selectors)).toEqual({ start: start + 8, end: start + 8 + quote.length, method: 'quote' });
  });

  it('gives the index of the occurrence it trusts, or -1', () => {
    const text = 'aaa Weibo removed posts. bbb Weibo removed posts.';
    const places = exactOccurrences(text, 'Weibo');
    expect(bestExact(text, 5, places, { prefix: 'bbb ', suffix: ' removed posts.' })).toBe(1);
    expect(bestExact(text, 5, places, { prefix: 'zzzzzzzz', suffix: 'qqqqqqqqqqqqqqq' })).toBe(-1);
  });
});

group('the old position breaks ties', () => {
  it('takes the first of identical repeats when no position was stored', () => {
    const line = 'Weibo removed the posts.\n';
    const text = line.repeat(6);
    const { selectors } = select(text, 'removed', 4);
    const page = 'Intro.\n' + text;
    expect(anchor(page, quoteOnly(selectors))).toEqual({ start: page.indexOf('removed', 7 + line.length), end: page.indexOf('removed', 7 + line.length) + 7, method: 'quote' });
  });

  it('finds an exact quote without its stored position', () => {
    const text = 'Officials said Weibo removed 1,200 posts about the flood on Monday.';
    const { selectors } = select(text, 'removed 1,200 posts');
    const page = 'Update: ' + text;
    expect(anchor(page, quoteOnly(selectors))).toEqual({ start: page.indexOf('removed'), end: page.indexOf('removed') + 19, method: 'quote' });
  });

  it('takes the edited copy nearest the old position when every copy was edited alike', () => {
    const line = 'Weibo said it removed 1,200 posts.\n';
    const text = line.repeat(6);
    const { selectors, start } = select(text, 'removed 1,200 posts', 3);
    const page = 'X\n' + text.replaceAll('1,200', '1,300');
    const found = anchor(page, selectors);
    expect(found).toEqual({ start: start + 2, end: start + 2 + 'removed 1,300 posts'.length, method: 'fuzzy' });
  });

  it('takes, nearest the old position, the edited copy even when it stands far down a long page', () => {
    const filler = 'Unrelated text about the weather and the markets. '.repeat(40);
    const line = 'Weibo said it removed 1,200 posts.\n';
    const text = filler + line + filler + line + filler + line + filler;
    const { selectors, start } = select(text, 'removed 1,200 posts', 2);
    const page = 'X\n' + text.replaceAll('1,200', '1,300');
    expect(anchor(page, selectors)?.start).toBe(start + 2);
  });
});

group('an edited quote', () => {
  const before = 'The regulator said on Friday that ';
  const after = ' during the two-month campaign in the spring.';

  it('is found when a quarter of it changed and its context agrees on both sides', () => {
    const quote = 'Douyin closed 300 accounts';
    const text = `Intro. ${before}${quote}${after}`;
    const { selectors } = select(text, quote);
    const edited = garble(quote, 5); // 5 of its 23 characters besides spaces: under a quarter
    const page = `A new first paragraph. ${before}${edited}${after}`;
    expect(anchor(page, selectors)).toEqual({ start: page.indexOf(edited), end: page.indexOf(edited) + edited.length, method: 'fuzzy' });
  });

  it('is orphaned when as much changed but only one side of its context agrees', () => {
    const quote = 'Douyin closed 300 accounts';
    const text = `Intro. ${before}${quote}${after}`;
    const { selectors } = select(text, quote);
    const edited = garble(quote, 5);
    // Half the context is what an intact quote needs; a quote a quarter changed needs more.
    expect(anchor(`A new first paragraph. ${before}${edited}`, selectors)).toBeNull();
  });

  it('is orphaned when more than a quarter of it changed, even with its context intact', () => {
    const quote = 'Douyin closed 300 accounts';
    const { selectors } = select(`Intro. ${before}${quote}${after}`, quote);
    const edited = garble(quote, 6);
    expect(anchor(`A new first paragraph. ${before}${edited}${after}`, selectors)).toBeNull();
  });

  it('of three characters is found only exactly', () => {
    const { selectors } = select(`${before}CAC${after}`, 'CAC');
    expect(anchor(`Intro. ${before}CAD${after}`, selectors)).toBeNull();
    expect(bestFuzzy(`${before}CAD${after}`, 'CAC', { prefix: before, suffix: after })).toBeNull();
  });

  it('of four characters may differ in one', () => {
    const found = bestFuzzy(`x${before}CADX${after}`, 'CACX', { prefix: before, suffix: after });
    expect(found).toMatchObject({ start: before.length + 1, end: before.length + 5, errors: 1, quoteScore: 0.75 });
  });
});

group('a long quote is its own evidence', () => {
  // 64 characters or more, nine-tenths intact: found even where everything around it changed.
  const passage =
    '国家网信办近日部署开展清朗系列专项行动，重点整治自媒体发布不实信息、炮制热点话题、违规营利等突出问题，' +
    '督促微博、抖音、快手等重点平台关闭违规账号并清理有害信息，切实维护良好网络生态。';
  const saved = (q: string) => `本报北京电记者从有关方面获悉：${q}据了解，此次行动为期两个月。`;
  const page = (q: string) => `【快讯】一则完全不同的开头，谈论天气与市场的变化情况。${q}以上内容仅供参考，欢迎读者留言讨论。`;

  it('from 64 characters, with a tenth of them changed', () => {
    const quote = passage.slice(0, 64);
    const { selectors } = select(saved(quote), quote);
    const edited = garble(quote, 6, 10); // 6 of 64: 0.906 intact
    const p = page(edited);
    expect(anchor(p, selectors)).toEqual({ start: p.indexOf(edited), end: p.indexOf(edited) + 64, method: 'fuzzy' });
  });

  it('but not below 64 characters', () => {
    const quote = passage.slice(0, 63);
    const { selectors } = select(saved(quote), quote);
    expect(anchor(page(garble(quote, 6, 10)), selectors)).toBeNull();
  });

  it('when exactly nine-tenths of it is intact, and not less', () => {
    const quote = passage.slice(0, 70);
    const { selectors } = select(saved(quote), quote);
    const seven = garble(quote, 7, 10); // 7 of 70 changed: 0.9 intact
    const p = page(seven);
    expect(anchor(p, selectors)).toEqual({ start: p.indexOf(seven), end: p.indexOf(seven) + 70, method: 'fuzzy' });
    expect(anchor(page(garble(quote, 8, 9)), selectors)).toBeNull();
  });
});
