// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { compileMatcher, detect, detectPage, lastBlockOf, PageContext, type Explanation, type Matcher } from '../../lib/detect';

/** [word, taken, tier] for every ambiguous word met. */
function why(text: string, matcher?: Matcher, options = {}): Array<[string, boolean, string]> {
  const out: Explanation[] = [];
  detect(text, matcher, { ...options, explain: (e) => out.push(e) });
  return out.map((e) => [e.text, e.taken, e.decision.tier]);
}

/** The explanation of every ambiguous word met; `page` reads the text as a whole page first. */
function explained(text: string, { page = false, matcher }: { page?: boolean; matcher?: Matcher } = {}): Explanation[] {
  const out: Explanation[] = [];
  (page ? detectPage : detect)(text, matcher, { explain: (e) => out.push(e) });
  return out;
}

const cac = (text: string) => detect(text).filter((m) => m.entity === 'cac').map((m) => m.text);

describe('an acronym spelt out where it stands', () => {
  it('reads the name before the bracket, after the words that introduce a short form', () => {
    for (const text of [
      'the Codex Alimentarius Commission (hereinafter referred to as "CAC") met.',
      'the Codex Alimentarius Commission (hereinafter CAC) met.',
      'the Codex Alimentarius Commission (or CAC) met.',
      'the Codex Alimentarius Commission (abbreviated as CAC) met.',
      'the Codex Alimentarius Commission (abbreviated CAC) met.',
      '国际食品法典委员会（以下简称“CAC”）召开会议。',
      '国际食品法典委员会（下称CAC）召开会议。',
      '國際食品法典委員會（簡稱「CAC」），',
    ]) {
      expect(why(text), text).toEqual([['CAC', false, 'definition']]);
    }
  });

  it('takes a name whose last words start with the acronym’s letters for another body', () => {
    expect(why('the Committee on Arbitration and Conciliation (CAC) ruled.')).toEqual([['CAC', false, 'definition']]);
    expect(why('The Chartered Accountants-Certification (CAC) board said.')).toEqual([['CAC', false, 'definition']]);
    expect(why('The CAC (Council for Arts and Culture) said.')).toEqual([['CAC', false, 'definition']]);
  });

  it('learns nothing from a bracket whose name does not spell the acronym', () => {
    // "the regulator" is a description, "Chinese Authorities" has too few words: the sentence decides.
    expect(why('the regulator (CAC) said so.')).toEqual([['CAC', true, 'fallback']]);
    expect(why('Chinese Authorities (CAC) said so.')).toEqual([['CAC', true, 'fallback']]);
    expect(why('The CAC (new rules) said so.')).toEqual([['CAC', true, 'fallback']]);
    // A bracket that does not close right after the acronym defines nothing.
    expect(why('the Central Arts Council (CAC and others) met.')).toEqual([['CAC', true, 'fallback']]);
    expect(why('中国艺术委员会（CAC等）发布公告。')).toEqual([['CAC', true, 'fallback']]);
    // A bracket that holds more than the short form, or opens further back, is not a definition.
    expect(why('the Central Arts Council (see CAC) met.')).toEqual([['CAC', true, 'fallback']]);
    expect(why('Officials of the Central Arts Council (Beijing) said the CAC, which regulates the internet, would act.')).toEqual([
      ['CAC', true, 'sentence'],
    ]);
    // A bracket after it that is not right after it, or whose words spell other letters.
    expect(why('CAC发布通知（全文见附件）。')).toEqual([['CAC', true, 'fallback']]);
    expect(why('The CAC (see the notice below) said so.')).toEqual([['CAC', true, 'fallback']]);
  });
  it('reads a Chinese name in the bracket right after the acronym, with or without a space', () => {
    expect(why('CAC（中国艺术委员会）发布公告。')).toEqual([['CAC', false, 'definition']]);
    expect(why('CAC （中国艺术委员会）发布公告。')).toEqual([['CAC', false, 'definition']]);
  });

  it('leaves out the small words of English and French when it spells the acronym', () => {
    for (const name of [
      'Campaign Against the Cuts',
      'Council of Advertising Companies',
      'Coalition for Artists in Crisis',
      'Council for Arts & Culture',
      'National Council for Arts and Culture',
      'Conseil des Arts du Canada',
      'Conseil Artistique de la Culture',
      'Comité Art et Culture',
      'Conseil Audiovisuel en Corse',
    ]) {
      const text = `The CAC (${name}) said.`;
      expect(why(text), text).toEqual([['CAC', false, 'definition']]);
    }
  });

  it('reads a name spread out by runs of spaces', () => {
    for (const text of ['the Central  Arbitration Committee (CAC) ruled.', 'the Central Arbitration Committee   (CAC) ruled.']) {
      expect(why(text), text).toEqual([['CAC', false, 'definition']]);
    }
  });

  it('takes as the name only the capitalised words right before the bracket, small words at its start aside', () => {
    for (const [text, name] of [
      ['Delegates reached a decision on the Codex Alimentarius Commission (CAC) budget.', 'Codex Alimentarius Commission'],
      ['报道称，the Central Arbitration Committee (CAC) ruled on pay.', 'Central Arbitration Committee'],
      ['Hier, le Conseil des Arts du Canada (CAC) a annoncé un budget.', 'Conseil des Arts du Canada'],
    ]) {
      const [e] = explained(text);
      expect([e?.taken, e?.decision.tier, e?.decision.label], text).toEqual([false, 'definition', name]);
    }
    // The lower-case words further back are not part of it, even when they speak of the regulator.
    expect(why('Unlike the cyberspace regulator, the Central Arbitration Committee (CAC) ruled.')).toEqual([['CAC', false, 'definition']]);
  });
});

