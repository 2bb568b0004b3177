// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { toWebAnnotationsJson } from '../../lib/export';
import { makeFact, makeHighlight, purgePage, seedHighlights } from './export-samples';
import { accepted, refused } from './import-parse';



const quote = (exact: string, more: Record<string, unknown> = {}) => ({ type: 'TextQuoteSelector', exact, ...more });
/** Another tool's annotation of a news page quoting `exact`. */
const other = (exact: string, more: Record<string, unknown> = {}) => ({
  type: 'Annotation',
  target: { source: 'https://news.example.com/a', selector: quote(exact) },
  ...more,
});

describe('where a file keeps its annotations', () => {
  it('reads a W3C annotation page, a bare list and a single annotation', () => {
    expect(accepted(JSON.stringify({ type: 'AnnotationPage', items: [other('Weibo')] })).format).toBe('web-annotation');
    expect(accepted(JSON.stringify([other('Weibo')])).format).toBe('web-annotation');
    // One annotation, named by its type or known by its target.
    expect(accepted(JSON.stringify(other('Weibo'))).highlights).toHaveLength(1);
    expect(accepted(JSON.stringify({ ...other('Weibo'), type: ['Annotation', 'Note'] })).highlights).toHaveLength(1);
    expect(accepted(JSON.stringify({ target: other('Weibo').target })).highlights).toHaveLength(1);
  });

  it('reads Hypothesis search results ({rows}) as Hypothesis annotations', () => {
    const result = accepted(JSON.stringify({ total: 1, rows: [other('Douyin', { id: 'h1', uri: 'https://news.example.com/a' })] }));
    expect(result.format).toBe('hypothesis');
    expect(result.highlights.map((h) => h.id)).toEqual(['h1']);
  });

  it('reads another tool’s collection as web annotations, ours by its schema version', () => {
    const theirs = JSON.stringify({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [other('Kuaishou')] } });
    expect(accepted(theirs).format).toBe('web-annotation');
    expect(accepted(toWebAnnotationsJson(seedHighlights())).format).toBe('qinglang-lens');
  });

  it('refuses a collection without a first page of annotations, and one whose items are not a list', () => {
    for (const file of [
      { type: 'AnnotationCollection' },
      { type: 'AnnotationCollection', first: 7 },
      { type: 'AnnotationCollection', first: { items: { 0: other('x') } } },
      { type: 'AnnotationPage', items: 'none' },
      { type: 'Something' },
    ]) {
      const error = refused(JSON.stringify(file));
      expect(error.code).toBe('not_annotations');
      expect(error.message).toBe(
        'This file is JSON but holds no annotations: choose a Qinglang Lens JSON export or a W3C Web Annotation file.',
      );
    }
  });

  it('says a collection that only links to its annotations cannot be read', () => {
    const error = refused(JSON.stringify({ type: 'AnnotationCollection', first: 'https://annotations.example/p1' }));
    expect(error.message).toBe(
      'This collection only points to its annotations at another address; Qinglang Lens reads files, not web addresses. Export the annotations themselves.',
    );
  });
});

describe('the schema version a file declares', () => {
  const ours = JSON.parse(toWebAnnotationsJson(seedHighlights()));

  it('refuses a version that is not a number', () => {
    const error = refused(JSON.stringify({ ...ours, 'ql:schemaVersion': '1' }));
    expect(error).toMatchObject({ code: 'invalid', message: 'The file’s “ql:schemaVersion” should be a number.' });
  });

  it('refuses a version older than any it knows, and a newer one with the advice to update', () => {
    expect(refused(JSON.stringify({ ...ours, 'ql:schemaVersion': 0 })).message).toBe(
      'This file declares schema version 0, which Qinglang Lens does not know.',
    );
    expect(refused(JSON.stringify({ ...ours, 'ql:schemaVersion': 2 })).message).toBe(
      'This file was made by a newer version of Qinglang Lens (schema 2); this version reads schema 1. Update the extension and import again.',
    );
  });

  it('refuses an annotation of another version inside a list', () => {
    const error = refused(JSON.stringify([other('a'), other('b', { 'ql:schemaVersion': 3 })]));
    expect(error.code).toBe('newer_schema');
  });
});

