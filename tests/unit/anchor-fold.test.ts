import { describe as group, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldString, foldText, toFoldedOffset, toOriginalRange } from '../../lib/anchor/fold-text';

// Folding takes out what a page's text extraction changes from visit to visit without
// changing how the text reads: every kind of whitespace and invisible character, the
// full-width forms of ASCII, curly quotation marks.

const DROPPED: Array<[string, string]> = [
  ['space', ' '], ['tab', '\t'], ['line feed', '\n'], ['vertical tab', '\v'], ['form feed', '\f'],
  ['carriage return', '\r'], ['next line', '\u0085'], ['no-break space', '\u00a0'], ['soft hyphen', '\u00ad'],
  ['ogham space', '\u1680'], ['en quad', '\u2000'], ['thin space', '\u2009'], ['zero-width space', '\u200b'],
  ['zero-width joiner', '\u200d'], ['line separator', '\u2028'], ['paragraph separator', '\u2029'],
  ['narrow no-break space', '\u202f'], ['medium mathematical space', '\u205f'], ['word joiner', '\u2060'],
  ['ideographic space', '\u3000'], ['byte order mark', '\ufeff'],
];

// Neighbours of the dropped ones that are text (or controls a page would not re-typeset).
const KEPT: Array<[string, string]> = [
  ['NUL', '\u0000'], ['backspace', '\b'], ['shift out', '\u000e'], ['unit separator', '\u001f'], ['!', '!'],
  ['a C1 control before next line', '\u0084'], ['a C1 control after it', '\u0086'], ['¬', '\u00ac'], ['®', '\u00ae'],
  ['Greek ῿', '\u1fff'], ['left-to-right mark', '\u200e'], ['hyphenation point', '\u2027'], ['left-to-right embedding', '\u202a'],
  ['‰', '\u2030'], ['⁞', '\u205e'], ['function application', '\u2061'], ['、', '\u3001'], ['〿', '\u303f'],
  ['﻾', '\ufefe'], ['halfwidth ｟', '\uff5f'], ['𐀀 (a pair of surrogates)', '\u{10000}'],
];

group('foldText', () => {
  it.each(DROPPED)('drops the %s', (_name, ch) => {
    expect(foldString(`a${ch}b${ch}`)).toBe('ab');
  });

  it.each(KEPT)('keeps %s', (_name, ch) => {
    expect(foldString(`a${ch}b`)).toBe(`a${ch}b`);
  });

  it('reads full-width ASCII as the half-width original, from ！ to ～ and nothing beyond', () => {
    expect(foldString('ＣＡＣ，１２３！～')).toBe('CAC,123!~');
    expect(foldString('\uff00\uff5f')).toBe('\uff00\uff5f');
  });

  it('reads curly quotation marks as straight ones, and leaves low and angle quotes alone', () => {
    expect(foldString('‘single’ “double”')).toBe(`'single'"double"`);
    expect(foldString('‚low„ «angle» 「corner」')).toBe('‚low„«angle»「corner」');
  });

  it('keeps the way back to each kept character, and the text length at the end', () => {
    const ft = foldText(' W e\n\ni bo ');
    expect(ft.text).toBe('Weibo');
    expect(Array.from(ft.offsets)).toEqual([1, 3, 6, 8, 9, 11]);
  });

  it('folds a text longer than one chunk of character codes without losing or repeating any', () => {
    const text = 'ab '.repeat(10_000);
    const ft = foldText(text);
    expect(ft.text).toBe('ab'.repeat(10_000));
    expect(ft.offsets[ft.text.length]).toBe(text.length);
    expect(ft.offsets[19_999]).toBe(29_998);
  });
});

group('the way back from folded offsets', () => {
  const text = ' The  CAC\nsaid ';
  const ft = foldText(text);

  it('maps a folded range to the original characters, without the dropped ones around it', () => {
    const at = ft.text.indexOf('CACsaid');
    expect(toOriginalRange(ft, at, at + 'CACsaid'.length)).toEqual({ start: 6, end: 14 });
    expect(text.slice(6, 14)).toBe('CAC\nsaid');
    expect(toOriginalRange(ft, 0, 1)).toEqual({ start: 1, end: 2 });
  });

  it('gives the folded place of a kept character, of a dropped one (the next kept), and of the end', () => {
    expect(toFoldedOffset(ft, 1)).toBe(0); // T
    expect(toFoldedOffset(ft, 0)).toBe(0); // the leading space: T comes next
    expect(toFoldedOffset(ft, 6)).toBe(3); // C of CAC
    expect(toFoldedOffset(ft, 4)).toBe(3); // a space before CAC
    expect(toFoldedOffset(ft, 9)).toBe(6); // the line break: s comes next
    expect(toFoldedOffset(ft, text.length - 1)).toBe(ft.text.length);
    expect(toFoldedOffset(ft, text.length)).toBe(ft.text.length);
  });

  it('finds every original offset again, whatever the text', () => {
    const unit = fc.constantFrom('a', '网', ' ', '\n', '\u00a0', '！');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), fc.nat(), (s, n) => {
        const folded = foldText(s);
        const offset = n % (s.length + 1);
        const f = toFoldedOffset(folded, offset);
        // The first kept character at or after the offset, or the end.
        const next = [...folded.offsets.subarray(0, folded.text.length)].findIndex((o) => o >= offset);
        expect(f).toBe(next === -1 ? folded.text.length : next);
      }),
      { seed: 3, numRuns: 500 },
    );
  });
});
