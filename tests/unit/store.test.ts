import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type ListCursor } from '../../lib/store';
import type { Highlight } from '../../lib/types';
import { freshStore, makeHighlight, pageUrl, value } from './store-fixtures';

describe('saving and reading highlights', () => {
  it('reads back a saved highlight with its facts, and keeps its page', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ note: 'check the figure', tags: ['figures'], factEntities: [['cac', 'weibo']] });
    expect(value(await store.saveHighlight(h))).toEqual({ highlight: h, outcome: 'added' });

    expect(value(await store.getHighlight(h.id))).toEqual(h);
    expect(value(await store.factsForHighlight(h.id))).toEqual(h.facts);
    expect(value(await store.getPage(h.url))).toEqual(h.page);
  });

  it('answers undefined for a highlight it does not have', async () => {
    const { store } = await freshStore();
    expect(value(await store.getHighlight('nope'))).toBeUndefined();
  });

  it('keeps one record when the same save arrives twice', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ factEntities: [['douyin']] });
    value(await store.saveHighlight(h));
    expect(value(await store.saveHighlight(structuredClone(h))).outcome).toBe('unchanged');
    expect(value(await store.allHighlights())).toHaveLength(1);
    expect(value(await store.allFacts())).toHaveLength(1);
  });

  it('never lets an older version of a highlight overwrite a newer one', async () => {
    const { store } = await freshStore();
    const h = makeHighlight();
    const edited = { ...h, note: 'edited later', updated: h.updated + 5_000 };
    value(await store.saveHighlight(edited));
    const late = value(await store.saveHighlight(h));
    expect(late.outcome).toBe('kept-newer');
    expect(late.highlight.note).toBe('edited later');
    expect(value(await store.getHighlight(h.id))?.note).toBe('edited later');
  });

  it('removes from the facts store a fact the highlight no longer has', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ factEntities: [['cac'], ['weibo']] });
    value(await store.saveHighlight(h));
    const fewer = { ...h, facts: h.facts.slice(0, 1), updated: h.updated + 1 };
    expect(value(await store.saveHighlight(fewer)).outcome).toBe('updated');
    expect(value(await store.allFacts()).map((f) => f.id)).toEqual([h.facts[0]?.id]);
  });

  it('refuses a highlight whose fact belongs to another highlight, naming the problem', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ factEntities: [['cac']] });
    const wrong = { ...h, facts: h.facts.map((f) => ({ ...f, highlightId: 'other' })) };
    const result = await store.saveHighlight(wrong);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('invalid');
      expect(result.error.message).toMatch(/belongs to highlight “other”/);
    }
    expect(value(await store.allHighlights())).toEqual([]);
  });
});

describe('editing and deleting', () => {
  it('changes note, tags and colour, moves the update time forward and re-indexes the tags', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ tags: ['draft'] });
    value(await store.saveHighlight(h));
    const changed = value(await store.updateHighlight(h.id, { note: 'cite this', tags: ['cite'], color: 'green' }, h.updated + 10));
    expect(changed).toMatchObject({ note: 'cite this', tags: ['cite'], color: 'green', updated: h.updated + 10 });
    expect(value(await store.highlightsByTag('cite', 10)).map((x) => x.id)).toEqual([h.id]);
    expect(value(await store.highlightsByTag('draft', 10))).toEqual([]);
  });

  it('moves the update time forward even when the clock is behind the stored time', async () => {
    const { store } = await freshStore();
    const h = makeHighlight();
    value(await store.saveHighlight(h));
    const changed = value(await store.updateHighlight(h.id, { note: 'x' }, h.updated - 60_000));
    expect(changed.updated).toBeGreaterThan(h.updated);
  });

  it('flags an orphan without counting it as the user’s edit', async () => {
    const { store } = await freshStore();
    const h = makeHighlight();
    value(await store.saveHighlight(h));
    const flagged = value(await store.updateHighlight(h.id, { orphaned: true }, h.updated + 10));
    expect(flagged.orphaned).toBe(true);
    expect(flagged.updated).toBe(h.updated);
  });

  it('says so when the highlight to change or delete is gone', async () => {
    const { store } = await freshStore();
    for (const result of [await store.updateHighlight('gone', { note: 'x' }), await store.deleteHighlight('gone')]) {
      expect(result).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    }
  });

  it('refuses a colour that is not one of the highlight colours', async () => {
    const { store } = await freshStore();
    const h = makeHighlight();
    value(await store.saveHighlight(h));
    // A colour arriving from a message is only a string until checked.
    const result = await store.updateHighlight(h.id, JSON.parse('{"color":"red; background:url(x)"}'));
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });

  it('deletes a highlight with its facts and gives it back, so that restoring it undoes the delete', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ factEntities: [['kuaishou']] });
    value(await store.saveHighlight(h));
    const deleted = value(await store.deleteHighlight(h.id));
    expect(deleted).toEqual(h);
    expect(value(await store.getHighlight(h.id))).toBeUndefined();
    expect(value(await store.allFacts())).toEqual([]);

    expect(value(await store.restoreHighlight(deleted))).toEqual(h);
    expect(value(await store.getHighlight(h.id))).toEqual(h);
    expect(value(await store.deletedAt(h.id))).toBeUndefined();
    expect(value(await store.relatedFacts(['kuaishou'], 'elsewhere', 5))).toEqual(h.facts);
  });

  it('corrects a fact in the facts store and in its highlight alike', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ factEntities: [['cac']] });
    value(await store.saveHighlight(h));
    const factId = h.facts[0]!.id;
    const fact = value(await store.updateFact(factId, { value: 66_600, figureText: '6.66萬', entities: ['cac', 'weibo'] }));
    expect(fact).toMatchObject({ id: factId, highlightId: h.id, value: 66_600, figureText: '6.66萬' });
    expect(value(await store.getHighlight(h.id))?.facts[0]).toEqual(fact);
    expect(value(await store.relatedFacts(['weibo'], 'elsewhere', 5))).toEqual([fact]);
  });
});

