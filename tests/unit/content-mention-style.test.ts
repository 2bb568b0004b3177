import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ENTITIES } from '../../lib/lexicon';
import { defaultSettings } from '../../lib/settings';
import { colorRules } from '../../entrypoints/lens.content/mentions/colors';
import { mentionStyleName } from '../../entrypoints/lens.content/mentions/style';

const css = readFileSync(join(__dirname, '../../entrypoints/lens.content/mentions/mentions.css'), 'utf8');
const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255}`;
};
/** The body of the first rule whose selector is exactly `selector`. */
const ruleBody = (source: string, selector: string) => {
  const at = source.indexOf(`${selector} {`);
  return at < 0 ? undefined : source.slice(at, source.indexOf('}', at));
};

describe('mention styles', () => {
  it('paints every built-in entity in its lexicon colour, as a highlight and as a fallback mark', () => {
    for (const entity of BUILTIN_ENTITIES) {
      const name = mentionStyleName(entity.id);
      expect(name).toBe(`qinglang-mention-${entity.id}`);
      expect(ruleBody(css, `::highlight(${name})`)).toContain(`rgb(${rgb(entity.color)}`);
      expect(ruleBody(css, `mark.${name}`)).toContain(`rgb(${rgb(entity.color)}`);
    }
  });

  it('gives the user’s own terms a style name of their own, and odd ids the shared one', () => {
    expect(mentionStyleName('user-npc')).toBe('qinglang-mention-user-npc');
    expect(mentionStyleName('user-npc-2')).toBe('qinglang-mention-user-npc-2');
    expect(mentionStyleName('x"){}body{display:none')).toBe('qinglang-mention-custom');
    expect(ruleBody(css, '::highlight(qinglang-mention-custom)')).toBeDefined();
  });
});

describe('colorRules', () => {
  it('is empty for a reader who changed nothing', () => {
    expect(colorRules(defaultSettings())).toBe('');
  });

  it('writes the colour a reader chose for a built-in entity, and for each of their terms', () => {
    const settings = defaultSettings();
    settings.colors = { weibo: '#123456' };
    settings.userTerms = [{ id: 'user-npc', label: 'NPC', terms: ['NPC', '全国人大'], color: '#ad7f58' }];
    const rules = colorRules(settings);
    expect(ruleBody(rules, '::highlight(qinglang-mention-weibo)')).toContain('rgb(18 52 86');
    expect(ruleBody(rules, '::highlight(qinglang-mention-user-npc)')).toContain('rgb(173 127 88');
    expect(ruleBody(rules, 'mark.qinglang-mention-user-npc')).toContain('rgb(173 127 88');
  });

  it('never lets a malformed colour into the stylesheet', () => {
    const settings = defaultSettings();
    settings.colors = { cac: 'red; } body { display: none; }' };
    expect(colorRules(settings)).toBe('');
  });
});
