import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, FACTS_CSV_COLUMNS, toCsv, toFactsCsv } from '../../lib/export';
import { chinesePage, makeFact, makeHighlight, purgePage, seedHighlights } from './export-samples';

function rows(csv: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('toCsv', () => {
  const csv = toCsv(seedHighlights());

  it('starts with a UTF-8 byte-order mark and uses CRLF line ends (RFC 4180)', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${CSV_COLUMNS.join(',')}`);
    const outsideQuotes = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(outsideQuotes).toContain('\r\n');
    expect(outsideQuotes).not.toMatch(/[^\r]\n/);
  });

  it('has one row per highlight with its citation columns', () => {
    const data = rows(csv);
    expect(data).toHaveLength(3);
    expect(data[0]).toMatchObject({
      outlet: 'Example News',
      title: purgePage.title,
      author: 'Web Desk',
      published: purgePage.published,
      url: purgePage.url,
      tags: 'figures; self-media',
      orphaned: 'no',
    });
    expect(data[0]?.citation).toContain('Web Desk');
  });

  it('flattens facts into one cell, one fact a line', () => {
    const [first] = rows(csv);
    expect(first?.facts).toBe('67,000 accounts closed · 2023-03-10 – 2023-05-22');
    expect(first?.fact_count).toBe('1');
  });

  it('quotes cells with commas, quotes and line breaks so they read back unchanged', () => {
    const quote = 'He said, "we closed 6.66萬 accounts"\nand more.';
    const [row] = rows(toCsv([makeHighlight({ quote })]));
    expect(row?.quote).toBe(quote);
  });

  it('keeps Chinese text intact', () => {
    const data = rows(csv);
    expect(data[2]?.quote).toBe('網信辦表示，共處置違規帳號6.66萬個。');
    expect(data[2]?.title).toBe('網信辦啟動「清朗」專項行動');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const dangerous = ['=HYPERLINK("https://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '=1\n=2'];
    const data = rows(toCsv(dangerous.map((quote) => makeHighlight({ quote, note: quote }))));
    expect(data.map((r) => r.quote)).toEqual(dangerous.map((d) => `'${d}`));
    expect(data.map((r) => r.note)).toEqual(dangerous.map((d) => `'${d}`));
  });

  it('leaves ordinary text and numbers as they are', () => {
    const [row] = rows(toCsv([makeHighlight({ quote: 'Weibo removed 1,500 posts.', start: 42 })]));
    expect(row?.quote).toBe('Weibo removed 1,500 posts.');
    expect(row?.start).toBe('42');
  });
});

describe('toFactsCsv', () => {
  const sentence = '網信辦表示，共處置違規帳號6.66萬餘個，清理信息141.09萬條。';
  const accounts = makeFact({
    value: 66_600, figureText: '6.66萬', qualifier: 'more than', unit: 'accounts', action: 'dealt with',
    text: sentence, period: { from: '2023-03-10', to: '2023-05-22' }, entities: ['cac', 'self-media'], source: chinesePage,
  });
  const posts = makeFact({ value: 1_410_900, figureText: '141.09萬', unit: 'posts', action: 'removed', text: sentence, date: '2023-05-26', source: chinesePage });
  const h = makeHighlight({ quote: sentence, page: chinesePage, facts: [accounts, posts, { ...posts }] });
  const data = rows(toFactsCsv([h, makeHighlight({ quote: 'No figures here.' })]));

  it('has one row per figure, each fact once, in the documented columns', () => {
    expect(toFactsCsv([]).split('\r\n')[0]).toBe(`\uFEFF${FACTS_CSV_COLUMNS.join(',')}`);
    expect(data.map((r) => r.figure)).toEqual(['6.66萬', '141.09萬']);
  });

  it('gives the value as a plain number a spreadsheet can sum, beside the figure as written', () => {
    expect(data.map((r) => Number(r.value))).toEqual([66_600, 1_410_900]);
    expect(toFactsCsv([h])).toMatch(/\r\n66600,6\.66萬,/);
  });

  it('gives qualifier, unit, action, period, date, entities and the source in their own columns', () => {
    expect(data[0]).toMatchObject({
      qualifier: 'more than', unit: 'accounts', action: 'dealt with', period_from: '2023-03-10', period_to: '2023-05-22',
      date: '', entities: 'cac; self-media', outlet: '範例新聞', title: chinesePage.title, url: chinesePage.url, sentence,
      fact_id: accounts.id, highlight_id: accounts.highlightId,
    });
    expect(data[1]).toMatchObject({ qualifier: '', period_from: '', date: '2023-05-26' });
  });

  it('defuses a sentence a spreadsheet would run as a formula', () => {
    const evil = makeFact({ value: 1, figureText: '1', text: '=HYPERLINK("https://evil.example")' });
    expect(rows(toFactsCsv([makeHighlight({ quote: 'x', facts: [evil] })]))[0]?.sentence).toBe(`'=HYPERLINK("https://evil.example")`);
  });
});