describe('what is taken from another tool’s annotation', () => {
  it('takes notes from bodies without a purpose, commenting or describing ones, joined by a blank line', () => {
    const [h] = accepted(
      JSON.stringify(
        other('CAC', {
          body: [
            'plain',
            { value: 'no purpose' },
            { value: 'a comment', purpose: 'commenting' },
            { value: 'a description', purpose: ['describing'] },
            { value: 'a link', purpose: 'linking' },
            { value: '' },
            { purpose: 'commenting' },
          ],
          bodyValue: 'body value',
          text: 'hypothesis text',
        }),
      ),
    ).highlights;
    expect(h.note).toBe('plain\n\nno purpose\n\na comment\n\na description\n\nbody value\n\nhypothesis text');
  });

  it('takes tags from tagging bodies and from a tag list, trimmed, each once, blanks left out', () => {
    const [h] = accepted(
      JSON.stringify(other('CAC', { body: [{ value: ' weibo ', purpose: 'tagging' }, { value: '  ', purpose: ['tagging'] }], tags: ['weibo', 'figures', ''] })),
    ).highlights;
    expect(h.tags).toEqual(['weibo', 'figures']);
    expect(h.note).toBe('');
  });

  it('keeps the quote’s context and position, and drops selectors it cannot re-anchor', () => {
    const target = {
      source: 'https://news.example.com/a',
      selector: [
        { type: 'CssSelector', value: 'p:nth-child(3)' },
        quote('Douyin', { prefix: 'said ', suffix: ' removed' }),
        { type: 'TextPositionSelector', start: 4, end: 10 },
      ],
    };
    const [h] = accepted(JSON.stringify({ type: 'Annotation', target })).highlights;
    expect(h.selectors).toStrictEqual([
      { type: 'TextQuoteSelector', exact: 'Douyin', prefix: 'said ', suffix: ' removed' },
      { type: 'TextPositionSelector', start: 4, end: 10 },
    ]);
    const [bare] = accepted(JSON.stringify(other('Douyin'))).highlights;
    expect(bare.selectors).toStrictEqual([{ type: 'TextQuoteSelector', exact: 'Douyin' }]);
  });

  it('takes the first target that quotes text, its address from the target’s id or the annotation’s uri', () => {
    const file = {
      type: 'Annotation',
      uri: 'https://news.example.com/from-uri',
      target: [
        'https://news.example.com/just-a-page',
        { source: 'https://news.example.com/no-quote', selector: { type: 'TextPositionSelector', start: 1, end: 2 } },
        { id: 'https://news.example.com/by-id#p3', selector: quote('first') },
        { source: 'https://news.example.com/second', selector: quote('second') },
      ],
    };
    const [h] = accepted(JSON.stringify(file)).highlights;
    expect([h.url, h.quote]).toEqual(['https://news.example.com/by-id', 'first']);
    const [viaUri] = accepted(JSON.stringify({ type: 'Annotation', uri: ' https://news.example.com/u#x ', target: [{ selector: quote('q') }] })).highlights;
    expect(viaUri.url).toBe('https://news.example.com/u');
    expect(viaUri.page).toEqual({ url: 'https://news.example.com/u', title: '' });
  });

  it('skips a quote with no page address, and one of a file or another scheme, saying how many', () => {
    const result = accepted(
      JSON.stringify([
        other('kept'),
        { type: 'Annotation', target: { selector: quote('nowhere') } },
        { type: 'Annotation', target: { source: 'file:///home/me/a.html', selector: quote('a file') } },
        { type: 'Annotation', target: { source: 'mailto:me@example.com', selector: quote('mail') } },
      ]),
    );
    expect(result.highlights.map((h) => h.quote)).toEqual(['kept']);
    expect(result.warnings).toEqual([
      { code: 'skipped_not_web', message: '3 annotations are about something other than a web page and were skipped.', params: [3] },
    ]);
  });

  it('dates an annotation by its creation, its last edit by modified or Hypothesis’ updated, else its creation', () => {
    const created = '2024-03-01T10:00:00Z';
    const [onlyCreated] = accepted(JSON.stringify(other('a', { created })), { now: 5 }).highlights;
    expect([onlyCreated.created, onlyCreated.updated]).toEqual([Date.parse(created), Date.parse(created)]);
    const [hyp] = accepted(JSON.stringify(other('a', { created, updated: '2024-03-02T10:00:00Z' }))).highlights;
    expect(hyp.updated).toBe(Date.parse('2024-03-02T10:00:00Z'));
    const [both] = accepted(JSON.stringify(other('a', { created, modified: '2024-03-03T10:00:00Z', updated: '2024-03-02T10:00:00Z' }))).highlights;
    expect(both.updated).toBe(Date.parse('2024-03-03T10:00:00Z'));
    const [undated] = accepted(JSON.stringify(other('a')), { now: 42 }).highlights;
    expect([undated.created, undated.updated]).toEqual([42, 42]);
  });

  it('gives the page the document’s first title, yellow to a highlight without a colour, and no entities or facts', () => {
    const [h] = accepted(JSON.stringify(other('a', { document: { title: ['First title', 'Second'] } }))).highlights;
    expect(h).toMatchObject({ page: { url: 'https://news.example.com/a', title: 'First title' }, color: 'yellow', entities: [], facts: [] });
    expect(h).not.toHaveProperty('orphaned');
  });

  it('gives passages without an id ids that tell them apart', () => {
    const ids = [
      other('one'),
      other('two'),
      { type: 'Annotation', target: { source: 'https://news.example.com/b', selector: quote('one') } },
      { type: 'Annotation', target: { source: 'https://news.example.com/a', selector: quote('one', { prefix: 'p' }) } },
      { type: 'Annotation', target: { source: 'https://news.example.com/a', selector: quote('one', { suffix: 's' }) } },
    ].map((a) => accepted(JSON.stringify(a)).highlights[0].id);
    expect(new Set(ids).size).toBe(5);
    for (const id of ids) expect(id).toMatch(/^imported-[0-9a-f]{16}$/);
  });
});

