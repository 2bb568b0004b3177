import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../lib/schema';
import { freshStore, makeHighlight, pageUrl, value } from './store-fixtures';

const DAY = 24 * 60 * 60 * 1000;
const DELETED_AT = Date.UTC(2026, 10, 30, 9, 30);

describe('deletes are remembered', () => {
  it('refuses a retried save of a deleted highlight, saying when it was deleted', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ factEntities: [['cac']] });
    value(await store.saveHighlight(h));
    value(await store.deleteHighlight(h.id, DELETED_AT));

    const retried = await store.saveHighlight(h);
    expect(retried).toMatchObject({ ok: false, error: { kind: 'deleted', message: expect.stringContaining('deleted on 2026-11-30') } });
    expect(value(await store.getHighlight(h.id))).toBeUndefined();
    expect(value(await store.allFacts())).toEqual([]);
    expect(value(await store.countsByEntity())).toEqual({});
    expect(value(await store.deletedAt(h.id))).toBe(DELETED_AT);
  });

  it('refuses the stale copy another tab still holds', async () => {
    const { store: tabA, factory } = await freshStore();
    const { store: tabB } = await freshStore(factory);
    const h = makeHighlight();
    value(await tabA.saveHighlight(h));
    const stale = value(await tabB.getHighlight(h.id))!;
    value(await tabA.deleteHighlight(h.id, DELETED_AT));
    expect((await tabB.saveHighlight({ ...stale, note: 'edited in a tab that had not heard' })).ok).toBe(false);
    expect(await tabB.updateHighlight(h.id, { note: 'too late' })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(value(await tabA.allHighlights())).toEqual([]);
  });

  it('lets a copy edited after the delete come back, and then forgets the delete', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ updated: DELETED_AT - DAY, created: DELETED_AT - 2 * DAY });
    value(await store.saveHighlight(h));
    value(await store.deleteHighlight(h.id, DELETED_AT));
    const later = { ...h, note: 'edited on another computer the next day', updated: DELETED_AT + DAY };
    expect(value(await store.saveHighlight(later)).outcome).toBe('added');
    expect(value(await store.deletedAt(h.id))).toBeUndefined();
  });

  it('never dates a delete before the copy it deletes, whatever the clock says', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ created: DELETED_AT + DAY, updated: DELETED_AT + DAY });
    value(await store.saveHighlight(h));
    value(await store.deleteHighlight(h.id, DELETED_AT));
    expect((await store.saveHighlight(h)).ok).toBe(false);
  });

  it('keeps an older backup from bringing a deleted highlight back, and lists it', async () => {
    const { store } = await freshStore();
    const kept = makeHighlight({ url: pageUrl(1) });
    const gone = makeHighlight({ url: pageUrl(2), quote: '网信办关闭了 6.66萬 个账号。', selectors: [{ type: 'TextQuoteSelector', exact: '网信办关闭了 6.66萬 个账号。' }] });
    for (const h of [kept, gone]) value(await store.saveHighlight(h));
    const backup = [kept, gone];
    value(await store.deleteHighlight(gone.id, DELETED_AT));

    const outcome = value(await store.bulkImport(backup));
    expect(outcome).toMatchObject({ added: 0, updated: 0, skipped: 1 });
    expect(outcome.deleted).toEqual([{ id: gone.id, quote: gone.quote, deleted: DELETED_AT }]);
    expect(value(await store.getHighlight(gone.id))).toBeUndefined();

    // The user chooses to restore it from the same file.
    const restored = value(await store.bulkImport(backup, [], { restore: [gone.id] }));
    expect(restored).toMatchObject({ added: 1, skipped: 1, deleted: [] });
    expect(value(await store.getHighlight(gone.id))).toEqual(gone);
    expect(value(await store.deletedAt(gone.id))).toBeUndefined();
  });

  it('forgets every delete when everything is deleted, so a backup imported afterwards comes back whole', async () => {
    const { store } = await freshStore();
    const hs = [makeHighlight(), makeHighlight({ url: pageUrl(3) })];
    for (const h of hs) value(await store.saveHighlight(h));
    value(await store.deleteHighlight(hs[0]!.id, DELETED_AT));
    value(await store.deleteAll());
    expect(value(await store.deletedAt(hs[0]!.id))).toBeUndefined();
    expect(value(await store.bulkImport(hs))).toMatchObject({ added: 2, deleted: [] });
  });
});

describe('one highlight per passage', () => {
  it('answers a second save of the same passage under a new id with the highlight already saved', async () => {
    const { store } = await freshStore();
    const first = makeHighlight({ factEntities: [['weibo']] });
    value(await store.saveHighlight(first));
    const again = { ...first, id: 'another-id', facts: first.facts.map((f) => ({ ...f, highlightId: 'another-id', id: `${f.id}-2` })) };
    const saved = value(await store.saveHighlight(again));
    expect(saved).toEqual({ highlight: first, outcome: 'existing' });
    expect(value(await store.allHighlights())).toHaveLength(1);
    expect(value(await store.allFacts())).toHaveLength(1);
    expect(value(await store.countsByEntity(['weibo']))).toEqual({ weibo: { highlights: 1, facts: 1 } });
  });

  it('keeps the same words at another place of the page as a highlight of their own', async () => {
    const { store } = await freshStore();
    const first = makeHighlight();
    value(await store.saveHighlight(first));
    const elsewhere = makeHighlight({
      quote: first.quote,
      selectors: [first.selectors[0]!, { type: 'TextPositionSelector', start: 9_000, end: 9_000 + first.quote.length }],
    });
    expect(value(await store.saveHighlight(elsewhere)).outcome).toBe('added');
  });
});

describe('the page text kept with a page', () => {
  it(`is kept up to ${LIMITS.snapshot.toLocaleString('en')} characters, cut at a whole character`, async () => {
    const { store } = await freshStore();
    const text = `${'网'.repeat(LIMITS.snapshot - 1)}😀 and more after the cap`;
    const page = value(await store.putPage({ url: pageUrl(9), title: 'A very long page', text, captured: DELETED_AT }));
    expect(page.text).toBe('网'.repeat(LIMITS.snapshot - 1));
    expect(value(await store.getPage(pageUrl(9)))?.text).toHaveLength(LIMITS.snapshot - 1);
  });

  it('refuses an import whose page text is over the cap (an export never writes one)', async () => {
    const { store } = await freshStore();
    const result = await store.bulkImport([makeHighlight()], [{ url: pageUrl(1), title: 't', text: 'x'.repeat(LIMITS.snapshot + 1) }]);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', message: expect.stringMatching(/“text” is too long/) } });
  });
});
