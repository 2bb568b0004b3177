import { describe, expect, it } from 'vitest';
import { foldString, isWordChar, normalize, toOriginalRange } from '../../lib/text';

describe('normalize', () => {
  it('folds full-width forms to their ASCII originals', () => {
    expect(normalize('据ＣＡＣ（国家网信办）').text).toBe('据CAC(国家网信办)');
  });

  it('folds curly quotes, apostrophes and middle dots to one form each', () => {
    expect(normalize('China’s “Qinglang” 「清朗・2024」 ‘x’').text).toBe(`China's "Qinglang" 「清朗·2024」 'x'`);
  });

  it('folds every kind of hyphen and dash to "-" and every kind of space to " "', () => {
    expect(normalize('self\u2010media self\u2011media self\u2013media self\u00a0media\u3000a\u202fb').text).toBe(
      'self-media self-media self-media self media a b',
    );
  });

  it('folds tone marks, precomposed or combining, to the base letter', () => {
    expect(normalize('Qīnglǎng').text).toBe('Qinglang');
    expect(normalize('Qi\u0304ngla\u030cng').text).toBe('Qinglang');
    expect(normalize('lǜ zìméitǐ').text).toBe('lu zimeiti');
  });

  it('drops invisible characters that sit inside words', () => {
    expect(normalize('Wei\u00adbo We\u200bChat').text).toBe('Weibo WeChat');
  });

  it('maps every folded character back to its original offset', () => {
    const source = 'Qi\u0304ngla\u030cng ＣＡＣ';
    const folded = normalize(source);
    expect(folded.text).toBe('Qinglang CAC');
    const cac = folded.text.indexOf('CAC');
    expect(toOriginalRange(folded, cac, cac + 3)).toEqual({ start: source.indexOf('ＣＡＣ'), end: source.length });
    expect(source.slice(folded.offsets[2], folded.offsets[3])).toBe('n');
  });

  it('keeps combining marks with the last letter of a range mapped back', () => {
    const source = 'zi\u0300mei\u0301ti\u030c!';
    const folded = normalize(source);
    expect(toOriginalRange(folded, 0, 'zimeiti'.length)).toEqual({ start: 0, end: source.length - 1 });
  });

  it('lower-cases without shifting offsets, even for İ', () => {
    const source = 'İstanbul CAC';
    expect(source.toLowerCase().length).toBe(source.length + 1); // why a plain toLowerCase() cannot be used
    const folded = normalize(source, { lowercase: true });
    expect(folded.text).toBe('istanbul cac');
    const cac = folded.text.indexOf('cac');
    expect(source.slice(...Object.values(toOriginalRange(folded, cac, cac + 3)))).toBe('CAC');
  });

  it('refuses a range outside the normalised text', () => {
    expect(() => toOriginalRange(normalize('abc'), 2, 9)).toThrow(RangeError);
  });
});

describe('foldString', () => {
  it('folds and optionally lower-cases a whole string', () => {
    expect(foldString('Ｑīnglǎng')).toBe('Qinglang');
    expect(foldString('Ｑīnglǎng', true)).toBe('qinglang');
  });
});

describe('isWordChar', () => {
  it('counts Latin letters, digits and accented letters as word characters', () => {
    for (const ch of ['a', 'Z', '7', '_', 'é', 'ǎ', 'Ｃ', 'ж']) expect(isWordChar(ch.charCodeAt(0)), ch).toBe(true);
  });

  it('does not count Han, kana, punctuation or spaces as word characters', () => {
    for (const ch of ['据', '稱', 'の', '，', '(', ' ', '\u00a0', "'", '-', '·']) expect(isWordChar(ch.charCodeAt(0)), ch).toBe(false);
  });
});
