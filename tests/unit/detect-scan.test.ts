// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { compileMatcher, detect, entityInfo, USER_COLORS } from '../../lib/detect';
import { findUrlRanges } from '../../lib/text';

/** [entity, text] of each mention, each checked against the source. */
function found(text: string, matcher?) {
  return detect(text, matcher).map((m) => {
    expect(m.text).toBe(text.slice(m.start, m.end));
    return [m.entity, m.text];
  });
}

describe('a name ends where its word ends', () => {
  it('takes a name before a full stop that ends a sentence, not before one that continues a host name', () => {
    expect(found('They moved to Weibo.')).toEqual([['weibo', 'Weibo']]);
    expect(found('They moved to Weibo. Then WeChat.\nDone')).toEqual([
      ['weibo', 'Weibo'],
      ['wechat', 'WeChat'],
    ]);
    expect(found('They moved to Weibo.cn and WeChat.x')).toEqual([]);
  });

  it('takes a name after a full stop that ends a sentence without a space, at the start of a text too', () => {
    expect(found('.Weibo said')).toEqual([['weibo', 'Weibo']]);
    expect(found('end.Weibo said')).toEqual([]);
    expect(found('m.Weibo')).toEqual([]);
  });

  it('takes a name after dots that follow no word, and a Chinese name after any full stop', () => {
    expect(found('Wait...Weibo replied')).toEqual([['weibo', 'Weibo']]);
    expect(found('他说OK.微博随后删除了帖子')).toEqual([['weibo', '微博']]);
  });

  it('takes a name right after a colon with no space', () => {
    expect(found('Source:Weibo')).toEqual([['weibo', 'Weibo']]);
  });

  it('does not take letters glued to a word before them, but takes them after digits and punctuation', () => {
    expect(found('xWeibo, 2024Weibo, (Weibo), “Weibo”, 「Weibo」')).toEqual([
      ['weibo', 'Weibo'],
      ['weibo', 'Weibo'],
      ['weibo', 'Weibo'],
    ]);
  });
});

describe('spaces inside a name', () => {
  it('match any run of spaces and one line break, CR LF counted as one', () => {
    expect(found('Sina  Weibo, Sina\tWeibo, Sina\r\nWeibo, Sina\u2028Weibo')).toEqual(Array(4).fill(['weibo', expect.any(String)]));
    expect(found('Sina\r\nWeibo')).toEqual([['weibo', 'Sina\r\nWeibo']]);
  });

  it('do not run over two line breaks of any kind', () => {
    for (const text of ['Sina\r\rWeibo', 'Sina\n \nWeibo', 'Sina\u2028\u2029Weibo', 'Sina \n\t\nWeibo']) {
      expect(found(text), JSON.stringify(text)).toEqual([['weibo', 'Weibo']]);
    }
  });

  it('join a Chinese name over one line break, however it is written, and nothing else', () => {
    expect(found('国家网信\r\n办')).toEqual([['cac', '国家网信\r\n办']]);
    expect(found('国家网信\u2028办')).toEqual([['cac', '国家网信\u2028办']]);
    expect(found('国家网信\r\r办')).toEqual([]);
    expect(found('国家网信\n')).toEqual([]);
    expect(found('国家网信\nB办')).toEqual([]);
  });

  it('join a name broken right after its first character, and not over a blank line there', () => {
    expect(found('据网\n信办通报')).toEqual([['cac', '网\n信办']]);
    expect(found('网\n\n信办')).toEqual([]);
  });

  it('do not join a name in Latin letters, half- or full-width, over a line break', () => {
    expect(found('Wei\nbo')).toEqual([]);
    expect(found('用Ｗｅｉ\nｂｏ发帖')).toEqual([]);
    expect(found('用Ｗｅｉｂｏ发帖')).toEqual([['weibo', 'Ｗｅｉｂｏ']]);
  });

  it('join a watched name over a line break only where Han characters stand on both sides of it', () => {
    const matcher = compileMatcher({ userTerms: [{ id: 'u', terms: ['B站', '腾讯QQ', '山﨑'] }] });
    // Bilibili's nickname, Tencent QQ, and Yamazaki written with a compatibility ideograph (U+FA11).
    expect(found('B站, 腾讯QQ, 山﨑', matcher).map(([, t]) => t)).toEqual(['B站', '腾讯QQ', '山﨑']);
    expect(found('B\n站', matcher)).toEqual([]);
    expect(found('腾讯\nQQ', matcher)).toEqual([]);
    expect(found('山\n﨑', matcher)).toEqual([['u', '山\n﨑']]);
  });

  it('join a watched name over a line break next to the first and last ideographs of the CJK blocks', () => {
    // U+3400 opens Extension A, U+9FFF closes the unified block, U+F900 and U+FAFF open and close the compatibility block.
    const edges = ['\u3400', '\u9fff', '\uf900', '\ufaff'];
    const matcher = compileMatcher({ userTerms: [{ id: 'u', terms: edges.flatMap((c) => [`${c}一`, `一${c}`]) }] });
    for (const c of edges) {
      expect(found(`${c}\n一`, matcher), c).toEqual([['u', `${c}\n一`]]);
      expect(found(`一\n${c}`, matcher), c).toEqual([['u', `一\n${c}`]]);
    }
  });

  it('take invisible characters inside a name as nothing, capitals still demanded', () => {
    expect(found('Oper\u00adation Qinglang')).toEqual([['qinglang', 'Oper\u00adation Qinglang']]);
    expect(found('C\u200bA\u200bC said')).toEqual([['cac', 'C\u200bA\u200bC']]);
    expect(found('Clear \u200b and\u00a0 Bright campaign')).toEqual([['qinglang', 'Clear \u200b and\u00a0 Bright']]);
    expect(found('the clear and\u200b Bright campaign')).toEqual([]);
  });
});

