// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/store';
import type { Highlight } from '../../lib/types';
import { freshStore, makeHighlight, pageUrl, value } from './store-fixtures';

const GONE = /no longer saved: it may have been deleted in another tab or window/;

describe('changing a highlight', () => {
  it('changes nothing, not even the time, for an edit that leaves out every field or repeats the stored values', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ note: 'as saved', tags: ['a'] });
    value(await store.saveHighlight(h));
    expect(value(await store.updateHighlight(h.id, { note: undefined, tags: undefined }, h.updated + 10))).toEqual(h);
    expect(value(await store.updateHighlight(h.id, { note: 'as saved', tags: ['a'], color: h.color }, h.updated + 10))).toEqual(h);
    expect(value(await store.getHighlight(h.id))).toEqual(h);
  });

  it('counts a change of tags alone, or of colour alone, as the user’s edit', async () => {
    const { store } = await freshStore();
    const h = makeHighlight();
    value(await store.saveHighlight(h));
    expect(value(await store.updateHighlight(h.id, { tags: ['cite'] }, h.updated + 10)).updated).toBe(h.updated + 10);
    expect(value(await store.updateHighlight(h.id, { color: 'green' }, h.updated + 20)).updated).toBe(h.updated + 20);
  });

  it('refuses a change it cannot store, naming the field', async () => {
    const { store } = await freshStore();
    const h = makeHighlight();
    value(await store.saveHighlight(h));
    expect(await store.updateHighlight(h.id, { tags: ['x', 'x'] })).toMatchObject({
      ok: false,
      error: { kind: 'invalid', message: expect.stringMatching(/^Could not change the highlight: the change .*tags, each once/) },
    });
    expect(await store.updateHighlight(h.id, JSON.parse('{"quote":"rewritten"}'))).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(value(await store.getHighlight(h.id))).toEqual(h);
  });
});

describe('revising a highlight in one transaction', () => {
  it('adds a fact by hand with its counts and index entries, and keeps the page known', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ factEntities: [['cac']] });
    value(await store.saveHighlight(h));
    const byHand = { ...h.facts[0]!, id: `${h.id}-hand`, entities: ['kuaishou'], value: 1_200 };
    const next = value(await store.reviseHighlight(h.id, (current) => ({ ...current, entities: ['cac', 'kuaishou'], facts: [...current.facts, byHand], updated: current.updated + 1 }), 'add the fact'));
    expect(next.facts.map((f) => f.id)).toEqual([h.facts[0]!.id, byHand.id]);
    expect(value(await store.getHighlight(h.id))).toEqual(next);
    expect(value(await store.relatedFacts(['kuaishou'], 'elsewhere', 5))).toEqual([byHand]);
    expect(value(await store.countsByEntity(['kuaishou', 'cac']))).toEqual({ kuaishou: { highlights: 1, facts: 1 }, cac: { highlights: 1, facts: 1 } });
  });

  it('writes nothing when the revision changes nothing', async () => {
    const { store } = await freshStore();
    const h = makeHighlight();
    value(await store.saveHighlight(h));
    let calls = 0;
    expect(value(await store.reviseHighlight(h.id, (current) => (calls++, current), 'take the new text'))).toEqual(h);
    expect(value(await store.reviseHighlight(h.id, (current) => structuredClone(current), 'take the new text'))).toEqual(h);
    expect(calls).toBe(1);
  });

  it('refuses a revision that changes the id, or that could not be stored, in a sentence that says what was being done', async () => {
    const { store } = await freshStore();
    const h = makeHighlight();
    value(await store.saveHighlight(h));
    expect(await store.reviseHighlight(h.id, (current) => ({ ...current, id: 'another' }), 'take the new text')).toEqual({
      ok: false,
      error: { kind: 'invalid', message: 'Could not take the new text: a highlight cannot change its id.' },
    });
    expect(await store.reviseHighlight(h.id, (current) => ({ ...current, color: 'red' as Highlight['color'] }), 'keep the saved text')).toMatchObject({
      ok: false,
      error: { kind: 'invalid', message: expect.stringMatching(/^Could not keep the saved text: “color”/) },
    });
    expect(await store.reviseHighlight('gone', (current) => current, 'add the fact')).toMatchObject({ ok: false, error: { kind: 'not-found', message: expect.stringMatching(GONE) } });
    expect(value(await store.allHighlights())).toEqual([h]);
  });
});

