// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../lib/import';

/** The sentence a person sees for a file that is not valid JSON. */
function complaint(text: string): string {
  const result = parseImport(text);
  if (result.ok) throw new Error('accepted');
  return result.error.message;
}

const at = (line: number, column: number) => `The file is not valid JSON: something is wrong at line ${line}, column ${column}.`;
const endsAt = (line: number) =>
  `The file ends too early, at line ${line}: it looks cut off or incomplete. Export it again, or check the download finished.`;

describe('a malformed file is refused with the line and column of its first mistake', () => {
  it('points at a comma with nothing after it', () => {
    expect(complaint('{"a": 1,}')).toBe(at(1, 9));
    expect(complaint('[1, 2,]')).toBe(at(1, 7));
  });

  it('points at a missing colon, a missing comma and a key without quotes', () => {
    expect(complaint('{"a" 1}')).toBe(at(1, 6));
    expect(complaint('{"a": 1 "b": 2}')).toBe(at(1, 9));
    expect(complaint('[1 2]')).toBe(at(1, 4));
    expect(complaint('{a: 1}')).toBe(at(1, 2));
    expect(complaint('{,}')).toBe(at(1, 2));
    expect(complaint('{"a": 1, 2}')).toBe(at(1, 10));
  });

  it('points inside a misspelt word at its first wrong letter', () => {
    expect(complaint('{"a": tru}')).toBe(at(1, 10));
    expect(complaint('[fals]')).toBe(at(1, 6));
    expect(complaint('[nil]')).toBe(at(1, 3));
    expect(complaint('[True]')).toBe(at(1, 2));
  });

  it('points at a number JSON does not allow', () => {
    expect(complaint('[01]')).toBe(at(1, 3));
    expect(complaint('[-]')).toBe(at(1, 2));
    expect(complaint('[1.]')).toBe(at(1, 3));
    expect(complaint('[.5]')).toBe(at(1, 2));
    expect(complaint('[1e]')).toBe(at(1, 3));
  });

  it('accepts every kind of value before the mistake', () => {
    const values = '[true, false, null, -1.5e+3, 0, "a\\"b\\\\c\\u00e9\\n", {}, [], {"k": [{"n": null}]}';
    expect(complaint(`${values}, ?]`)).toBe(at(1, values.length + 3));
  });

  it('points at a raw control character or a bad escape inside text', () => {
    expect(complaint('["a\tb"]')).toBe(at(1, 4));
    expect(complaint('["a\\xb"]')).toBe(at(1, 4));
    expect(complaint('["\\u12G4"]')).toBe(at(1, 3));
  });

  it('points at what follows a complete value', () => {
    expect(complaint('[1] [2]')).toBe(at(1, 5));
    expect(complaint('{"a": 1}}')).toBe(at(1, 9));
    expect(complaint('{"a": [1}]')).toBe(at(1, 9));
    expect(complaint('[{"a": 1]]')).toBe(at(1, 9));
  });

  it('counts lines and columns from the start of the line, with any line ending', () => {
    const lf = '{\n  "a": 1,\n  "b": 2\n  "c": 3\n}';
    expect(complaint(lf)).toBe(at(4, 3));
    expect(complaint(lf.replaceAll('\n', '\r\n'))).toBe(at(4, 3));
    expect(complaint('[\n\t1,\n\t2,\n\t]')).toBe(at(4, 2));
  });
});

describe('a cut-off file is refused as cut off, with the line it stops on', () => {
  it('says so when the file stops inside a list, an object, a key or a text', () => {
    expect(complaint('[1, 2')).toBe(endsAt(1));
    expect(complaint('{"a": [1,\n 2,\n')).toBe(endsAt(3));
    expect(complaint('{"a"')).toBe(endsAt(1));
    expect(complaint('{"a":')).toBe(endsAt(1));
    expect(complaint('{"a": "unfinished')).toBe(endsAt(1));
    expect(complaint('{\n"a": tr')).toBe(endsAt(2));
    expect(complaint('{"a": 1,')).toBe(endsAt(1));
  });
});