describe('spelling', () => {
  it('takes no name with a letter wrong, and no more words of a name than are spelled right', () => {
    expect(found('the Caberspace Administration said')).toEqual([]);
    expect(found('the Office o the Central Cyberspace Affairs Commission')).toEqual([]);
    expect(found('Chinas Cyberspace Administration said')).toEqual([['cac', 'Cyberspace Administration']]);
  });
});

describe('capitals', () => {
  it('are demanded letter by letter, lower-case letters of the form matching either case', () => {
    expect(found('OPERATION QINGLANG, Operation QINGLANG')).toEqual([
      ['qinglang', 'OPERATION QINGLANG'],
      ['qinglang', 'Operation QINGLANG'],
    ]);
    expect(found('the CAc and the cAC')).toEqual([]);
    expect(found('the Clear and bright campaign')).toEqual([]);
  });
});

describe('the context of a form is read folded', () => {
  it('sees a local office through full-width letters and extra spaces', () => {
    expect(found('The Ｂｅｉｊｉｎｇ Cyberspace Administration said')).toEqual([]);
    expect(found('The Beijing   Cyberspace Administration said')).toEqual([]);
  });

  it('sees the Paris index after a non-breaking or full-width space', () => {
    expect(found('CAC\u00a0\u00a040 et ＣＡＣ　４０')).toEqual([]);
  });
});

describe('web addresses', () => {
  it('need a scheme before "://" and a dot after "www"', () => {
    expect(found('see ://Weibo')).toEqual([['weibo', 'Weibo']]);
    expect(found('the www page of Weibo, and wwwWeibo')).toEqual([['weibo', 'Weibo']]);
    expect(found('WeChat: Weibo')).toEqual([
      ['wechat', 'WeChat'],
      ['weibo', 'Weibo'],
    ]);
  });

  it('drop a name that turns out to be an address’s scheme, and keep the one before it', () => {
    expect(found('WeChat weixin://dl/chat then Douyin')).toEqual([
      ['wechat', 'WeChat'],
      ['douyin', 'Douyin'],
    ]);
  });

  it('skip an address in any case, and a www host after a dot', () => {
    expect(found('HTTPS://WEIBO.COM/Douyin and Https://weibo.com')).toEqual([]);
    expect(found('x.www.weibo.com')).toEqual([]);
  });

  it('skip a www address to its end, path included', () => {
    expect(found('Visit www.weibo.com/Douyin today, or WWW.WEIBO.COM/WeChat')).toEqual([]);
  });

  it('do not start an address at a "www." inside a host name, as the address finder does not', () => {
    const text = 'x.www.weibo.com/Douyin';
    expect(findUrlRanges(text)).toEqual([]);
    expect(found(text)).toEqual([['douyin', 'Douyin']]);
  });

  it('skip an address whose scheme is short', () => {
    expect(found('open qq://WeChat/share in the app')).toEqual([]);
  });

  it('need both slashes after the colon', () => {
    expect(found('I tried Weibo:/ then Douyin')).toEqual([
      ['weibo', 'Weibo'],
      ['douyin', 'Douyin'],
    ]);
    expect(found('time spent, WeChat:1/2, Douyin:1/4')).toEqual([
      ['wechat', 'WeChat'],
      ['douyin', 'Douyin'],
    ]);
  });

  it('take "www" without its dot as a word', () => {
    expect(found('she typed www Weibo into the box')).toEqual([['weibo', 'Weibo']]);
  });

  it('leave watched terms that begin like an address but are not one', () => {
    const matcher = compileMatcher({ entries: [], userTerms: [{ id: 'u', terms: ['WWF', 'WWW', 'Aww'] }] });
    expect(found('WWF said so', matcher)).toEqual([['u', 'WWF']]);
    expect(found('WWF. It said so', matcher)).toEqual([['u', 'WWF']]);
    expect(found('WWW turned 35', matcher)).toEqual([['u', 'WWW']]);
    expect(found('Aww. Sweet', matcher)).toEqual([['u', 'Aww']]);
  });
});

