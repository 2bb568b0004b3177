import { describe, expect, it } from 'vitest';
import { toWebAnnotationsJson } from '../../lib/export';
import { planMerge } from '../../lib/import';
import type { Highlight } from '../../lib/types';
import { chinesePage, makeHighlight, purgePage, seedHighlights } from './export-samples';
import { accepted } from './import-parse';


describe('export → import → export', () => {
  it('gives back the same highlights and pages', () => {
    const highlights = seedHighlights();
    const imported = accepted(toWebAnnotationsJson(highlights));
    expect(imported.format).toBe('qinglang-lens');
    expect(imported.highlights).toEqual(highlights);
    expect(imported.pages).toEqual([purgePage, expect.objectContaining({ url: expect.any(String) }), chinesePage]);
    expect(imported.warnings).toEqual([]);
  });

  it('writes the same file the second time', () => {
    const first = toWebAnnotationsJson(seedHighlights(), [purgePage]);
    const imported = accepted(first);
    expect(toWebAnnotationsJson(imported.highlights, imported.pages)).toBe(first);
  });

  it('keeps ids that are not UUIDs, empty notes and highlights without a position', () => {
    const h = makeHighlight({ id: 'older id #7', quote: '快手 closed 1,200 accounts.' });
    h.selectors = h.selectors.filter((s) => s.type === 'TextQuoteSelector');
    expect(accepted(toWebAnnotationsJson([h])).highlights).toEqual([h]);
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(accepted(`\uFEFF${toWebAnnotationsJson(seedHighlights())}`).highlights).toHaveLength(3);
  });
});

