import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toWebAnnotationsJson } from '../../lib/export';
import { parseImport } from '../../lib/import';
import { FIGURE_UNITS, HIGHLIGHT_COLORS, HighlightSchema, LIMITS, problemOf, SCHEMA_VERSION } from '../../lib/schema';
import type { Fact, Highlight, PageMeta, StoredPage } from '../../lib/types';
import { freshStore, value } from './store-fixtures';

// Text of every kind a page holds: CJK in both scripts, right-to-left, astral characters
// (emoji, CJK Extension B), combining marks, and arbitrary Unicode.
const CJK = '网信办清朗自媒体抖音微博快手國家網信辦帳號處置。「」，';
const RTL = 'هيئة الفضاء الإلكتروني الصينية שלום עולם';
const ASTRAL = '😀𠀀𠮷🇨🇳👩‍👩‍👧𝕏';
const from = (chars: string) => fc.array(fc.constantFrom(...[...chars]), { maxLength: 40 }).map((a) => a.join(''));
const word = fc.oneof(from(CJK), from(RTL), from(ASTRAL), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ maxLength: 30 }));

/** Text up to `max` UTF-16 units: short most of the time, sometimes exactly at the limit. */
const textUpTo = (max: number, min = 0) =>
  fc.oneof(
    { weight: 4, arbitrary: word },
    { weight: 1, arbitrary: word.filter((w) => w.length > 0).map((w) => fitTo(w.repeat(Math.ceil(max / w.length)), max)) },
  ).filter((s) => s.length >= min && s.length <= max);

/** `s` cut to at most `max` units without splitting a surrogate pair. */
function fitTo(s: string, max: number): string {
  if (s.length <= max) return s;
  const last = s.charCodeAt(max - 1);
  return s.slice(0, last >= 0xd800 && last < 0xdc00 ? max - 1 : max);
}