describe('ids of our own export', () => {
  it('comes back from our URN, decoded, and from urn:uuid:', () => {
    const h = makeHighlight({ id: 'older id #7/✓', quote: 'Weibo' });
    expect(accepted(toWebAnnotationsJson([h])).highlights[0].id).toBe('older id #7/✓');
    const file = (id: string) => JSON.stringify(other('x', { id }));
    expect(accepted(file('urn:uuid:0f8e6a2c-1b3d-4e5f-8a9b-000000000001')).highlights[0].id).toBe('0f8e6a2c-1b3d-4e5f-8a9b-000000000001');
    // A malformed escape is not decoded: the id is kept whole rather than refused.
    expect(accepted(file('urn:qinglang-lens:highlight:50%ZZ')).highlights[0].id).toBe('urn:qinglang-lens:highlight:50%ZZ');
    expect(accepted(file('https://hypothes.is/a/xyz')).highlights[0].id).toBe('https://hypothes.is/a/xyz');
  });
});

describe('addresses in our own export', () => {
  it('keeps a page address exactly as saved, its route fragment and file pages included', () => {
    for (const url of ['https://app.example.com/#/article/7', 'file:///home/me/report.html']) {
      const h = makeHighlight({ quote: 'CAC', page: { url, title: 'T' } });
      const imported = accepted(toWebAnnotationsJson([h])).highlights[0];
      expect([imported.url, imported.page.url]).toEqual([url, url]);
    }
  });

  it('trims and drops the fragment of an address written with spaces around it', () => {
    const collection = JSON.parse(toWebAnnotationsJson([makeHighlight({ quote: 'CAC' })]));
    const item = collection.first.items[0];
    item.target.source = ` ${item.target.source}#top `;
    item['ql:page'].url = ` ${item['ql:page'].url}#top `;
    const h = accepted(JSON.stringify(collection)).highlights[0];
    expect([h.url, h.page.url]).toEqual([purgePage.url, purgePage.url]);
  });

  it('keeps a web canonical address and leaves out another kind, saying so', () => {
    const collection = (canonical: string) => {
      const c = JSON.parse(toWebAnnotationsJson([makeHighlight({ quote: 'CAC' })]));
      c.first.items[0]['ql:page'].canonical = canonical;
      c['ql:pages'][0].canonical = canonical;
      return JSON.stringify(c);
    };
    const kept = accepted(collection('https://news.example.com/canonical'));
    expect(kept.highlights[0].page.canonical).toBe('https://news.example.com/canonical');
    expect(kept.warnings).toEqual([]);
    const dropped = accepted(collection('ftp://mirror.example.com/a'));
    expect(dropped.highlights[0].page).not.toHaveProperty('canonical');
    expect(dropped.pages[0]).not.toHaveProperty('canonical');
    expect(dropped.warnings).toEqual([
      { code: 'dropped_unsafe_canonical', message: '1 page named a canonical address that is not a web address; it was left out.', params: [1] },
    ]);
    expect(refused(collection('javascript:alert(1)')).code).toBe('unsafe_url');
  });
});

