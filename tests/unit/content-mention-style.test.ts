import { describe, expect, it } from 'vitest';
import { BUILTIN_ENTITIES } from '../../lib/lexicon';
import { defaultSettings } from '../../lib/settings';
import { mentionRules } from '../../entrypoints/lens.content/mentions/colors';
import { entityOfStyleName, mentionStyleName } from '../../entrypoints/lens.content/mentions/style';
import { createPageNames } from '../../entrypoints/lens.content/page/page-names';
import { prng } from '../../bench/random';

const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255}`;
};
/** The body of the first rule whose selector is exactly `selector`. */
const ruleBody = (source: string, selector: string) => {
  const at = source.indexOf(`${selector} {`);
  return at < 0 ? undefined : source.slice(at, source.indexOf('}', at));
};

describe('page names', () => {
  it('are fresh for each page load and say nothing of the product', () => {
    const one = createPageNames(prng(1));
    const two = createPageNames(prng(2));
    const keys = ['mention:cac', 'mention:weibo', 'fact', 'reveal'];
    for (const key of keys) {
      expect(one.highlight(key)).toMatch(/^[a-z]{10}$/);
      expect(one.highlight(key)).not.toBe(two.highlight(key));
      expect(one.keyOf(one.highlight(key))).toBe(key);
    }
    expect(new Set(keys.map((k) => one.highlight(k))).size).toBe(keys.length);
    const tag = one.tag('ui');
    expect(tag).toMatch(/^[a-z]{5}-[a-z]{5}$/);
    expect(one.isOurTag(tag)).toBe(true);
    expect(one.isOurTag(two.tag('ui'))).toBe(false);
    expect(one.keyOf('qinglang-mention-cac')).toBeUndefined();
  });
});

describe('mention styles', () => {
  it('paints every built-in entity in its lexicon colour, as a highlight and as a fallback mark', () => {
    const css = mentionRules(defaultSettings());
    for (const entity of BUILTIN_ENTITIES) {
      const name = mentionStyleName(entity.id);
      expect(entityOfStyleName(name)).toBe(entity.id);
      expect(ruleBody(css, `::highlight(${name})`)).toContain(`rgb(${rgb(entity.color)}`);
      expect(ruleBody(css, `mark.${name}`)).toContain(`rgb(${rgb(entity.color)}`);
    }
    expect(css.toLowerCase()).not.toContain('qinglang');
  });

  it('gives every term a safe name of its own, whatever its id', () => {
    expect(mentionStyleName('user-npc')).toMatch(/^[a-z]+$/);
    expect(mentionStyleName('x"){}body{display:none')).toMatch(/^[a-z]+$/);
    expect(mentionStyleName('user-npc')).not.toBe(mentionStyleName('user-npc-2'));
  });

  it('writes the colour a reader chose for a built-in entity, and for each of their terms', () => {
    const settings = defaultSettings();
    settings.colors = { weibo: '#123456' };
    settings.userTerms = [{ id: 'user-npc', label: 'NPC', terms: ['NPC', '全国人大'], color: '#ad7f58' }];
    const rules = mentionRules(settings);
    expect(ruleBody(rules, `::highlight(${mentionStyleName('weibo')})`)).toContain('rgb(18 52 86');
    expect(ruleBody(rules, `::highlight(${mentionStyleName('user-npc')})`)).toContain('rgb(173 127 88');
    expect(ruleBody(rules, `mark.${mentionStyleName('user-npc')}`)).toContain('rgb(173 127 88');
    // The terms themselves are the user's: never written into a sheet the page can read.
    expect(rules).not.toContain('NPC');
    expect(rules).not.toContain('全国人大');
  });

  it('never lets a malformed colour into the stylesheet', () => {
    const settings = defaultSettings();
    settings.colors = { cac: 'red; } body { display: none; }' };
    const rules = mentionRules(settings);
    expect(rules).not.toContain('display: none');
    expect(ruleBody(rules, `::highlight(${mentionStyleName('cac')})`)).toContain(`rgb(${rgb(BUILTIN_ENTITIES.find((e) => e.id === 'cac')!.color)}`);
  });
});