const time = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) });
const label = textUpTo(LIMITS.label, 1).filter((s) => !/[\uD800-\uDFFF]/.test(s) || /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/.test(s));
const tag = label.map((s) => s.trim()).filter((s) => s !== '');
const isoDay = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const url = fc
  .tuple(fc.constantFrom('https://news.example.com', 'http://例子.中国', 'https://www.rfa.org'), fc.nat(1e6), fc.boolean())
  .map(([origin, n, route]) => `${new URL(origin).origin}/article/${n}${route ? `#/story/${n}` : ''}`);

const pageOf = (u: string): fc.Arbitrary<PageMeta> =>
  fc.record(
    {
      url: fc.constant(u),
      title: textUpTo(LIMITS.shortText),
      site: textUpTo(LIMITS.shortText),
      author: textUpTo(LIMITS.shortText),
      published: isoDay,
      canonical: fc.constant(`${u.split('#')[0]}?canonical=1`),
    },
    { requiredKeys: ['url', 'title'] },
  );

const factsOf = (id: string, page: PageMeta, created: number): fc.Arbitrary<Fact[]> =>
  fc.array(
    fc.record(
      {
        text: textUpTo(LIMITS.longText),
        value: fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
        unit: fc.constantFrom(...FIGURE_UNITS),
        qualifier: label,
        action: label,
        figureText: label,
        date: isoDay,
        period: fc.record({ from: isoDay, to: isoDay }, { requiredKeys: [] }),
        entities: fc.uniqueArray(label, { maxLength: 8 }),
        unlinked: fc.uniqueArray(label, { maxLength: 5 }),
      },
      { requiredKeys: ['text', 'value', 'figureText', 'entities'] },
    ),
    { maxLength: 3 },
  ).map((fs) => fs.map((f, i): Fact => ({ ...f, id: `${id}#f${i}`, highlightId: id, source: page, created })));

const highlight: fc.Arbitrary<Highlight> = fc
  .record({ id: fc.uuid(), url, created: time, later: fc.nat(1e9) })
  .chain(({ id, url: u, created, later }) =>
    pageOf(u).chain((page) =>
      fc.record({
        quote: textUpTo(LIMITS.longText, 1),
        prefix: fc.option(textUpTo(32), { nil: undefined }),
        suffix: fc.option(textUpTo(32), { nil: undefined }),
        start: fc.nat(1e6),
        note: fc.oneof(fc.constant(''), fc.constant('   '), textUpTo(LIMITS.longText)),
        tags: fc.oneof(
          { weight: 3, arbitrary: fc.uniqueArray(tag, { maxLength: 10 }) },
          { weight: 1, arbitrary: fc.uniqueArray(tag, { minLength: 200, maxLength: LIMITS.listItems }) },
        ),
        color: fc.constantFrom(...HIGHLIGHT_COLORS),
        entities: fc.uniqueArray(label, { maxLength: 7 }),
        facts: factsOf(id, page, created),
        orphaned: fc.option(fc.boolean(), { nil: undefined }),
      }).map((r): Highlight => ({
        schemaVersion: SCHEMA_VERSION,
        id,
        url: u,
        page,
        selectors: [
          { type: 'TextQuoteSelector', exact: r.quote, ...(r.prefix !== undefined ? { prefix: r.prefix } : {}), ...(r.suffix !== undefined ? { suffix: r.suffix } : {}) },
          { type: 'TextPositionSelector', start: r.start, end: r.start + r.quote.length },
        ],
        quote: r.quote,
        note: r.note,
        tags: r.tags,
        color: r.color,
        entities: r.entities,
        facts: r.facts,
        ...(r.orphaned !== undefined ? { orphaned: r.orphaned } : {}),
        created,
        updated: created + later,
      })),
    ),
  );

/** Each page once, as the store keeps them, with the text kept of some. */
const pagesOf = (hs: readonly Highlight[], snapshot: string): StoredPage[] => {
  const pages = new Map<string, StoredPage>();
  for (const [i, h] of hs.entries()) if (!pages.has(h.url)) pages.set(h.url, i % 2 ? { ...h.page } : { ...h.page, text: snapshot, captured: h.created });
  return [...pages.values()];
};

const highlights = fc.uniqueArray(highlight, { minLength: 1, maxLength: 4, selector: (h) => h.id });
const snapshot = textUpTo(LIMITS.snapshot);

describe('whatever can be saved can be exported and imported back', () => {
  it('gives the same file byte for byte after export → import → export', () => {
    fc.assert(
      fc.property(highlights, snapshot, (hs, text) => {
        for (const h of hs) expect(problemOf(HighlightSchema, h)).toBeNull();
        const pages = pagesOf(hs, text);
        const first = toWebAnnotationsJson(hs, pages);
        const imported = parseImport(first);
        if (!imported.ok) throw new Error(imported.error.message);
        expect(imported.highlights).toEqual(hs);
        expect(toWebAnnotationsJson(imported.highlights, imported.pages)).toBe(first);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('goes through the store and back into another store unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(highlights, snapshot, async (hs, text) => {
        const { store } = await freshStore();
        for (const h of hs) value(await store.saveHighlight(h));
        for (const p of pagesOf(hs, text)) value(await store.putPage(p));
        const first = toWebAnnotationsJson(value(await store.allHighlights()), value(await store.allPages()));

        const imported = parseImport(first);
        if (!imported.ok) throw new Error(imported.error.message);
        const { store: other } = await freshStore();
        value(await other.bulkImport(imported.highlights, imported.pages));
        expect(toWebAnnotationsJson(value(await other.allHighlights()), value(await other.allPages()))).toBe(first);
        store.close();
        other.close();
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it('refuses at save what an import would refuse: one character over a limit', () => {
    const base = fc.sample(highlight, { numRuns: 1, seed: 7 })[0]!;
    const over = 'x'.repeat(LIMITS.longText + 1);
    const long = { ...base, quote: over, selectors: [{ type: 'TextQuoteSelector' as const, exact: over }] };
    expect(problemOf(HighlightSchema, long)).toMatch(/too long \(at most 100000 characters\)/);
    expect(problemOf(HighlightSchema, { ...base, page: { ...base.page, title: 't'.repeat(LIMITS.shortText + 1) } })).toMatch(/page\.title/);
    expect(problemOf(HighlightSchema, { ...base, tags: [' spaced '] })).toMatch(/tags\[0\]/);
    expect(problemOf(HighlightSchema, { ...base, created: 1.5 })).toMatch(/created/);
  });
});