describe('the words around an ambiguous word', () => {
  it('reads its own sentence before the rest of its paragraph', () => {
    // The paragraph speaks of cooking twice, the sentence of the platforms once.
    expect(why('锅烧热，放葱。抖音和快手也一样。')).toEqual([['快手', true, 'sentence']]);
    expect(why('锅烧热，放葱。快手也一样。')).toEqual([['快手', false, 'passage']]);
    expect(why('锅烧热. 抖音和快手也一样')).toEqual([['快手', true, 'sentence']]);
  });

  it('counts each cue word once, and lets neither side win a tie', () => {
    // 抖音 three times against 葱 and 蒜: one word against two, the dish wins.
    expect(why('抖音抖音抖音，葱，蒜，快手也是。')).toEqual([['快手', false, 'sentence']]);
    // One word each: a tie, and the fallback decides.
    expect(why('抖音，葱，快手也是。')).toEqual([['快手', false, 'fallback']]);
  });

  it('reads no further than 400 characters each side within a long paragraph', () => {
    expect(why(`抖音${'他'.repeat(420)}快手也是`)).toEqual([['快手', false, 'fallback']]);
    expect(why(`${'抖音' + '他'.repeat(380)}快手也是`)).toEqual([['快手', true, 'sentence']]);
    expect(why(`快手也是${'他'.repeat(420)}抖音`)).toEqual([['快手', false, 'fallback']]);
  });

  it('reads the last block of the text before when it starts with the word’s block', () => {
    const before = '抖音上线新功能。\n\n\n';
    expect(why('快手也是。', undefined, { before })).toEqual([['快手', true, 'passage']]);
    expect(lastBlockOf(before)).toBe('抖音上线新功能。');
    expect(lastBlockOf('一\u001e二\u2029 \n')).toBe('二');
    expect(lastBlockOf(' \n ')).toBe('');
  });

  it('does not count the word itself among its cues', () => {
    const matcher = compileMatcher({ userTerms: [{ id: 'gfw', label: 'Great Firewall', terms: ['GFW'], ambiguous: true }] });
    expect(why('GFW GFW GFW said so.', matcher).map(([, taken]) => taken)).toEqual([false, false, false]);
    expect(why('The great firewall, or GFW, said so.', matcher)).toEqual([['GFW', true, 'sentence']]);
  });
  it('ends a block at a carriage return, a line or paragraph separator or a block break as at a line feed', () => {
    // One block: two cooking words against one platform word. Three blocks: the block before speaks of the platform.
    expect(why('锅烧热，放葱。抖音上线新功能。快手也是。')).toEqual([['快手', false, 'passage']]);
    for (const sep of ['\n', '\r', '\u2028', '\u2029', '\u001e']) {
      const text = `锅烧热，放葱。${sep}抖音上线新功能。${sep}快手也是。`;
      expect(why(text), JSON.stringify(sep)).toEqual([['快手', true, 'passage']]);
    }
  });

  it('looks past blank and whitespace-only lines for the block before', () => {
    for (const text of ['抖音上线新功能。\n\n快手也是。', '抖音上线新功能。\r\n\r\n快手也是。', '抖音上线新功能。\n \u3000\n快手也是。']) {
      expect(why(text), JSON.stringify(text)).toEqual([['快手', true, 'passage']]);
    }
  });

  it('reads only the last 400 characters of the block before', () => {
    expect(why(`抖音${'他'.repeat(420)}\n快手也是。`)).toEqual([['快手', false, 'fallback']]);
    expect(why(`抖音${'他'.repeat(380)}\n快手也是。`)).toEqual([['快手', true, 'passage']]);
  });

  it('reads a cue word that ends 400 characters after the word, and not one that ends a character later', () => {
    expect(why(`快手也是${'他'.repeat(396)}抖音`)).toEqual([['快手', true, 'sentence']]);
    expect(why(`快手也是${'他'.repeat(397)}抖音`)).toEqual([['快手', false, 'fallback']]);
  });

  it('reads each use of a word in a long paragraph with its own 400 characters each side', () => {
    expect(why(`抖音${'他'.repeat(100)}快手${'他'.repeat(350)}快手`)).toEqual([
      ['快手', true, 'sentence'],
      ['快手', false, 'fallback'],
    ]);
    expect(why(`快手${'他'.repeat(350)}快手${'他'.repeat(100)}抖音`)).toEqual([
      ['快手', false, 'fallback'],
      ['快手', true, 'sentence'],
    ]);
  });

  it('reads each ambiguous word with its own cue words, not those of another word in the same paragraph', () => {
    // 抖音 makes 快手 the platform; it says nothing about 清朗, here a person's name.
    expect(why('抖音和快手的主播里，清朗是最年轻的一位。')).toEqual([
      ['快手', true, 'sentence'],
      ['清朗', false, 'fallback'],
    ]);
  });

  it('ends the word’s sentence at the first full stop after it, in a block that starts anywhere in the text', () => {
    // Each time the paragraph holds one platform word and one cooking word: a tie, unless the
    // sentence is read wrongly and takes in one of them.
    expect(why('锅烧热。\n快手也是。抖音上线了。')).toEqual([['快手', false, 'fallback']]);
    expect(why('他说：\n快手。抖音上线了。葱切好了。')).toEqual([['快手', false, 'fallback']]);
    expect(why('记者这样写道：\n快手也是。抖音上线了。葱切好了。')).toEqual([['快手', false, 'fallback']]);
  });

  it('counts the block before for the paragraph, never for the word’s own sentence', () => {
    expect(why('抖音上线新功能。\n锅烧热。快手也是。')).toEqual([['快手', false, 'fallback']]);
  });

  it('names the group most of the winning cue words belong to, wherever they stand', () => {
    const cooking = explained('他做事一向讲究：锅烧热，放葱和蒜，快手也是。')[0]!;
    expect([cooking.taken, cooking.decision.label]).toEqual([false, 'cooking']);
    expect(cooking.why).toContain('speaks of cooking');
    const work = explained('锅烧热，他干活麻利又勤快，快手也是。')[0]!;
    expect([work.taken, work.decision.label]).toEqual([false, 'a manner of working']);
  });
});