describe('correcting a fact', () => {
  it('removes a detail the user emptied, in the fact and in its highlight', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ factEntities: [['cac']] });
    value(await store.saveHighlight(h));
    const id = h.facts[0]!.id;
    const fact = value(await store.updateFact(id, { unit: '', action: '', value: 5 }));
    expect(fact).not.toHaveProperty('unit');
    expect(fact).not.toHaveProperty('action');
    expect(fact.value).toBe(5);
    expect(value(await store.getHighlight(h.id))?.facts).toEqual([fact]);
    expect(value(await store.factsForHighlight(h.id))).toEqual([fact]);
  });

  it('moves the highlight’s update time forward, also when the clock is behind', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ factEntities: [['cac']] });
    value(await store.saveHighlight(h));
    value(await store.updateFact(h.facts[0]!.id, { value: 6 }, h.updated - 60_000));
    expect(value(await store.getHighlight(h.id))?.updated).toBe(h.updated + 1);
    value(await store.updateFact(h.facts[0]!.id, { value: 7 }, h.updated + 60_000));
    expect(value(await store.getHighlight(h.id))?.updated).toBe(h.updated + 60_000);
  });

  it('says so when the fact is gone, and refuses a correction it cannot store', async () => {
    const { store } = await freshStore();
    const h = makeHighlight({ factEntities: [['cac']] });
    value(await store.saveHighlight(h));
    expect(await store.updateFact('gone', { value: 1 })).toMatchObject({ ok: false, error: { kind: 'not-found', message: expect.stringMatching(/fact is no longer saved/) } });
    expect(await store.updateFact(h.facts[0]!.id, JSON.parse('{"value":"many"}'))).toMatchObject({
      ok: false,
      error: { kind: 'invalid', message: expect.stringMatching(/^Could not correct the fact: /) },
    });
  });
});

describe('restoring and deleting', () => {
  it('keeps the copy already back when undo is pressed twice', async () => {
    const { store } = await freshStore();
    const h = makeHighlight();
    value(await store.saveHighlight(h));
    const deleted = value(await store.deleteHighlight(h.id));
    value(await store.restoreHighlight(deleted));
    // Re-anchoring flags it on the page meanwhile (not a user's edit: the time stays).
    value(await store.updateHighlight(h.id, { orphaned: true }));
    expect(value(await store.restoreHighlight(deleted))).toMatchObject({ orphaned: true });
    expect(value(await store.getHighlight(h.id))?.orphaned).toBe(true);
  });

  it('refuses to restore a copy it could not store', async () => {
    const { store } = await freshStore();
    const result = await store.restoreHighlight({ ...makeHighlight(), quote: '' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', message: expect.stringMatching(/^Could not restore the highlight: / ) } });
  });

  it('takes a copy made in the very millisecond of the delete as made before it', async () => {
    const { store } = await freshStore();
    const h = makeHighlight();
    value(await store.saveHighlight(h));
    value(await store.deleteHighlight(h.id, h.updated + 5));
    expect(await store.saveHighlight({ ...h, note: 'typed just then', updated: h.updated + 5 })).toMatchObject({ ok: false, error: { kind: 'deleted' } });
    expect(value(await store.saveHighlight({ ...h, note: 'typed after', updated: h.updated + 6 })).outcome).toBe('added');
  });

  it('deletes the per-entity counts with everything else, and the settings only when asked', async () => {
    const { store } = await freshStore();
    value(await store.saveHighlight(makeHighlight({ factEntities: [['cac']] })));
    value(await store.putSettings({ privateWindows: 'allow' }));
    value(await store.deleteAll());
    expect(value(await store.countsByEntity())).toEqual({});
    expect(value(await store.getSettings()).privateWindows).toBe('allow');
  });
});

describe('pages and settings', () => {
  it('keeps what it knew of a page when an update leaves a field out, and takes a first text when it had none', async () => {
    const { store } = await freshStore();
    const url = pageUrl(5);
    value(await store.putPage({ url, title: 'Title', site: 'Dawn', author: 'Web Desk' }));
    const merged = value(await store.putPage({ url, title: 'Better title', site: undefined, text: 'the article', captured: 7 }));
    expect(merged).toEqual({ url, title: 'Better title', site: 'Dawn', author: 'Web Desk', text: 'the article', captured: 7 });
    expect(value(await store.getPage(url))).toEqual(merged);
  });

  it('keeps a text exactly at the cap whole', async () => {
    const { store } = await freshStore();
    const { LIMITS } = await import('../../lib/schema');
    const text = `${'x'.repeat(LIMITS.snapshot - 2)}😀`;
    expect(value(await store.putPage({ url: pageUrl(6), title: 't', text })).text).toBe(text);
  });

  it('gives the defaults for settings never stored, not empty values', async () => {
    const { store } = await freshStore();
    expect(value(await store.getSettings())).toStrictEqual(DEFAULT_SETTINGS);
    expect(value(await store.putSettings({ privateWindows: undefined, userTerms: ['清朗'] }))).toStrictEqual({ ...DEFAULT_SETTINGS, userTerms: ['清朗'] });
  });

  it('names every setting it does not know', async () => {
    const { store } = await freshStore();
    expect(await store.putSettings(JSON.parse('{"colour":"blue","theme":"dark","privateWindows":"allow"}'))).toEqual({
      ok: false,
      error: { kind: 'invalid', message: 'Could not save the settings: there is no setting called colour, theme.' },
    });
    expect(value(await store.getSettings()).privateWindows).toBe(DEFAULT_SETTINGS.privateWindows);
  });
});
