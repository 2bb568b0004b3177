// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { detect, detectPage, type Explanation } from '../../lib/detect';

/** The sentence given for each ambiguous word, as the scan command's --explain prints it. */
function sentences(text: string, page = false): string[] {
  const out: Explanation[] = [];
  (page ? detectPage : detect)(text, undefined, { explain: (e) => out.push(e) });
  return out.map((e) => e.why);
}

describe('why an ambiguous word was or was not taken, in one sentence', () => {
  it('names the cue right next to it', () => {
    expect(sentences('快手平台')).toEqual(['快手 is the platform Kuaishou: next to it, a word about the platform follows.']);
    expect(sentences('三道快手菜')).toEqual(['快手 is not the platform Kuaishou: next to it, a dish (快手菜, 快手早餐).']);
  });

  it('quotes the name the text spells an acronym out as', () => {
    expect(sentences('The CAC (Cyberspace Administration) said.')).toEqual([
      'CAC is the Cyberspace Administration of China: the text spells it out here as “Cyberspace Administration”.',
    ]);
  });

  it('names what its sentence, or its paragraph, speaks of, with the words', () => {
    expect(sentences('抖音、快手等平台都收到了通知。')).toEqual([
      '快手 is the platform Kuaishou: its sentence speaks of the platforms (抖音, 平台).',
    ]);
    expect(sentences('先把葱姜蒜切好。\n快手也不例外。')).toEqual([
      '快手 is not the platform Kuaishou: its paragraph or the one before speaks of cooking (葱, 姜, 蒜).',
    ]);
  });

  it('says what the page defines, or what the word was elsewhere on the page', () => {
    expect(sentences('国际食品法典委员会（CAC）成立。\n他说了。\n今年CAC开会。', true)).toEqual([
      'CAC is not the Cyberspace Administration of China: the text spells it out here as “国际食品法典委员会”.',
      'CAC is not the Cyberspace Administration of China: the page defines CAC as “国际食品法典委员会”.',
    ]);
    expect(sentences('十分钟快手菜。\n他说了。\n快手也可以。', true)[1]).toBe(
      '快手 is not the platform Kuaishou: nothing nearby decides, and where its own context decided elsewhere on the page, 快手 was another word.',
    );
    expect(sentences('快手平台。\n他说了。\n快手也可以。', true)[1]).toBe(
      '快手 is the platform Kuaishou: nothing nearby decides, and where its own context decided elsewhere on the page, 快手 was the platform Kuaishou.',
    );
  });

  it('names the entity the page names, or says the word fell to its default', () => {
    expect(sentences('微博。\n他说了。\n快手也可以。', true)).toEqual([
      '快手 is the platform Kuaishou: nothing nearby decides, and the page names weibo.',
    ]);
    expect(sentences('清朗是一个好名字。')).toEqual(['清朗 is not the Qinglang campaign: nothing on the page decides, so it is left by default.']);
    expect(sentences('Officials at the CAC declined to comment.')).toEqual([
      'CAC is the Cyberspace Administration of China: nothing on the page decides, so it is taken by default.',
    ]);
  });
});
