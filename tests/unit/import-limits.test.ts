// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../lib/import';
import { refused } from './import-parse';


/** A one-annotation file whose note is `note`. */
const withNote = (note: string) =>
  JSON.stringify({
    type: 'Annotation',
    bodyValue: note,
    target: { source: 'https://news.example.com/a', selector: { type: 'TextQuoteSelector', exact: 'Weibo closed 80 accounts.' } },
  });

describe('the size limit counts the bytes the file takes on disk', () => {
  it.each([
    ['Latin letters with accents (two bytes)', 'Zìméitǐ é ü'],
    ['Han characters (three bytes)', '網信辦表示'],
    ['astral characters (four bytes for a pair)', '𠮷😀👍🏽'],
  ])('takes a file of exactly the limit and refuses one byte more: %s', (_, note) => {
    const file = withNote(note.repeat(50));
    const bytes = Buffer.byteLength(file, 'utf8');
    expect(parseImport(file, { maxBytes: bytes }).ok).toBe(true);
    expect(refused(file, { maxBytes: bytes - 1 }).code).toBe('too_large');
  });

  it('says how large the file is and what the limit is, in megabytes rounded up', () => {
    const file = withNote('x'.repeat(1024 * 1024));
    const error = refused(file, { maxBytes: 1024 * 1024 });
    expect(error.message).toBe('The file is too large to import (1.1 MB; the limit is 1 MB).');
    expect(error.params).toEqual([1.1, 1]);
  });
});

describe('the number of annotations and of objects in a file is bounded', () => {
  it('takes as many annotations as the limit and refuses one more, saying both numbers', () => {
    const one = { type: 'Annotation', target: { source: 'https://news.example.com/a', selector: { type: 'TextQuoteSelector', exact: 'x' } } };
    const many = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ ...one, id: `a${i}` })));
    expect(parseImport(many(3), { maxItems: 3 }).ok).toBe(true);
    const error = refused(many(4), { maxItems: 3 });
    expect(error.message).toBe('The file holds 4 annotations; one import takes at most 3.');
    expect(error.params).toEqual([4, 3]);
  });

  it('counts objects and lists up to thirty an annotation and a thousand more, and says so past that', () => {
    // maxItems 10: 10 × 30 + 1000 = 1,300 objects and lists at most.
    const list = (containers: number) => `[${Array(containers - 1).fill('{}').join(',')}]`;
    expect(refused(list(1300), { maxItems: 10 }).code).toBe('too_many');
    const error = refused(list(1301), { maxItems: 10 });
    expect(error.message).toBe('The file holds more than 1,300 objects and lists, far more than 10 annotations would; it is refused.');
    expect(error.params).toEqual([1300, 10]);
  });

  it('does not count brackets written inside text, however they are escaped', () => {
    // With one annotation allowed the budget is 1,030; each note below holds 2,400 brackets.
    const escapedQuotes = withNote('"[{[{'.repeat(600));
    expect(parseImport(escapedQuotes, { maxItems: 1 }).ok).toBe(true);
    const escapedBackslashes = withNote('\\"[{[{'.repeat(600));
    expect(parseImport(escapedBackslashes, { maxItems: 1 }).ok).toBe(true);
  });
});