describe('the watch-list’s case rule', () => {
  it('keeps the case of a term written as an acronym, and matches other terms in any case', () => {
    const matcher = compileMatcher({ userTerms: [{ id: 'u', terms: ['NPC', 'U.S.', 'Npc board', 'X'] }] });
    expect(found('NPC npc U.S. u.s. NPC BOARD x', matcher).map(([, t]) => t)).toEqual(['NPC', 'U.S.', 'NPC BOARD', 'x']);
  });

  it('matches a term with lower-case letters in any case, however many capitals it has', () => {
    const matcher = compileMatcher({ userTerms: [{ id: 'u', terms: ['Great Firewall', 'e-CNY'] }] });
    expect(found('the great firewall, the GREAT FIREWALL, e-cny and E-CNY', matcher).map(([, t]) => t)).toEqual([
      'great firewall',
      'GREAT FIREWALL',
      'e-cny',
      'E-CNY',
    ]);
  });

  it('demands every capital of an acronym, Z included', () => {
    const matcher = compileMatcher({ userTerms: [{ id: 'u', terms: ['SZSE'] }] });
    expect(found('SZSE, SzSE, szse', matcher).map(([, t]) => t)).toEqual(['SZSE']);
  });

  it('demands the capitals of a term that starts in lower case when the user asks', () => {
    const matcher = compileMatcher({ userTerms: [{ id: 'u', terms: ['e-CNY'], caseSensitive: true }] });
    expect(found('the e-CNY, the E-CNY, the e-cny', matcher).map(([, t]) => t)).toEqual(['e-CNY', 'E-CNY']);
  });

  it('demands capitals when the user asks', () => {
    const matcher = compileMatcher({ userTerms: [{ id: 'u', terms: ['Great Firewall'], caseSensitive: true }] });
    expect(found('the great firewall, the Great Firewall, THE GREAT FIREWALL', matcher).map(([, t]) => t)).toEqual([
      'Great Firewall',
      'GREAT FIREWALL',
    ]);
  });
});

describe('the watch-list’s terms', () => {
  it('finds a one-letter term before punctuation as before a space or at the end', () => {
    const matcher = compileMatcher({ entries: [], userTerms: [{ id: 'x', terms: ['X'] }] });
    expect(found('Posted on X, then (X) and X', matcher)).toEqual(Array(3).fill(['x', 'X']));
  });

  it('takes the longest of many nested terms, however many of them end along the way', () => {
    // Each count crosses a point where the scanner's store of candidate ends must grow.
    for (const n of [33, 65, 129]) {
      const words = Array.from({ length: n }, (_, k) => `step${k}`);
      const terms = words.map((_, k) => words.slice(0, k + 1).join(' '));
      const matcher = compileMatcher({ entries: [], userTerms: [{ id: 'steps', terms }] });
      expect(found(`${words.join(' ')} done`, matcher), String(n)).toEqual([['steps', terms[n - 1]]]);
    }
  });
});

describe('the watch-list’s entities', () => {
  it('lists the built-ins first, then the user’s, each once, with a label and a colour', () => {
    const matcher = compileMatcher({
      userTerms: [
        { id: 'weibo', terms: ['微博客'] },
        { id: 'a', terms: ['alpha'] },
        { id: 'b', terms: ['beta'], label: 'Beta', description: 'the second', color: '#123456' },
      ],
    });
    const ids = matcher.entities.map((e) => e.id);
    expect(ids).toEqual(['cac', 'self-media', 'wechat', 'douyin', 'weibo', 'kuaishou', 'qinglang', 'a', 'b']);
    expect(entityInfo('weibo', matcher)?.builtin).toBe(true);
    expect(entityInfo('a', matcher)).toEqual({
      id: 'a',
      label: { en: 'a', zh: 'a' },
      description: { en: '', zh: '' },
      color: USER_COLORS[1],
      builtin: false,
    });
    expect(entityInfo('b', matcher)).toMatchObject({ label: { en: 'Beta', zh: 'Beta' }, description: { en: 'the second' }, color: '#123456' });
  });

  it('gives each of the user’s entities without a colour a colour of its own, none a built-in’s', () => {
    const userTerms = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, terms: [`term ${id}`] }));
    const matcher = compileMatcher({ userTerms });
    const colours = userTerms.map(({ id }) => entityInfo(id, matcher)?.color);
    for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(colours).size).toBe(6);
    const builtins = matcher.entities.filter((e) => e.builtin).map((e) => e.color);
    expect(colours.filter((c) => builtins.includes(c))).toEqual([]);
  });

  it('lets a user’s term win over the same text as a built-in name', () => {
    const matcher = compileMatcher({ userTerms: [{ id: 'mine', terms: ['Weibo'] }] });
    expect(found('on Weibo', matcher)).toEqual([['mine', 'Weibo']]);
  });

  it('finds the built-in entities’ info from a matcher that has only the user’s', () => {
    const matcher = compileMatcher({ entries: [], userTerms: [{ id: 'a', terms: ['alpha'] }] });
    expect(matcher.entities.map((e) => e.id)).toEqual(['a']);
    expect(entityInfo('weibo', matcher)?.id).toBe('weibo');
  });
});