describe('a hostile address is refused with the record and the address named', () => {
  it('names the annotation and shows the address, cut short and with control characters masked', () => {
    const long = `javascript:alert(1)//${'x'.repeat(60)}`;
    expect(refused(JSON.stringify([other('a'), { type: 'Annotation', target: { source: long, selector: quote('b') } }])).message).toBe(
      `Annotation 2: the target “${long.slice(0, 40)}…” is not a web address; a file with such links is refused.`,
    );
    expect(refused(JSON.stringify({ type: 'Annotation', target: ['javascript:\nalert(1)'] })).message).toBe(
      'Annotation 1: the target “javascript:?alert(1)” is not a web address; a file with such links is refused.',
    );
  });

  it('refuses a blob address and a script address given as the target’s id', () => {
    expect(refused(JSON.stringify(other('a', { target: { source: 'blob:https://x.example/1', selector: quote('a') } }))).code).toBe('unsafe_url');
    expect(refused(JSON.stringify(other('a', { target: { id: 'vbscript:x', selector: quote('a') } }))).code).toBe('unsafe_url');
  });

  it('names the page of the page list that holds one', () => {
    const c = JSON.parse(toWebAnnotationsJson(seedHighlights()));
    c['ql:pages'][1].url = 'javascript:alert(1)';
    expect(refused(JSON.stringify(c)).message).toBe(
      'Page 2: the page address “javascript:alert(1)” is not a web address; a file with such links is refused.',
    );
  });
});

describe('facts travel with their highlight', () => {
  it('brings back every field of a fact, and no field a fact did not have', () => {
    const h = makeHighlight({ quote: 'Weibo closed more than 1,100 accounts on 2023-05-01.' });
    h.facts = [
      makeFact({
        highlightId: h.id,
        text: h.quote,
        value: 1100,
        figureText: '1,100',
        unit: 'accounts',
        qualifier: 'more than',
        action: 'closed',
        date: '2023-05-01',
        unlinked: ['fact-x'],
        origin: 'hand',
        corrected: ['value'],
      }),
      makeFact({ highlightId: h.id, text: h.quote, value: 1100, figureText: '1,100' }),
    ];
    expect(accepted(toWebAnnotationsJson([h])).highlights).toStrictEqual([h]);
  });

  it('refuses a fact listed twice', () => {
    const h = makeHighlight({ quote: 'Douyin removed 500 videos.' });
    const fact = makeFact({ highlightId: h.id, text: h.quote, value: 500, figureText: '500' });
    h.facts = [fact, { ...fact }];
    expect(refused(toWebAnnotationsJson([h])).message).toBe(`Annotation 1: the fact “${fact.id}” is listed twice.`);
  });
});