describe('annotations from other tools', () => {
  it('reads Hypothesis-style annotations: targets and selectors in lists, note and tags in bodies', () => {
    const file = JSON.stringify([
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        id: 'https://hypothes.is/a/AbC123',
        created: '2023-06-01T10:00:00.000000+00:00',
        modified: '2023-06-02T11:30:00.000000+00:00',
        body: [
          { type: 'TextualBody', value: 'Worth comparing with the CAC notice.', format: 'text/markdown' },
          { type: 'TextualBody', purpose: 'tagging', value: 'weibo' },
        ],
        target: [
          {
            source: 'https://news.example.com/weibo-fans#section-2',
            selector: [
              { type: 'RangeSelector', startContainer: '/div[1]/p[3]', endContainer: '/div[1]/p[3]' },
              { type: 'TextPositionSelector', start: 1200, end: 1245 },
              { type: 'TextQuoteSelector', exact: 'Weibo suspended 150 fan-group accounts', prefix: 'On Monday, ', suffix: '.' },
            ],
          },
        ],
      },
    ]);
    const { highlights, format } = accepted(file);
    expect(format).toBe('web-annotation');
    expect(highlights).toEqual([
      expect.objectContaining({
        id: 'https://hypothes.is/a/AbC123',
        url: 'https://news.example.com/weibo-fans',
        quote: 'Weibo suspended 150 fan-group accounts',
        note: 'Worth comparing with the CAC notice.',
        tags: ['weibo'],
        color: 'yellow',
        created: Date.parse('2023-06-01T10:00:00Z'),
        updated: Date.parse('2023-06-02T11:30:00Z'),
        selectors: [
          { type: 'TextPositionSelector', start: 1200, end: 1245 },
          { type: 'TextQuoteSelector', exact: 'Weibo suspended 150 fan-group accounts', prefix: 'On Monday, ', suffix: '.' },
        ],
      }),
    ]);
  });

  it('reads the Hypothesis client export with text, tags, uri and document title', () => {
    const file = JSON.stringify({
      export_date: '2024-02-01T00:00:00Z',
      annotations: [
        {
          id: 'xYz789',
          created: '2024-01-15T08:00:00+00:00',
          updated: '2024-01-16T08:00:00+00:00',
          uri: 'https://news.example.com/douyin',
          text: 'Douyin figure',
          tags: ['douyin', 'figures'],
          document: { title: ['Douyin cleans up livestreams'] },
          target: [{ source: 'https://news.example.com/douyin', selector: [{ type: 'TextQuoteSelector', exact: '抖音清理直播间4,000余个' }] }],
        },
      ],
    });
    const { highlights, pages, format } = accepted(file);
    expect(format).toBe('hypothesis');
    expect(highlights[0]).toMatchObject({ id: 'xYz789', note: 'Douyin figure', tags: ['douyin', 'figures'], quote: '抖音清理直播间4,000余个' });
    expect(pages).toEqual([{ url: 'https://news.example.com/douyin', title: 'Douyin cleans up livestreams' }]);
  });

  it('takes a plain string body as the note and a single target object', () => {
    const { highlights } = accepted(
      JSON.stringify({
        type: 'Annotation',
        body: 'A comment',
        target: { source: 'https://news.example.com/a', selector: { type: 'TextQuoteSelector', exact: 'Kuaishou' } },
      }),
    );
    expect(highlights[0]?.note).toBe('A comment');
  });

  it('gives an annotation without an id the same id on every import, so it is not added twice', () => {
    const file = JSON.stringify({
      type: 'Annotation',
      target: { source: 'https://news.example.com/a', selector: { type: 'TextQuoteSelector', exact: 'The CAC summoned Weibo.' } },
    });
    const first = accepted(file, { now: 1 }).highlights[0];
    const second = accepted(file, { now: 2 }).highlights[0];
    expect(first?.id).toBe(second?.id);
    expect(first?.created).toBe(1);
  });

  it('skips annotations that quote nothing or are not about a web page, and says how many', () => {
    const quote = { type: 'TextQuoteSelector', exact: 'WeChat closed 300 accounts.' };
    const result = accepted(
      JSON.stringify([
        { type: 'Annotation', target: { source: 'https://news.example.com/a', selector: quote } },
        { type: 'Annotation', target: 'https://news.example.com/a', bodyValue: 'A page note' },
        { type: 'Annotation', target: { source: 'urn:x-pdf:1234', selector: quote } },
      ]),
    );
    expect(result.highlights).toHaveLength(1);
    expect(result.warnings.map((w) => [w.code, w.params[0]])).toEqual([
      ['skipped_no_quote', 1],
      ['skipped_not_web', 1],
    ]);
    expect(result.warnings[0]?.message).toMatch(/^1 annotation quote/);
  });

  it('keeps the latest edit of an annotation that appears twice', () => {
    const older = makeHighlight({ quote: 'Douyin banned 500 accounts.', note: 'first' });
    const newer = { ...older, note: 'second', updated: older.updated + 1000 };
    const result = accepted(toWebAnnotationsJson([newer, older]));
    expect(result.highlights.map((h) => h.note)).toEqual(['second']);
    expect(result.warnings[0]?.code).toBe('duplicate_ids');
  });
});

describe('planMerge', () => {
  const stored = seedHighlights();
  const [closed, platforms] = stored as [Highlight, Highlight, Highlight];

  it('adds what is new, updates what was edited since, skips what is already there', () => {
    const edited = { ...closed, note: 'Edited after the export', updated: closed.updated + 60_000 };
    const fresh = makeHighlight({ quote: 'Weibo suspended 1,100 accounts.', start: 5 });
    const plan = planMerge(stored, [edited, platforms, fresh]);
    expect(plan.add).toEqual([fresh]);
    expect(plan.update).toEqual([edited]);
    expect(plan.skip).toEqual([platforms]);
  });

  it('skips an older copy rather than overwrite a newer edit', () => {
    const stale = { ...closed, note: 'old', updated: closed.updated - 1 };
    expect(planMerge(stored, [stale]).skip).toEqual([stale]);
  });

  it('skips the same passage of the same page arriving under another id', () => {
    const copy = { ...platforms, id: 'https://hypothes.is/a/copy' };
    expect(planMerge(stored, [copy])).toEqual({ add: [], update: [], skip: [copy] });
  });

  it('merges an import of the export into the same store as nothing new', () => {
    const imported = accepted(toWebAnnotationsJson(stored)).highlights;
    expect(planMerge(stored, imported)).toEqual({ add: [], update: [], skip: imported });
  });
});
