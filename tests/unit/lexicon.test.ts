import { describe, expect, it } from 'vitest';
import { BUILTIN_ENTITIES } from '../../lib/lexicon';
import { ENTITY_IDS } from '../../lib/types';

// Simplified → traditional for the characters our Chinese names use. Written out here,
// independently of the lexicon, to check that it lists the traditional form of each name.
const TRADITIONAL: Record<string, string> = {
  国: '國', 网: '網', 办: '辦', 联: '聯', 体: '體', 络: '絡', 员: '員', 会: '會', 际: '際', 动: '動', 专: '專', 项: '項',
};

function toTraditional(text: string): string {
  return [...text].map((ch) => TRADITIONAL[ch] ?? ch).join('');
}

function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

describe('the built-in lexicon', () => {
  it('holds the seven entities of the contract, in its order', () => {
    expect(BUILTIN_ENTITIES.map((e) => e.id)).toEqual([...ENTITY_IDS]);
  });

  it('gives every entity a label and a description in English and Chinese', () => {
    for (const e of BUILTIN_ENTITIES) {
      expect(e.label.en, e.id).not.toBe('');
      expect(e.label.zh, e.id).toMatch(/\p{Script=Han}/u);
      expect(e.description.en.length, e.id).toBeGreaterThan(30);
      expect(e.description.zh, e.id).toMatch(/\p{Script=Han}/u);
    }
  });

  it('gives every entity its own colour, hues far enough apart to tell marks apart', () => {
    const hues = BUILTIN_ENTITIES.map((e) => {
      expect(e.color, e.id).toMatch(/^#[0-9a-f]{6}$/);
      return hue(e.color);
    });
    for (let i = 0; i < hues.length; i++) {
      for (let j = i + 1; j < hues.length; j++) {
        const apart = Math.min(Math.abs(hues[i]! - hues[j]!), 360 - Math.abs(hues[i]! - hues[j]!));
        expect(apart, `${BUILTIN_ENTITIES[i]!.id} / ${BUILTIN_ENTITIES[j]!.id}`).toBeGreaterThan(25);
      }
    }
  });

  it('lists the traditional form of every simplified Chinese name', () => {
    for (const e of BUILTIN_ENTITIES) {
      const texts = new Set(e.forms.map((f) => f.text));
      for (const text of texts) {
        const traditional = toTraditional(text);
        if (traditional !== text) expect(texts.has(traditional), `${e.id}: ${text} → ${traditional}`).toBe(true);
      }
    }
  });

  it('lists no form twice within an entity', () => {
    for (const e of BUILTIN_ENTITIES) {
      const texts = e.forms.map((f) => f.text);
      expect(new Set(texts).size, e.id).toBe(texts.length);
    }
  });

  it('uses no stateful regular expressions in context rules', () => {
    // test() on a /g or /y RegExp moves lastIndex and would make rules flip between calls.
    for (const e of BUILTIN_ENTITIES) {
      for (const f of e.forms) {
        const rules = [f.notPrecededBy, f.notFollowedBy, ...(f.onlyIn ?? []).flatMap((c) => [c.precededBy, c.followedBy])];
        for (const re of rules) if (re) expect(re.global || re.sticky, `${e.id}: ${f.text}`).toBe(false);
      }
    }
  });
});
