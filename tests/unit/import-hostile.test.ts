import { describe, expect, it } from 'vitest';
import { toWebAnnotationsJson } from '../../lib/export';
import { parseImport, type ImportResult } from '../../lib/import';
import { seedHighlights } from './export-samples';

const good = toWebAnnotationsJson(seedHighlights());

function refusal(result: ImportResult) {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('accepted');
  // A refusal carries one message and no data.
  expect(Object.keys(result)).toEqual(['ok', 'error']);
  return result.error;
}

/** A one-annotation W3C file with `patch` applied to the annotation. */
function annotation(patch: Record<string, unknown>): string {
  return JSON.stringify({
    type: 'Annotation',
    target: {
      source: 'https://news.example.com/a',
      selector: { type: 'TextQuoteSelector', exact: 'Douyin removed 2,000 videos.' },
    },
    ...patch,
  });
}

describe('parseImport refuses a broken or hostile file with a clear message', () => {
  it('says which line a malformed file goes wrong on', () => {
    const broken = good.replace('"motivation": "highlighting",', '"motivation": "highlighting"');
    const error = refusal(parseImport(broken));
    expect(error.code).toBe('syntax');
    const line = broken.split('\n').findIndex((l) => l.includes('"motivation"')) + 2;
    expect(error.message).toContain(`line ${line}`);
  });

  it('says a truncated file ends too early', () => {
    const error = refusal(parseImport(good.slice(0, Math.floor(good.length / 2))));
    expect(error.code).toBe('truncated');
    expect(error.message).toMatch(/ends too early.*line \d+/);
  });

  it('refuses an empty file and one that is not JSON at all', () => {
    expect(refusal(parseImport('  \n')).code).toBe('empty');
    const csv = refusal(parseImport('id,quote\n1,hello'));
    expect(csv.code).toBe('not_json');
    expect(csv.message).toContain('id,quote');
  });

  it('refuses a file over the size limit before reading it', () => {
    const error = refusal(parseImport(good, { maxBytes: 1000 }));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/too large/);
  });

  it('counts bytes, not characters: Chinese text takes three bytes a character', () => {
    const chinese = annotation({ bodyValue: '網'.repeat(400) });
    expect(parseImport(chinese, { maxBytes: chinese.length + 10 }).ok).toBe(false);
    expect(parseImport(chinese, { maxBytes: chinese.length * 3 }).ok).toBe(true);
  });

  it('refuses one entry over the limit of 100,000 without validating each one', () => {
    // (A million entries took over 30 s under the mutation run's instrumentation.)
    const many = `[${Array(100_001).fill('{}').join(',')}]`;
    const error = refusal(parseImport(many));
    expect(error.code).toBe('too_many');
    expect(error.message).toBe('The file holds 100,001 annotations; one import takes at most 100,000.');
  });

  it('refuses a file of countless tiny objects before parsing it', () => {
    const swarm = `[${Array(5_000).fill('{"a":[{}]}').join(',')}]`;
    const error = refusal(parseImport(swarm, { maxItems: 100 }));
    expect(error.code).toBe('too_complex');
    // Brackets inside text are not structure: a long quote full of them is fine.
    const brackets = annotation({ bodyValue: '[{'.repeat(20_000) });
    expect(parseImport(brackets, { maxItems: 100 }).ok).toBe(true);
    // Nor after an escaped quote (\" does not end the text), nor after an escaped backslash.
    const quoted = annotation({ bodyValue: 'he said "[{'.repeat(8_000) + 'C:\\ [{' });
    expect(parseImport(quoted, { maxItems: 100 }).ok).toBe(true);
  });

  it('refuses a file nested far deeper than any annotation', () => {
    expect(refusal(parseImport('['.repeat(200_000) + ']'.repeat(200_000))).code).toBe('too_deep');
  });

  it('names the annotation and field that has the wrong type', () => {
    const wrong = good.replace(/"start": \d+/, '"start": "eight hundred"');
    const error = refusal(parseImport(wrong));
    expect(error.code).toBe('invalid');
    expect(error.message).toBe('Annotation 1: “target.selector[1].start” should be a number, not text.');
  });

  it('refuses an unknown colour and a fact without a number', () => {
    expect(refusal(parseImport(good.replace('"ql:color": "green"', '"ql:color": "red"'))).message).toMatch(
      /ql:color.*one of yellow, green/,
    );
    expect(refusal(parseImport(good.replace('"value": 67000', '"value": "67000"'))).message).toMatch(
      /ql:facts\[0\]\.value” should be a number/,
    );
  });

  it('refuses a file that holds JSON but no annotations', () => {
    expect(refusal(parseImport('{"name": "my notes", "items": [1, 2]}')).code).toBe('not_annotations');
    expect(refusal(parseImport('"just text"')).code).toBe('not_json');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a file with a "%s" key', (key) => {
    const hostile = good.replace('"ql:color": "green"', `"ql:color": "green", "${key}": {"polluted": true}`);
    const error = refusal(parseImport(hostile));
    expect(error.code).toBe('forbidden_key');
    expect(error.message).toContain(key);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    'javascript:alert(document.cookie)',
    '  JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
  ])('refuses a file whose page address is %j', (url) => {
    const error = refusal(parseImport(annotation({ target: { source: url, selector: { type: 'TextQuoteSelector', exact: 'x' } } })));
    expect(error.code).toBe('unsafe_url');
    expect(error.message).toMatch(/not a web address/);
  });

  it('refuses a script address hidden in our page record or a fact’s source', () => {
    const inPage = good.replace(`"url": "https://news.example.com/world/china-purges-posts"`, '"url": "javascript:alert(1)"');
    expect(refusal(parseImport(inPage)).code).toBe('unsafe_url');
    const collection = JSON.parse(good) as { first: { items: { 'ql:facts': { source: { url: string } }[] }[] } };
    const fact = collection.first.items[0]?.['ql:facts'][0];
    if (!fact) throw new Error('sample has no fact');
    fact.source.url = 'javascript:alert(1)';
    expect(refusal(parseImport(JSON.stringify(collection))).code).toBe('unsafe_url');
  });

  it('refuses a file from a newer version with a message saying so', () => {
    const error = refusal(parseImport(good.replace('"ql:schemaVersion": 1,', '"ql:schemaVersion": 2,')));
    expect(error.code).toBe('newer_schema');
    expect(error.message).toMatch(/newer version.*schema 2/);
  });

  it('refuses a collection whose annotations live at another address', () => {
    const remote = JSON.stringify({ type: 'AnnotationCollection', first: 'https://annotations.example/page1' });
    expect(refusal(parseImport(remote)).code).toBe('remote_items');
  });

  it('refuses a file in which nothing quotes page text', () => {
    const pageNotes = JSON.stringify([{ type: 'Annotation', target: 'https://news.example.com/a', bodyValue: 'A page note' }]);
    const error = refusal(parseImport(pageNotes));
    expect(error.code).toBe('nothing_to_import');
  });

  it('refuses text longer than any quote, and lists longer than any annotation has', () => {
    expect(refusal(parseImport(annotation({ bodyValue: 'x'.repeat(100_001) }))).message).toMatch(/bodyValue” is too long/);
    expect(refusal(parseImport(annotation({ tags: Array(501).fill('t') }))).message).toMatch(/tags” is too long/);
  });
});

describe('parseImport keeps markup as plain text', () => {
  it('returns a quote and note holding HTML exactly as written, for the interface to show as text', () => {
    const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const result = parseImport(
      annotation({
        target: { source: 'https://news.example.com/a', selector: { type: 'TextQuoteSelector', exact: markup } },
        bodyValue: `<b>${markup}</b>`,
      }),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.highlights[0]?.quote).toBe(markup);
    expect(result.highlights[0]?.note).toBe(`<b>${markup}</b>`);
  });

  it('drops keys it does not know instead of passing them on', () => {
    const result = parseImport(annotation({ onclick: 'alert(1)', 'ql:page': { url: 'https://news.example.com/a', title: 'T', style: 'x' } }));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.highlights[0]).not.toHaveProperty('onclick');
    expect(result.highlights[0]?.page).toEqual({ url: 'https://news.example.com/a', title: 'T' });
  });
});