describe('queries through the indexes', () => {
  it('lists the highlights of one page in page order', async () => {
    const { store } = await freshStore();
    const later = makeHighlight({ url: pageUrl(1) });
    const earlier = makeHighlight({
      url: pageUrl(1),
      quote: 'orphan',
      selectors: [
        { type: 'TextQuoteSelector', exact: 'orphan' },
        { type: 'TextPositionSelector', start: 3, end: 9 },
      ],
    });
    const other = makeHighlight({ url: pageUrl(2) });
    for (const h of [later, earlier, other]) value(await store.saveHighlight(h));
    expect(value(await store.highlightsForUrl(pageUrl(1))).map((h) => h.id)).toEqual([earlier.id, later.id]);
  });

  it('lists the highlights about an entity newest first, up to the limit', async () => {
    const { store } = await freshStore();
    const hs = [1, 2, 3, 4].map((n) => makeHighlight({ created: n * 1000, factEntities: [[n % 2 ? 'weibo' : 'wechat']] }));
    for (const h of hs) value(await store.saveHighlight(h));
    expect(value(await store.highlightsByEntity('weibo', 5)).map((h) => h.created)).toEqual([3000, 1000]);
    expect(value(await store.highlightsByEntity('wechat', 1)).map((h) => h.created)).toEqual([4000]);
    expect(value(await store.highlightsByEntity('qinglang', 5))).toEqual([]);
  });

  it('pages through the latest highlights without losing or repeating ones saved in the same millisecond', async () => {
    const { store } = await freshStore();
    const hs = Array.from({ length: 7 }, (_, i) => makeHighlight({ id: `same-${i}`, created: 5000 }));
    hs.push(makeHighlight({ created: 9000 }), makeHighlight({ created: 1000 }));
    for (const h of hs) value(await store.saveHighlight(h));

    const seen: string[] = [];
    let before: ListCursor | undefined;
    for (;;) {
      const page: Highlight[] = value(await store.recentHighlights(3, before));
      if (page.length === 0) break;
      seen.push(...page.map((h) => h.id));
      before = page[page.length - 1];
    }
    expect(seen).toHaveLength(hs.length);
    expect(new Set(seen).size).toBe(hs.length);
    expect(seen[0]).toBe(hs[7]!.id);
    expect(seen[seen.length - 1]).toBe(hs[8]!.id);
  });

  it('reads every highlight in batches, each once, and refuses a batch size that is not a positive whole number', async () => {
    const { store } = await freshStore();
    const hs = Array.from({ length: 7 }, (_, i) => makeHighlight({ id: `batch-${i}`, created: 1000 * (7 - i) }));
    for (const h of hs) value(await store.saveHighlight(h));
    const seen: Highlight[][] = [];
    let after: string | undefined;
    for (;;) {
      const batch = value(await store.highlightBatch(3, after));
      if (batch.length === 0) break;
      seen.push(batch);
      after = batch[batch.length - 1]!.id;
    }
    expect(seen.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(seen.flat().map((h) => h.id)).toEqual(hs.map((h) => h.id));
    // As stored: without the index keys the store keeps beside them.
    expect(seen.flat()[0]).toEqual(hs[0]);
    for (const bad of [0, -1, 1.5]) expect((await store.highlightBatch(bad)).ok).toBe(false);
  });

  it('finds library entries by words, outlet, date range, entity and orphan state, page by page', async () => {
    const { store } = await freshStore();
    const a = makeHighlight({ created: 1000, quote: 'Weibo removed 1.4 million posts', factEntities: [['weibo']] });
    const b = makeHighlight({ created: 2000, quote: '网信办 closed WeChat accounts', note: 'Compare with Xinhua', factEntities: [['wechat']] });
    const c = makeHighlight({
      created: 3000,
      url: 'https://www.caixin.com/2023-05-26/1.html',
      page: { url: 'https://www.caixin.com/2023-05-26/1.html', title: 'Financial self-media', site: 'Caixin' },
      orphaned: true,
      factEntities: [['self-media', 'weibo']],
    });
    for (const h of [a, b, c]) value(await store.saveHighlight(h));
    const ids = async (q: Parameters<typeof store.listHighlights>[0]) => value(await store.listHighlights(q)).items.map((h) => h.id);

    expect(await ids({ limit: 10, text: 'WECHAT 网信办' })).toEqual([b.id]);
    expect(await ids({ limit: 10, text: 'xinhua' })).toEqual([b.id]);
    expect(await ids({ limit: 10, site: 'caixin.com' })).toEqual([c.id]);
    expect(await ids({ limit: 10, site: 'Caixin' })).toEqual([c.id]);
    expect(await ids({ limit: 10, from: 1500, to: 3000 })).toEqual([c.id, b.id]);
    expect(await ids({ limit: 10, entity: 'weibo', to: 2500 })).toEqual([a.id]);
    expect(await ids({ limit: 10, orphaned: false })).toEqual([b.id, a.id]);
    expect(await ids({ limit: 10, match: (h) => h.quote.includes('1.4') })).toEqual([a.id]);

    const first = value(await store.listHighlights({ limit: 2 }));
    expect(first.items.map((h) => h.id)).toEqual([c.id, b.id]);
    const second = value(await store.listHighlights({ limit: 2, after: first.next }));
    expect(second.items.map((h) => h.id)).toEqual([a.id]);
    expect(second.next).toBeUndefined();
  });

  it('refuses a page size that is not a positive whole number', async () => {
    const { store } = await freshStore();
    expect(await store.listHighlights({ limit: 0 })).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });

  it('gives related facts from other pages only, newest first, each once', async () => {
    const { store } = await freshStore();
    const here = makeHighlight({ url: pageUrl(1), created: 9000, factEntities: [['cac']] });
    const old = makeHighlight({ url: pageUrl(2), created: 1000, factEntities: [['cac']] });
    const both = makeHighlight({ url: pageUrl(3), created: 3000, factEntities: [['cac', 'douyin']] });
    const newest = makeHighlight({ url: pageUrl(4), created: 5000, factEntities: [['douyin']] });
    const unrelated = makeHighlight({ url: pageUrl(5), created: 8000, factEntities: [['kuaishou']] });
    for (const h of [here, old, both, newest, unrelated]) value(await store.saveHighlight(h));

    const related = value(await store.relatedFacts(['cac', 'douyin'], pageUrl(1), 10));
    expect(related.map((f) => f.highlightId)).toEqual([newest.id, both.id, old.id]);
    expect(value(await store.relatedFacts(['cac', 'douyin'], pageUrl(1), 2)).map((f) => f.highlightId)).toEqual([
      newest.id,
      both.id,
    ]);
  });

  it('counts highlights and facts per entity, for the entities asked or all that have any', async () => {
    const { store } = await freshStore();
    value(await store.saveHighlight(makeHighlight({ factEntities: [['weibo'], ['weibo', 'cac']] })));
    value(await store.saveHighlight(makeHighlight({ factEntities: [['cac']] })));
    value(await store.saveHighlight(makeHighlight({ entities: ['my-term'] })));

    expect(value(await store.countsByEntity(['weibo', 'douyin']))).toEqual({
      weibo: { highlights: 1, facts: 2 },
      douyin: { highlights: 0, facts: 0 },
    });
    expect(value(await store.countsByEntity())).toEqual({
      cac: { highlights: 2, facts: 2 },
      weibo: { highlights: 1, facts: 2 },
      'my-term': { highlights: 1, facts: 0 },
    });
  });

  it('keeps the counts equal to a recount through saves, edits, fact corrections, deletes and imports', async () => {
    const { store } = await freshStore();
    const recount = async () => {
      const counts: Record<string, { highlights: number; facts: number }> = {};
      const bump = (entity: string, field: 'highlights' | 'facts') =>
        ((counts[entity] ??= { highlights: 0, facts: 0 })[field] += 1);
      for (const h of value(await store.allHighlights())) new Set(h.entities).forEach((e) => bump(e, 'highlights'));
      for (const f of value(await store.allFacts())) new Set(f.entities).forEach((e) => bump(e, 'facts'));
      return counts;
    };
    const check = async () => expect(value(await store.countsByEntity())).toEqual(await recount());

    const a = makeHighlight({ factEntities: [['cac', 'weibo'], ['cac']] });
    const b = makeHighlight({ factEntities: [['douyin']] });
    const c = makeHighlight({ entities: ['qinglang', 'my-term'] });
    for (const h of [a, b, c]) value(await store.saveHighlight(h));
    await check();
    value(await store.saveHighlight({ ...a, entities: ['weibo'], facts: a.facts.slice(1), updated: a.updated + 1 }));
    await check();
    value(await store.saveHighlight(a)); // an old retry: kept-newer, nothing moves
    await check();
    value(await store.updateFact(b.facts[0]!.id, { entities: ['douyin', 'kuaishou'] }));
    await check();
    const deleted = value(await store.deleteHighlight(c.id));
    await check();
    value(await store.restoreHighlight(deleted));
    await check();
    value(await store.bulkImport([{ ...b, facts: [], entities: [], updated: b.updated + 99_999 }, makeHighlight({ factEntities: [['wechat']] })]));
    await check();
    expect(value(await store.countsByEntity(['weibo', 'self-media']))).toEqual({
      weibo: { highlights: 1, facts: 0 },
      'self-media': { highlights: 0, facts: 0 },
    });
  });

  it('exports plain highlights and facts, without the store’s index keys', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ tags: ['a'], factEntities: [['cac']] });
    value(await store.saveHighlight(h));
    expect(value(await store.allHighlights())).toEqual([h]);
    expect(value(await store.allFacts())).toEqual(h.facts);
    expect(value(await store.allPages())).toEqual([h.page]);
  });
});

