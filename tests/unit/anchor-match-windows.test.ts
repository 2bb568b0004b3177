import { describe as group, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchor, describe } from '../../lib/anchor';
import { foldString } from '../../lib/anchor/fold-text';
import type { Selector, TextQuoteSelector } from '../../lib/types';

// Where an approximate match is looked for, and where its edges end up. A long quote is not
// searched over the whole page: only where pieces of it, its context or its old position
// point. These tests edit long passages the way pages are edited and check that the
// highlight still lands on exactly the edited passage, or that it is found at all.

/** An invented news passage of 210 characters, without spaces (so folded offsets are its own). */
const PASSAGE =
  '网信部门表示，本次专项行动聚焦短视频平台和直播平台，重点清理利用热点事件编造虚假信息、恶意营销炒作、诱导未成年人打赏等问题。' +
  '截至目前，各平台累计下架违规视频十二万余条，封禁账号三千四百余个，并对多家机构予以约谈。' +
  '下一阶段，有关部门将进一步压实平台主体责任，完善举报受理机制，推动形成长效治理格局，同时欢迎广大网民积极参与监督举报。' +
  '据介绍，行动期间共受理群众举报线索八千余条，其中经核实的有效线索均已转交属地部门依法处置。';
const BEFORE = '本报北京三月十二日电（记者李明）记者从国家互联网信息办公室获悉：';
const AFTER = '业内人士认为，此举有助于净化网络空间，保护用户合法权益不受侵害。';
const SAVED = `${BEFORE}${PASSAGE}${AFTER}`;
/** Text that shares nothing with the passage or its context. */
const OTHER_BEFORE = '【编者按】今天的天气晴朗，气温适宜，市民纷纷走出家门参加户外活动。';
const OTHER_AFTER = '另据气象台预报，本周末将有一次明显的降温过程，请注意添衣保暖。';

/** `s` with its characters from `from` to `to` rewritten, to a character the passage does not use. */
const rewrite = (s: string, from: number, to: number) => s.slice(0, from) + '〇'.repeat(to - from) + s.slice(to);

