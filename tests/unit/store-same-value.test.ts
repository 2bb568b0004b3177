// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { sameValue } from '../../lib/store/same-value';

describe('whether a stored value changed', () => {
  it('takes a property set to undefined as absent, as it is once written to JSON', () => {
    expect(sameValue({ note: 'a', orphaned: undefined }, { note: 'a' })).toBe(true);
    expect(sameValue({ note: 'a' }, { note: 'a', orphaned: undefined })).toBe(true);
    expect(sameValue({ note: 'a', orphaned: false }, { note: 'a' })).toBe(false);
    expect(sameValue({ a: undefined, b: 1 }, { b: 1, c: undefined })).toBe(true);
  });

  it('tells apart values that differ anywhere inside, and in shape', () => {
    expect(sameValue({ tags: ['a', 'b'] }, { tags: ['a', 'b'] })).toBe(true);
    expect(sameValue({ tags: ['a', 'b'] }, { tags: ['b', 'a'] })).toBe(false);
    expect(sameValue({ tags: ['a'] }, { tags: ['a', 'b'] })).toBe(false);
    expect(sameValue(['a'], { 0: 'a' })).toBe(false);
    expect(sameValue({ 0: 'a' }, ['a'])).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue({}, null)).toBe(false);
    expect(sameValue(undefined, {})).toBe(false);
    expect(sameValue({ a: 1 }, { b: 1 })).toBe(false);
    expect(sameValue({ page: { title: 'x' } }, { page: { title: 'y' } })).toBe(false);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
    expect(sameValue('1', 1)).toBe(false);
  });
});
