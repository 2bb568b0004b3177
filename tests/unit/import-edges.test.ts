// What an import says and keeps at the edges: selectors that cannot be placed are refused with
// the reason, warnings count in words that agree with their number, a page carries no empty
// fields, and only web addresses are ever offered as links.
import { describe, expect, it } from 'vitest';
import { classifyUrl, safeHttpUrl } from '../../lib/import';
import { accepted, refused } from './import-parse';

const page = 'https://news.example.com/a';
const quote = (exact: string) => ({ type: 'TextQuoteSelector', exact });
const annotation = (selector: unknown, more: Record<string, unknown> = {}) => ({ type: 'Annotation', target: { source: page, selector }, ...more });



describe('selectors that cannot place a passage are refused, saying what they lack', () => {
  it('refuses a quote selector without its quoted text', () => {
    const error = refused(JSON.stringify([annotation(quote('Weibo closed 80 accounts.')), annotation({ type: 'TextQuoteSelector', prefix: 'Before ' })]));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/^Annotation 2: .*a TextQuoteSelector with its quoted text \(“exact”\)/);
  });

  it('refuses a position selector that ends before it starts, or has no end', () => {
    for (const position of [{ start: 40, end: 12 }, { start: 40 }, { end: 12 }]) {
      const error = refused(JSON.stringify(annotation([quote('Weibo'), { type: 'TextPositionSelector', ...position }])));
      expect(error.code).toBe('invalid');
      expect(error.message).toMatch(/^Annotation 1: .*a TextPositionSelector with a start and an end not before it/);
    }
  });

  it('takes a passage of no length (start equal to end) and the selectors it cannot use beside a quote', () => {
    const result = accepted(
      JSON.stringify(annotation([quote('Weibo'), { type: 'TextPositionSelector', start: 7, end: 7 }, { type: 'RangeSelector', start: 3 }])),
    );
    expect(result.highlights[0]?.selectors).toEqual([quote('Weibo'), { type: 'TextPositionSelector', start: 7, end: 7 }]);
  });
});

describe('warnings count in words that agree with the number', () => {
  it('says one annotation was skipped in the singular', () => {
    const one = accepted(JSON.stringify([annotation(quote('kept')), { type: 'Annotation', target: 'https://a.example/' }]));
    expect(one.warnings.map((w) => w.message)).toEqual(['1 annotation quotes no text from a page (no TextQuoteSelector) and was skipped.']);
    const elsewhere = { type: 'Annotation', target: { source: 'urn:isbn:978-0-00', selector: quote('a book') } };
    expect(accepted(JSON.stringify([annotation(quote('kept')), elsewhere])).warnings.map((w) => w.message)).toEqual([
      '1 annotation is about something other than a web page and was skipped.',
    ]);
  });

  it('says so in the plural for more than one', () => {
    const elsewhere = (n: number) => ({ type: 'Annotation', target: { source: `urn:isbn:978-0-0${n}`, selector: quote('a book') } });
    const a = annotation(quote('a'), { id: 'a' });
    const b = annotation(quote('b'), { id: 'b' });
    const result = accepted(JSON.stringify([a, a, b, b, elsewhere(1), elsewhere(2)]));
    expect(result.warnings.map((w) => w.message).sort()).toEqual([
      '2 annotations appeared more than once; the latest edit of each was kept.',
      '2 annotations are about something other than a web page and were skipped.',
    ]);
  });
});

describe('an imported page holds only what the file gave', () => {
  it('has no site, author or date fields when the file names none', () => {
    const result = accepted(JSON.stringify(annotation(quote('Weibo'), { 'ql:schemaVersion': 1, 'ql:page': { url: page, title: 'A page' } })));
    expect(result.highlights[0]?.page).toStrictEqual({ url: page, title: 'A page' });
  });
});

describe('only web addresses become links', () => {
  it('gives back an http or https address, cleaned of the spaces around it', () => {
    expect(safeHttpUrl('  https://news.example.com/a?x=1#p  ')).toBe('https://news.example.com/a?x=1#p');
    expect(safeHttpUrl('HTTP://News.Example.com')).toBe('http://news.example.com/');
  });

  it('gives nothing for a script, another scheme, text that is no address, or nothing at all', () => {
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://files.example.com/a', 'not an address', '', undefined, null]) {
      expect(safeHttpUrl(bad)).toBeUndefined();
    }
  });

  it('tells a script address from another scheme and from text that is no address', () => {
    expect(classifyUrl('java\tscript:alert(1)')).toEqual({ kind: 'script', scheme: 'javascript:' });
    expect(classifyUrl('mailto:desk@example.com')).toEqual({ kind: 'other', scheme: 'mailto:' });
    expect(classifyUrl('://nowhere')).toEqual({ kind: 'invalid' });
    expect(classifyUrl(' https://news.example.com/a ')).toEqual({ kind: 'http', href: 'https://news.example.com/a' });
  });
});