/** Selectors for the first `length` characters of the passage, as saved on SAVED. */
function saveQuote(length: number): Selector[] {
  return describe(SAVED, BEFORE.length, BEFORE.length + length);
}
const quoteOnly = (selectors: Selector[]) => selectors.filter((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');

/** Where `edited` stands on `page`, as anchor reports an approximate match. */
function fuzzyAt(page: string, edited: string) {
  const at = page.indexOf(edited);
  if (at < 0 || page.indexOf(edited, at + 1) >= 0) throw new Error('test setup: the edited quote must stand once on the page');
  return { start: at, end: at + edited.length, method: 'fuzzy' };
}

group('a long quote is looked for where its pieces point', () => {
  it('finds a passage whose opening and closing words were both reworded, by its intact middle alone', () => {
    // 18 of 200 characters changed: nine-tenths intact, its own evidence; the text around it
    // and its old position are gone, so only the middle of the quote says where it went.
    const quote = PASSAGE.slice(0, 200);
    const edited = rewrite(rewrite(quote, 5, 14), 186, 195);
    const page = `${OTHER_BEFORE}${edited}${OTHER_AFTER}`;
    expect(anchor(page, quoteOnly(saveQuote(200)))).toEqual(fuzzyAt(page, edited));
  });

  it('finds a passage reworded at its opening, and one reworded at its close, far down a page', () => {
    const filler = OTHER_BEFORE.repeat(12);
    for (const edited of [rewrite(PASSAGE.slice(0, 120), 3, 12), rewrite(PASSAGE.slice(0, 120), 108, 117)]) {
      const page = `${filler}${edited}${OTHER_AFTER}`;
      expect(anchor(page, quoteOnly(saveQuote(120)))).toEqual(fuzzyAt(page, edited));
    }
  });

  it('finds the edited passage, not the many paragraphs that open with the same words', () => {
    // A page of notices that all begin like the quote: each looks like a place it might be.
    const quote = PASSAGE.slice(0, 100);
    const edited = rewrite(quote, 50, 53);
    const notice = (n: number) => `${PASSAGE.slice(0, 40)}第${n}号通知：${OTHER_AFTER}${OTHER_BEFORE}${OTHER_AFTER}${OTHER_BEFORE}`;
    const notices = Array.from({ length: 12 }, (_, n) => notice(n + 1)).join('');
    const page = `${notices}${OTHER_BEFORE}${edited}${OTHER_AFTER}`;
    expect(anchor(page, quoteOnly(saveQuote(100)))).toEqual(fuzzyAt(page, edited));
  });
});

group('a long quote changed beyond its own evidence is looked for where its context points', () => {
  // Two phrases of nine characters rewritten in a quote of 100: 82 % intact, too little to
  // trust on its own, and no stretch of a third of it that a search by pieces would find
  // intact at every place it looks. The context must say where it went, and vouch for it.
  const quote = PASSAGE.slice(0, 100);
  const edited = rewrite(rewrite(quote, 23, 32), 68, 77);

  it('finds it by the text before it, though the text after it and its old position are gone', () => {
    const page = `${OTHER_BEFORE}${BEFORE}${edited}${OTHER_AFTER}`;
    expect(anchor(page, quoteOnly(saveQuote(100)))).toEqual(fuzzyAt(page, edited));
  });

  it('finds it by as few as eight characters stored before it, where the page it was saved from began', () => {
    const before = BEFORE.slice(-8);
    const selectors = quoteOnly(describe(`${before}${quote}`, 8, 108));
    const page = `${OTHER_BEFORE}${before}${edited}`;
    expect(anchor(page, selectors)).toEqual(fuzzyAt(page, edited));
    // Seven are too few to say where it went.
    const seven = quoteOnly(describe(`${before.slice(1)}${quote}`, 7, 107));
    expect(anchor(`${OTHER_BEFORE}${before.slice(1)}${edited}`, seven)).toBeNull();
  });

  it('finds it by as few as eight characters stored after it, where the page it was saved from ended', () => {
    const after = AFTER.slice(0, 8);
    const selectors = quoteOnly(describe(`${quote}${after}`, 0, 100));
    const page = `${edited}${after}${OTHER_AFTER}`;
    expect(anchor(page, selectors)).toEqual(fuzzyAt(page, edited));
    const seven = quoteOnly(describe(`${quote}${after.slice(0, 7)}`, 0, 100));
    expect(anchor(`${edited}${after.slice(0, 7)}${OTHER_AFTER}`, seven)).toBeNull();
  });

  it('finds it by the text after it, though the text before it was largely rewritten and its old position is gone', () => {
    // 12 of the 32 characters before it rewritten: that side still agrees a little, as the
    // rest of a paragraph does, but could not have been found by itself.
    const before = rewrite(BEFORE, BEFORE.length - 20, BEFORE.length - 8);
    const page = `${OTHER_BEFORE}${before}${edited}${PASSAGE.slice(100)}${AFTER}`;
    expect(anchor(page, quoteOnly(saveQuote(100)))).toEqual(fuzzyAt(page, edited));
  });

  it('finds it near its old position when the text on both sides was also partly rewritten', () => {
    // Each side of the context keeps three-quarters of its characters (enough to vouch for
    // it, too few to be found by themselves); a short line inserted above moved it a little.
    const before = rewrite(BEFORE, BEFORE.length - 30, BEFORE.length - 21);
    const after = rewrite(PASSAGE.slice(100), 20, 29);
    const page = `新增一行。${before}${edited}${after}${AFTER}`;
    expect(anchor(page, saveQuote(100))).toEqual(fuzzyAt(page, edited));
  });
});

group('a quote of up to 64 characters is looked for over the whole page', () => {
  it('finds a 64-character quote, a tenth of it changed, with nothing around it or its old position left', () => {
    const quote = PASSAGE.slice(0, 64);
    const edited = rewrite(rewrite(quote, 20, 23), 40, 43);
    const page = `${OTHER_BEFORE.repeat(6)}${edited}${OTHER_AFTER}`;
    expect(anchor(page, quoteOnly(saveQuote(64)))).toEqual(fuzzyAt(page, edited));
  });
});

group('the edges of an approximate match', () => {
  // Words an invented bilingual news page is made of: Chinese without spaces, English with.
  const WORDS = [
    '网信办', '平台', '账号', '专项行动', '自媒体', '清理', '违规', '信息', '整治', '举报', '短视频', '直播', '，', '。',
    'Weibo ', 'Douyin ', 'removed ', 'accounts ', 'the ', 'campaign ', 'rumours ', 'about ', 'flood ', 'posts ',
  ];
  const page = fc.array(fc.constantFrom(...WORDS), { minLength: 60, maxLength: 120 }).map((w) => w.join(''));
  // An inserted word is made of digits, which the page does not use elsewhere.
  type Edit = { at: number; kind: 'insert' | 'replace' | 'delete'; digits: string };
  const edit = fc.record({
    at: fc.nat(),
    kind: fc.constantFrom<Edit['kind']>('insert', 'replace', 'delete'),
    digits: fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 5 }),
  });

  /**
   * `quote` with `edits` applied to characters other than spaces, none within two of its
   * ends, as long as they change no more than `budget` characters in all.
   */
  function applyEdits(quote: string, edits: Edit[], budget: number): string {
    const chars = [...quote];
    for (const e of edits) {
      const cost = e.kind === 'insert' ? e.digits.length : 1;
      const inner = chars.map((c, i) => (c !== ' ' && i >= 2 && i < chars.length - 2 ? i : -1)).filter((i) => i >= 0);
      if (cost > budget || inner.length === 0) continue;
      budget -= cost;
      const i = inner[e.at % inner.length] ?? 0;
      if (e.kind === 'insert') chars.splice(i, 0, e.digits);
      else if (e.kind === 'replace') chars[i] = e.digits.slice(0, 1);
      else chars.splice(i, 1);
    }
    return chars.join('');
  }

  // The cheapest alignment of an edited quote may leave out its first or last words: with
  // three characters inserted two from an end, dropping those two costs less than the insertion.
  const saved = `${BEFORE}各平台累计下架违规视频十二万条，封禁账号三千个。${AFTER}`;
  const quote = '各平台累计下架违规视频十二万条，封禁账号三千个';
  const at = saved.indexOf(quote);
  const selectors = describe(saved, at, at + quote.length);

  it('reach back to the first characters of a quote when words were inserted just after them', () => {
    const edited = '各平台今年以来累计下架违规视频十二万条，封禁账号三千个';
    const page = `更新：${BEFORE}${edited}${AFTER}`;
    expect(anchor(page, selectors)).toEqual(fuzzyAt(page, edited));
  });

  it('reach on to the last characters of a quote when a figure inside its last words grew', () => {
    const edited = '各平台累计下架违规视频十二万条，封禁账号三千四百余个';
    const page = `更新：${BEFORE}${edited}${AFTER}`;
    expect(anchor(page, selectors)).toEqual(fuzzyAt(page, edited));
  });

  // In a list that repeats its words, the last words of a quote stand again one item
  // earlier, where they agree with it for longer than at its edited end; with only a
  // character of context left after it, that agreement alone is no reason to give up a
  // whole item the match had taken in.
  it('keep the last item of a list in the highlight when a figure in it was corrected and the page ends right after it', () => {
    const intro = 'The regulator published the figures on its website on Friday evening. ';
    const quote =
      'By the end of the month the three platforms had reported to the regulator what they did: ' +
      'Weibo closed 300 accounts. Douyin closed 200 accounts. Kuaishou closed 100 accounts';
    const listed = describe(`${intro}${quote}.`, intro.length, intro.length + quote.length);
    const edited = quote.replace('Kuaishou closed 100', 'Kuaishou closed 150');
    const page = `Update: ${intro}${edited}.`;
    expect(anchor(page, listed)).toEqual(fuzzyAt(page, edited));
  });

  it('keep the last item of a Chinese list when its last words were edited and only a full stop follows it', () => {
    const intro = '网信办通报了清朗专项行动第一阶段的处置情况，各平台均已按要求完成整改。';
    const quote = '各平台本月的处置情况如下所示。微博：删除违规帖子。抖音：删除违规帖子。快手：删除违规帖子';
    const listed = describe(`${intro}${quote}。`, intro.length, intro.length + quote.length);
    for (const edited of [quote.replace(/帖子$/, '贴子'), quote.replace(/违规帖子$/, '违法帖子')]) {
      const page = `【更新】${intro}${edited}。`;
      expect(anchor(page, listed)).toEqual(fuzzyAt(page, edited));
    }
  });

  it('keep the first item of a list when its first words were edited and the page begins just before it', () => {
    const quote = '删除违规帖子。抖音：删除违规帖子。快手：删除违规帖子。以上为各平台本月向网信部门报送的';
    const saved = `微博：${quote}处置情况。`;
    const listed = describe(saved, 3, 3 + quote.length);
    for (const edited of [quote.replace(/^删除违规/, '删除违法'), quote.replace(/^删除/, '删去')]) {
      const page = saved.replace(quote, edited);
      expect(anchor(page, listed)).toEqual(fuzzyAt(page, edited));
    }
  });

  it('fall exactly where the edited passage begins and ends, whatever was changed inside it', () => {
    fc.assert(
      fc.property(page, fc.nat(), fc.integer({ min: 12, max: 150 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (text, a, len, edits) => {
        // A passage that begins and ends with a character, not a space, with 32 characters of
        // context on each side (with less, an edit next to an edge can be read either way).
        fc.pre(text.length >= len + 2 * 40);
        let start = 40 + (a % (text.length - len - 80));
        while (text[start] === ' ') start++;
        let end = Math.min(text.length, start + len);
        while (text[end - 1] === ' ') end--;
        const quote = text.slice(start, end);
        const letters = quote.replaceAll(' ', '').length;
        // At most a fifth of its characters changed: with its context intact, well within what is trusted.
        const edited = applyEdits(quote, edits, Math.floor(letters / 5));
        const intro = '【更新】';
        const changed = intro + text.slice(0, start) + edited + text.slice(end);
        // The quote must not still stand, unchanged, somewhere else on the page.
        fc.pre(edited !== quote && !foldString(changed).includes(foldString(quote)));
        const at = intro.length + start;
        expect(anchor(changed, describe(text, start, end))).toEqual({ start: at, end: at + edited.length, method: 'fuzzy' });
      }),
      { numRuns: 300 },
    );
  });
});

group('how much of the context an edited quote needs', () => {
  const saved = 'The regulator said on Friday that Weibo shut 400 accounts during the two-month campaign.';
  const quote = 'Weibo shut 400 accounts';
  const start = saved.indexOf(quote);
  const selectors = describe(saved, start, start + quote.length);
  // Four of its 20 characters (spaces aside) changed: a fifth.
  const edited = 'Weibo hid 400 acounts';

  it('finds a quote a fifth changed when the text on both sides of it agrees', () => {
    const page = `Update. The regulator said on Friday that ${edited} during the two-month campaign.`;
    expect(anchor(page, selectors)).toEqual(fuzzyAt(page, edited));
  });

  it('orphans it when only the text on one side agrees: half the context vouches for an intact quote, not for one a fifth changed', () => {
    expect(anchor(`Update. The regulator said on Friday that ${edited}`, selectors)).toBeNull();
  });

  it('finds a quote a fifth changed that was stored without context, as another tool may store it: nothing disagrees', () => {
    const page = `更新：${edited}。另据报道，抖音也关闭了部分账号。`;
    expect(anchor(page, [{ type: 'TextQuoteSelector', exact: quote }])).toEqual(fuzzyAt(page, edited));
  });

  it('weighs what is left of the text before a quote that the page now cuts short', () => {
    // The page begins a few words into the stored text before the quote; what remains agrees,
    // and with the partly changed text after it that is enough, without the old position.
    const text = 'Officials in Beijing said on Monday that Weibo removed 1,200 posts about the flood, and more.';
    const q = 'Weibo removed 1,200 posts';
    const s = quoteOnly(describe(text, text.indexOf(q), text.indexOf(q) + q.length));
    const page = 'Beijing said on Monday that Weibo removed 1,200 posts about the fire, officials said.';
    expect(anchor(page, s)).toEqual({ start: page.indexOf(q), end: page.indexOf(q) + q.length, method: 'quote' });
  });
});
