// What the store keeps and what it refuses to lose: one highlight per passage also without a
// position, the details a correction leaves alone, the newer copy on undo and on import, and
// the defaults a new profile starts from.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, ensurePersisted } from '../../lib/store';
import { sameValue } from '../../lib/store/same-value';
import type { Highlight } from '../../lib/types';
import { freshStore, makeHighlight, pageUrl, value } from './store-fixtures';

const ids = (hs: readonly { id: string }[]) => hs.map((h) => h.id);

/** A highlight of `quote` found only by its words and those around it (no position on the page). */
function quoted(quote: string, prefix: string | undefined, suffix: string | undefined, spec: Parameters<typeof makeHighlight>[0] = {}): Highlight {
  const selector = { type: 'TextQuoteSelector' as const, exact: quote, ...(prefix !== undefined ? { prefix } : {}), ...(suffix !== undefined ? { suffix } : {}) };
  return makeHighlight({ ...spec, quote, selectors: [selector] });
}

describe('one highlight per passage, for passages with no position', () => {
  it('takes the same words with the same words around them as the passage already saved', async () => {
    const { store } = await freshStore();
    const first = quoted('closed 80 accounts', 'Weibo ', ' last week', { id: 'first' });
    value(await store.saveHighlight(first));
    const again = quoted('closed 80 accounts', 'Weibo ', ' last week', { id: 'again' });
    expect(value(await store.saveHighlight(again))).toMatchObject({ outcome: 'existing', highlight: { id: 'first' } });
    expect(ids(value(await store.allHighlights()))).toEqual(['first']);
  });

  it('keeps the same words elsewhere on the page (other words before or after) as a highlight of their own', async () => {
    const { store } = await freshStore();
    const saved = [
      quoted('closed 80 accounts', 'Weibo ', ' last week', { id: 'p1' }),
      quoted('closed 80 accounts', 'Douyin ', ' last week', { id: 'p2' }),
      quoted('closed 80 accounts', 'Weibo ', ' in May', { id: 'p3' }),
      quoted('closed 80 accounts', undefined, ' last week', { id: 'p4' }),
      quoted('closed 80 accounts', 'Weibo ', undefined, { id: 'p5' }),
    ];
    for (const h of saved) expect(value(await store.saveHighlight(h)).outcome).toBe('added');
    // A place given by position is another kind of place than one given by the words around it.
    const positioned = makeHighlight({ id: 'p6', quote: 'closed 80 accounts' });
    expect(value(await store.saveHighlight(positioned)).outcome).toBe('added');
    expect(ids(value(await store.allHighlights())).sort()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
  });

  it('takes missing words around a passage as no words, so an import of it is not doubled', async () => {
    const { store } = await freshStore();
    value(await store.saveHighlight(quoted('closed 80 accounts', '', '', { id: 'ours' })));
    const other = quoted('closed 80 accounts', undefined, undefined, { id: 'theirs' });
    expect(value(await store.bulkImport([other]))).toMatchObject({ added: 0 });
    expect(ids(value(await store.allHighlights()))).toEqual(['ours']);
  });
});


describe('a correction changes what the user changed and nothing else', () => {
  it('keeps the unit, action and date when only the qualifier is emptied', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ factEntities: [['cac']] });
    const f = { ...h.facts[0]!, qualifier: 'more than', date: '2023-05-22' };
    value(await store.saveHighlight({ ...h, facts: [f] }));
    const corrected = value(await store.updateFact(f.id, { qualifier: '' }));
    expect(corrected).not.toHaveProperty('qualifier');
    expect(corrected).toMatchObject({ unit: 'accounts', action: 'closed', date: '2023-05-22' });
    expect(value(await store.getHighlight(h.id))?.facts[0]).toEqual(corrected);
  });
});

describe('the newer copy wins', () => {
  it('restores a copy edited after the one already back', async () => {
    const { store } = await freshStore();
    const h = makeHighlight();
    value(await store.saveHighlight(h));
    const newer = { ...h, note: 'edited in the other tab', updated: h.updated + 1000 };
    expect(value(await store.restoreHighlight(newer))).toEqual(newer);
    expect(value(await store.getHighlight(h.id))).toEqual(newer);
  });

  it('keeps what is here when a file’s copy was changed in the same millisecond, and lists only what it wrote', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ note: 'mine' });
    value(await store.saveHighlight(h));
    const fresh = makeHighlight();
    const outcome = value(await store.bulkImport([{ ...h, note: 'theirs' }, fresh]));
    expect(outcome).toMatchObject({ added: 1, updated: 0, skipped: 1 });
    expect(outcome.written).toEqual([fresh.id]);
    expect(value(await store.getHighlight(h.id))?.note).toBe('mine');
  });
});

describe('whether a stored value changed, in shape', () => {
  it('sees a field added, and a list that is longer by an empty slot', () => {
    expect(sameValue({ note: 'a' }, { note: 'a', orphaned: true })).toBe(false);
    expect(sameValue([1, undefined], [1])).toBe(false);
  });

  it('agrees with a comparison of the JSON for plain data with no undefined', () => {
    const json = fc.jsonValue();
    fc.assert(
      fc.property(json, json, (a, b) => {
        const same = JSON.stringify(a) === JSON.stringify(b);
        // Key order does not matter to sameValue; compare when the texts agree, or re-sorted.
        if (same) expect(sameValue(a, b)).toBe(true);
        if (sameValue(a, b)) expect(sameValue(b, a)).toBe(true);
      }),
    );
  });
});

describe('a new profile', () => {
  it('starts with every site and entity watched, no words of its own, and nothing kept from private windows', async () => {
    const { store } = await freshStore();
    expect(value(await store.getSettings())).toEqual({
      disabledEntities: [],
      userTerms: [],
      colors: {},
      sites: { mode: 'all' },
      privateWindows: 'never-store',
    });
    expect(DEFAULT_SETTINGS.privateWindows).toBe('never-store');
  });
});

describe('asking the browser to keep the data, when it answers oddly', () => {
  it('reports an unknown state when the browser says no and then fails to answer the request', async () => {
    expect(await ensurePersisted({ persisted: async () => false, persist: () => Promise.reject(new Error('denied')) })).toEqual({ persisted: undefined });
  });

  it('leaves the usage out, not undefined, when the browser does not give one', async () => {
    const state = await ensurePersisted({ persisted: async () => true, estimate: async () => ({ quota: 10 }) });
    expect(Object.keys(state)).toEqual(['persisted']);
  });
});