describe('the page’s record', () => {
  it('holds one definition of an acronym, and none once it is defined both ways', () => {
    const page = new PageContext();
    page.define('cac', { sense: 'other', expansion: 'a stock index name' });
    expect(page.definitionOf('cac')).toEqual({ sense: 'other', expansion: 'a stock index name' });
    const version = page.version;
    page.define('cac', { sense: 'other', expansion: 'the Codex' });
    expect(page.version).toBe(version);
    page.define('cac', { sense: 'entity', expansion: 'Cyberspace Administration' });
    expect(page.version).toBe(version + 1);
    expect(page.definitionOf('cac')).toBeUndefined();
  });

  it('holds the sense a word had, and none once it had both', () => {
    const page = new PageContext();
    expect(page.senseOf('快手')).toBeUndefined();
    expect([page.hasSeen('快手', 'other'), page.hasSeen('快手', 'entity')]).toEqual([false, false]);
    page.saw('快手', 'other');
    page.saw('快手', 'other');
    expect([page.senseOf('快手'), page.hasSeen('快手', 'other'), page.hasSeen('快手', 'entity'), page.version]).toEqual(['other', true, false, 1]);
    page.saw('快手', 'entity');
    expect(page.senseOf('快手')).toBeUndefined();
  });

  it('moves its version only for an entity it did not know it names', () => {
    const page = new PageContext();
    page.name('weibo');
    page.name('weibo');
    expect(page.version).toBe(1);
    expect(page.namesAny(['douyin', 'weibo'])).toBe('weibo');
    expect(page.namesAny(['douyin'])).toBeUndefined();
  });

  it('is stale only when it learns after a decision taken from its side', () => {
    const page = new PageContext();
    page.name('weibo');
    expect(page.stale).toBe(false);
    page.dependedOnPage();
    page.dependedOnPage();
    expect(page.stale).toBe(false);
    page.name('douyin');
    expect(page.stale).toBe(true);
    page.settled();
    expect(page.stale).toBe(false);
  });

  it('is never stale while no decision was taken from its side, however much it learns', () => {
    const page = new PageContext();
    page.name('weibo');
    page.name('douyin');
    page.saw('快手', 'entity');
    expect(page.stale).toBe(false);
  });

  it('stays stale from the first decision taken from its side, though later ones came after what it learnt', () => {
    const page = new PageContext();
    page.dependedOnPage();
    page.name('weibo');
    page.dependedOnPage();
    expect(page.stale).toBe(true);
  });

  it('learns from a whole name that it defines the acronym as the regulator', () => {
    const page = new PageContext();
    detect('The Cyberspace Administration of China (CAC) said.', undefined, { page });
    expect(page.definitionOf('cac')).toEqual({ sense: 'entity', expansion: 'Cyberspace Administration of China (CAC)' });
    expect(page.namesAny(['cac'])).toBe('cac');
  });

  it('lets a definition elsewhere on the page decide, unless the page also uses the word as the entity by its own words', () => {
    const index = 'Le CAC 40 a clôturé.\nIl a dit.\nLe CAC a fini.';
    expect(cac(index)).toEqual(['CAC']);
    expect(detectPage(index).filter((m) => m.entity === 'cac')).toEqual([]);
  });
  it('learns from a stock index name what a bare CAC elsewhere on the page is', () => {
    const page = new PageContext();
    detect('In Paris the CAC 40 closed flat.', undefined, { page });
    expect(page.definitionOf('cac')?.sense).toBe('other');
    expect(page.definitionOf('cac')?.expansion).toMatch(/stock index/);
    expect(why('Later the CAC recovered.', undefined, { page })).toEqual([['CAC', false, 'page-definition']]);
  });

  it('learns a sense, not a definition, from a word next to 快手', () => {
    const page = new PageContext();
    detect('十分钟快手菜。', undefined, { page });
    expect(page.senseOf('快手')).toBe('other');
    expect(page.definitionOf('快手')).toBeUndefined();
  });

  it('keeps the page’s definition of CAC as the regulator where its own words also made it the regulator', () => {
    const text = 'The CAC met on Monday.\n\n\n\nThe CAC (Cyberspace Administration) said.\n\n\n\nThe CAC will fine online platforms.';
    expect(explained(text, { page: true }).map((e) => [e.taken, e.decision.tier, e.decision.label])).toEqual([
      [true, 'page-definition', 'Cyberspace Administration'],
      [true, 'definition', 'Cyberspace Administration'],
      [true, 'sentence', 'Chinese internet regulation'],
    ]);
  });

  it('takes a bare word as the entity on a page that names one of its world’s entities', () => {
    const [e] = explained('微博收到通知。\n\n\n\nCAC表示将继续。', { page: true });
    expect(e?.decision).toEqual({ take: true, sense: 'entity', tier: 'page-entities', label: 'weibo' });
  });

  it('lets weather words never make 清朗 the adjective: on a campaign page a bare 清朗 stays the campaign', () => {
    const text = '“清朗”专项行动今起启动。\n\n\n\n据悉，今年夏天气温偏高、降雨偏多，清朗期间将重点整治谣言。';
    expect(explained(text, { page: true }).map((e) => [e.taken, e.decision.tier])).toEqual([
      [true, 'near'],
      [true, 'page-sense'],
    ]);
    // Read alone, the paragraph says nothing the rule listens to, and 清朗 falls to the adjective.
    expect(why('据悉，今年夏天气温偏高、降雨偏多，清朗期间将重点整治谣言。')).toEqual([['清朗', false, 'fallback']]);
  });
});
