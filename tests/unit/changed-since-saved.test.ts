import { describe, expect, it } from 'vitest';
// idb's wrappers look for the IndexedDB interfaces on the global object.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openStore, type LensStore } from '../../lib/store';
import { createHighlightService, type HighlightDraft } from '../../lib/highlight-service';
import { anchoredAt, keepSavedText, takeFoundText, changeToDecide } from '../../lib/facts';
import { toWebAnnotationsJson } from '../../lib/export';
import { parseImport } from '../../lib/import';
import type { Highlight, PageMeta } from '../../lib/types';

/*
 * Changed since saved: a page's "67,000" became "66,600" between visits. Re-anchoring
 * marks the highlight with the old and new figures; the user keeps the saved text or
 * takes the new one, and the facts follow (hand-made ones and corrections stay).
 */

const page: PageMeta = { url: 'https://news.example.org/2023/05/purge', title: 'Purge', site: 'Example News', published: '2023-05-26' };
const SAVED = 'Between March 10 and May 22, the CAC closed down 67,000 accounts.';
const NOW_SAYS = 'Between March 10 and May 22, the CAC closed down 66,600 accounts.';

let dbs = 0;
async function freshStore(): Promise<LensStore> {
  const opened = await openStore(new IDBFactory(), `changed-test-${++dbs}`, { keyRange: IDBKeyRange });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const draft = (quote = SAVED): HighlightDraft => ({
  id: 'h-1',
  page,
  selectors: [
    { type: 'TextQuoteSelector', exact: quote, prefix: 'said. ', suffix: ' It also' },
    { type: 'TextPositionSelector', start: 120, end: 120 + quote.length },
  ],
  quote,
  note: 'cite this',
  tags: ['2023'],
  color: 'yellow',
  created: 1_700_000_000_000,
});

async function savedOnce() {
  const store = await freshStore();
  let clock = 1_700_000_100_000;
  let n = 0;
  const service = createHighlightService(store, { now: () => ++clock, newId: () => `hand-${++n}` });
  const { highlight } = unwrap(await service.save(draft()));
  return { store, service, highlight };
}

describe('anchoredAt (pure)', () => {
  const h = { id: 'h', quote: SAVED, facts: [{ figureText: '67,000' }] } as unknown as Highlight;

  it('marks other text with other figures, with both figures as written', () => {
    expect(anchoredAt(h, NOW_SAYS, ['66,600']).changed).toEqual({ text: NOW_SAYS, was: ['67,000'], now: ['66,600'] });
  });

  it('says nothing of other text with the same figures (a typo mended), and writes nothing', () => {
    expect(anchoredAt(h, SAVED.replace('closed down', 'shut'), ['67,000'])).toBe(h);
  });

  it('forgets the change when the page says the saved text again', () => {
    const marked = anchoredAt(h, NOW_SAYS, ['66,600']);
    expect(anchoredAt(marked, SAVED, []).changed).toBeUndefined();
  });

  it('does not raise again a change the user kept, but does raise a further one', () => {
    const kept = keepSavedText(anchoredAt(h, NOW_SAYS, ['66,600']));
    expect(changeToDecide(kept)).toBe(false);
    expect(anchoredAt(kept, NOW_SAYS, ['66,600'])).toBe(kept);
    const further = anchoredAt(kept, NOW_SAYS.replace('66,600', '65,000'), ['65,000']);
    expect(changeToDecide(further)).toBe(true);
    expect(further.changed?.now).toEqual(['65,000']);
  });

  it('takes the new text into the quote and its selectors, keeping the context and start', () => {
    const full = {
      ...h,
      selectors: draft().selectors,
      changed: { text: NOW_SAYS, was: ['67,000'], now: ['66,600'] },
    } as unknown as Highlight;
    const taken = takeFoundText(full, [], ['cac']);
    expect(taken.quote).toBe(NOW_SAYS);
    expect(taken.changed).toBeUndefined();
    expect(taken.selectors).toEqual([
      { type: 'TextQuoteSelector', exact: NOW_SAYS, prefix: 'said. ', suffix: ' It also' },
      { type: 'TextPositionSelector', start: 120, end: 120 + NOW_SAYS.length },
    ]);
  });
});

describe('changed since saved, through the highlight service and the store', () => {
  it('marks the highlight when re-anchoring finds other figures, and tells how many it marked', async () => {
    const { store, service } = await savedOnce();
    const answer = unwrap(await service.anchored(page.url, [], [], [{ id: 'h-1', text: NOW_SAYS }]));
    expect(answer.changed).toBe(1);
    const h = unwrap(await store.getHighlight('h-1'))!;
    expect(h.changed).toEqual({ text: NOW_SAYS, was: ['67,000'], now: ['66,600'] });
    // The page's doing, not the user's edit: an older backup may still update it.
    expect(h.updated).toBe(1_700_000_000_000);
    // Reported again on the next visit: nothing new, nothing written.
    expect(unwrap(await service.anchored(page.url, [], [], [{ id: 'h-1', text: NOW_SAYS }])).changed).toBe(0);
  });

  it('"Keep saved text" keeps quote and facts and is not asked again for the same text', async () => {
    const { store, service, highlight } = await savedOnce();
    unwrap(await service.anchored(page.url, [], [], [{ id: 'h-1', text: NOW_SAYS }]));
    const kept = unwrap(await service.resolveChange('h-1', 'keep'));
    expect(kept.quote).toBe(SAVED);
    expect(kept.facts).toEqual(highlight.facts);
    expect(changeToDecide(kept)).toBe(false);
    expect(kept.updated).toBeGreaterThan(highlight.updated);
    expect(unwrap(await service.anchored(page.url, [], [], [{ id: 'h-1', text: NOW_SAYS }])).changed).toBe(0);
    expect(changeToDecide(unwrap(await store.getHighlight('h-1'))!)).toBe(false);
  });

  it('"Take new text" takes the quote, re-extracts the facts, keeps corrections and hand-made facts', async () => {
    const { store, service } = await savedOnce();
    // The user corrected the extracted fact's period and added one by hand.
    const extracted = unwrap(await store.getHighlight('h-1'))!.facts[0]!;
    expect(extracted.figureText).toBe('67,000');
    unwrap(await store.updateFact(extracted.id, { qualifier: 'around', corrected: ['qualifier'] }));
    unwrap(await service.addFact('h-1', { value: 1_400_000, figureText: '1.4 million', unit: 'posts', action: 'removed' }));

    unwrap(await service.anchored(page.url, [], [], [{ id: 'h-1', text: NOW_SAYS }]));
    const taken = unwrap(await service.resolveChange('h-1', 'take'));
    expect(taken.quote).toBe(NOW_SAYS);
    expect(taken.changed).toBeUndefined();
    expect(taken.selectors.find((s) => s.type === 'TextQuoteSelector')).toMatchObject({ exact: NOW_SAYS });
    expect(taken.facts.map((f) => [f.figureText, f.value, f.qualifier, f.origin])).toEqual([
      ['66,600', 66600, 'around', undefined],
      ['1.4 million', 1_400_000, undefined, 'hand'],
    ]);
    // The facts store follows the highlight: the related-facts views read it.
    const stored = unwrap(await store.factsForHighlight('h-1'));
    expect(stored.map((f) => f.value).sort((a, b) => a - b)).toEqual([66600, 1_400_000]);
  });

  it('refuses to decide a change that is no longer there, with a sentence', async () => {
    const { service } = await savedOnce();
    const answer = await service.resolveChange('h-1', 'take');
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toMatch(/no change to decide/);
  });
});

describe('a fact added by hand', () => {
  it('is stored with its highlight and in the facts store, survives re-extraction, export and import', async () => {
    const { store, service } = await savedOnce();
    const h = unwrap(
      await service.addFact('h-1', { value: 512, unit: 'accounts', action: 'penalised', period: { from: '2023-01-01', to: '2023-03-31' } }),
    );
    const hand = h.facts.find((f) => f.origin === 'hand')!;
    expect(hand).toMatchObject({ id: 'hand-1', value: 512, figureText: '512', unit: 'accounts', action: 'penalised', highlightId: 'h-1' });
    expect(hand.period).toEqual({ from: '2023-01-01', to: '2023-03-31' });
    expect(unwrap(await store.factsForHighlight('h-1')).map((f) => f.id)).toContain('hand-1');

    const file = toWebAnnotationsJson([unwrap(await store.getHighlight('h-1'))!]);
    const parsed = parseImport(file);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const back = await freshStore();
    unwrap(await back.bulkImport(parsed.highlights, parsed.pages));
    expect(unwrap(await back.getHighlight('h-1'))!.facts.find((f) => f.id === 'hand-1')).toEqual(hand);
  });

  it('refuses a fact without a figure, and a highlight that is gone', async () => {
    const { service } = await savedOnce();
    expect((await service.addFact('h-1', { value: Number.NaN })).ok).toBe(false);
    expect((await service.addFact('gone', { value: 5 })).ok).toBe(false);
  });
});
