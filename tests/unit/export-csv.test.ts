import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, toCsv } from '../../lib/export';
import { makeHighlight, purgePage, seedHighlights } from './export-samples';

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
    expect(first?.facts).toMatch(/^67,000 accounts closed, 2023-03-10 – 2023-05-22 — In a statement/);
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