describe('the same annotation twice in one file', () => {
  it('keeps the first of two copies edited at the same moment, and says one appeared twice', () => {
    const h = makeHighlight({ quote: 'Kuaishou', note: 'first copy' });
    const result = accepted(toWebAnnotationsJson([h, { ...h, note: 'second copy' }]));
    expect(result.highlights.map((x) => x.note)).toEqual(['first copy']);
    expect(result.warnings).toEqual([
      { code: 'duplicate_ids', message: '1 annotation appeared more than once; the latest edit of each was kept.', params: [1] },
    ]);
  });
});

describe('a file with nothing to import says why', () => {
  it('says an empty list holds no annotations', () => {
    expect(refused('[]')).toMatchObject({ code: 'nothing_to_import', message: 'The file holds no annotations.', params: [0] });
  });

  it('says none of its annotations quotes a web page', () => {
    const error = refused(JSON.stringify([{ type: 'Annotation', target: 'https://news.example.com/a' }, other('x', { target: { source: 'urn:isbn:1', selector: quote('x') } })]));
    expect(error.message).toBe('None of the 2 annotations in the file quotes text from a web page, so there is nothing to import.');
  });

  it('counts skipped annotations in the singular and the plural', () => {
    const result = accepted(JSON.stringify([other('kept'), { type: 'Annotation', target: 'https://a.example/' }, { type: 'Annotation', target: 'https://b.example/' }]));
    expect(result.warnings.map((w) => w.message)).toEqual(['2 annotations quote no text from a page (no TextQuoteSelector) and were skipped.']);
  });
});

describe('the pages of a file', () => {
  it('takes our page list’s records, with their kept text and time, before the highlights’ copies', () => {
    const c = JSON.parse(toWebAnnotationsJson(seedHighlights()));
    c['ql:pages'][0] = { ...c['ql:pages'][0], title: 'Listed title', text: 'the article', captured: '2024-01-02T03:04:05.000Z' };
    const { pages } = accepted(JSON.stringify(c));
    expect(pages[0]).toMatchObject({ url: purgePage.url, title: 'Listed title', text: 'the article', captured: Date.parse('2024-01-02T03:04:05Z') });
    expect(pages).toHaveLength(3);
  });

  it('names the page list and the field when a record is wrong', () => {
    const c = JSON.parse(toWebAnnotationsJson(seedHighlights()));
    c['ql:pages'][1].title = 42;
    expect(refused(JSON.stringify(c)).message).toMatch(/^The page list: “ql:pages\[1\]\.title” should be/);
  });

  it('takes a page from its most recently edited highlight when the file lists none', () => {
    const older = makeHighlight({ quote: 'one', page: { ...purgePage, title: 'Old title' } });
    const newer = makeHighlight({ quote: 'two', page: { ...purgePage, title: 'New title' } });
    newer.updated = older.updated + 1;
    const file = JSON.stringify([older, newer].map((h) => JSON.parse(toWebAnnotationsJson([h])).first.items[0]));
    expect(accepted(file).pages).toEqual([{ ...purgePage, title: 'New title' }]);
  });
});

describe('words that are forbidden as keys', () => {
  it('are fine as a note, a tag or a quote', () => {
    const [h] = accepted(JSON.stringify(other('constructor', { bodyValue: '__proto__', tags: ['prototype'] }))).highlights;
    expect([h.quote, h.note, h.tags]).toEqual(['constructor', '__proto__', ['prototype']]);
  });

  it('are refused as a key anywhere, in a list of annotations too', () => {
    const file = `[${JSON.stringify(other('a'))}, {"type": "Annotation", "__proto__": {"x": 1}, "target": "https://a.example/"}]`;
    expect(refused(file)).toMatchObject({
      code: 'forbidden_key',
      message: 'The file contains the key “__proto__”, which an annotation never has; nothing was imported.',
    });
  });
});

describe('a file that is not JSON', () => {
  it('quotes its first characters, past a byte-order mark and blank lines', () => {
    expect(refused('\uFEFF\n\n  SOURCE: https://news.example.com/a and more text after it').message).toBe(
      'This is not a JSON file (it starts with “SOURCE: https://news…”). Choose a file exported as JSON.',
    );
    expect(refused('\uFEFF  \n').message).toBe('The file is empty.');
  });
});
