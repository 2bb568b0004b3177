// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BUILTIN_ENTITIES } from '../../lib/lexicon';
import { foldHan } from '../../lib/search/fold';
import { entityText, TRADITIONAL } from '../../entrypoints/lens.content/mentions/card-text';
import { cardLanguage, scriptOfText } from '../../entrypoints/lens.content/page/page-script';

function page(lang: string, body: string): Document {
  document.documentElement.lang = lang;
  document.body.innerHTML = body;
  return document;
}

describe('the hover card’s language', () => {
  it('speaks Traditional on a page that declares it', () => {
    expect(cardLanguage(page('zh-TW', '<p>國家網信辦</p>'), 'en-US')).toBe('zh-Hant');
    expect(cardLanguage(page('zh-Hant-HK', '<p>網信辦</p>'), 'en-US')).toBe('zh-Hant');
  });

  it('speaks Traditional on a page that only says "zh" but writes Traditional, and Simplified on one that writes Simplified', () => {
    expect(cardLanguage(page('zh', '<p>國家網信辦發布通知，這些賬號將被關閉。</p>'), 'en-US')).toBe('zh-Hant');
    expect(cardLanguage(page('zh', '<p>国家网信办发布通知，这些账号将被关闭。</p>'), 'en-US')).toBe('zh-Hans');
    expect(cardLanguage(page('', '<p>網友們說這是國家的規定。</p>'), 'en-US')).toBe('zh-Hant');
  });

  it('speaks Simplified on a page that declares it, whatever its odd characters', () => {
    expect(cardLanguage(page('zh-CN', '<p>这是「國」字</p>'), 'en-US')).toBe('zh-Hans');
  });

  it('falls back to the interface language on a page in another language', () => {
    expect(cardLanguage(page('en', '<p>The CAC said so.</p>'), 'en-US')).toBe('en');
    expect(cardLanguage(page('en', '<p>The CAC said so.</p>'), 'zh-TW')).toBe('zh-Hant');
    expect(cardLanguage(page('fr', '<p>La CAC</p>'), 'zh-CN')).toBe('zh-Hans');
  });

  it('finds no script in text without telling characters', () => {
    expect(scriptOfText('Weibo 微博 抖音')).toBeUndefined();
  });

  it('gives 網信辦 on a Traditional page and 网信办 on a Simplified one', () => {
    expect(entityText('cac', 'zh-Hant')?.label).toBe('網信辦');
    expect(entityText('cac', 'zh-Hans')?.label).toBe('网信办');
    expect(entityText('cac', 'en')?.label).toBe('CAC');
  });

  it('keeps every Traditional text the lexicon’s Simplified one, character for character', () => {
    for (const entity of BUILTIN_ENTITIES) {
      const hant = TRADITIONAL[entity.id]!;
      expect(hant, entity.id).toBeDefined();
      expect(foldHan(hant.label)).toBe(foldHan(entity.label.zh));
      expect(foldHan(hant.description)).toBe(foldHan(entity.description.zh));
    }
    // Written in Traditional, not copied: the CAC's description differs from the Simplified one.
    expect(TRADITIONAL.cac!.description).not.toBe(BUILTIN_ENTITIES.find((e) => e.id === 'cac')!.description.zh);
  });
});