describe('pages and settings', () => {
  it('keeps the first text snapshot of a page and fills in its metadata', async () => {
    const { store } = await freshStore();
    const url = pageUrl(7);
    value(await store.putPage({ url, title: 'First title', text: 'The article as first read.', captured: 1 }));
    const merged = value(await store.putPage({ url, title: 'Corrected title', author: 'Web Desk', text: 'Rewritten later.', captured: 2 }));
    expect(merged).toEqual({ url, title: 'Corrected title', author: 'Web Desk', text: 'The article as first read.', captured: 1 });
    expect(value(await store.getPage(url))).toEqual(merged);
  });

  it('does not replace a page’s metadata when a highlight on it is saved', async () => {
    const { store } = await freshStore();
    const url = pageUrl(8);
    value(await store.putPage({ url, title: 'Full title', site: 'Dawn', text: 'snapshot' }));
    value(await store.saveHighlight(makeHighlight({ url })));
    expect(value(await store.getPage(url))).toMatchObject({ title: 'Full title', site: 'Dawn', text: 'snapshot' });
  });

  it('starts from default settings and keeps each change', async () => {
    const { store } = await freshStore();
    expect(value(await store.getSettings())).toEqual(DEFAULT_SETTINGS);
    value(await store.putSettings({ privateWindows: 'allow' }));
    const after = value(await store.putSettings({ disabledEntities: ['kuaishou'] }));
    expect(after).toEqual({ ...DEFAULT_SETTINGS, privateWindows: 'allow', disabledEntities: ['kuaishou'] });
    expect(value(await store.getSettings())).toEqual(after);
  });

  it('refuses a setting it does not know', async () => {
    const { store } = await freshStore();
    const result = await store.putSettings(JSON.parse('{"colour":"blue"}'));
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', message: expect.stringMatching(/colour/) } });
  });

  it('deletes every highlight, fact and page, and keeps the settings unless asked', async () => {
    const { store } = await freshStore();
    value(await store.saveHighlight(makeHighlight({ factEntities: [['cac']] })));
    value(await store.putSettings({ privateWindows: 'allow' }));
    value(await store.deleteAll());
    expect(value(await store.allHighlights())).toEqual([]);
    expect(value(await store.allFacts())).toEqual([]);
    expect(value(await store.allPages())).toEqual([]);
    expect(value(await store.getSettings()).privateWindows).toBe('allow');
    value(await store.deleteAll({ settings: true }));
    expect(value(await store.getSettings())).toEqual(DEFAULT_SETTINGS);
  });
});
