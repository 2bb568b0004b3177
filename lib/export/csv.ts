import Papa from 'papaparse';
import type { Highlight, PageMeta } from '../types';
import { citationOf, formatCitation, pageLookup } from './citation';
import { describeFact, distinctFacts } from './fact-text';

/** Column order of the CSV export; stable, so spreadsheets built on it keep working. */
export const CSV_COLUMNS = [
  'id',
  'quote',
  'note',
  'tags',
  'color',
  'entities',
  'facts',
  'fact_count',
  'orphaned',
  'created',
  'updated',
  'outlet',
  'title',
  'author',
  'published',
  'url',
  'citation',
  'prefix',
  'suffix',
  'start',
  'end',
] as const;

type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number>;

/** A spreadsheet that opens a cell starting with = + - or @ (or a tab or carriage
 * return before one) evaluates it as a formula: a quote like "=HYPERLINK(…)" from a
 * hostile page could then fetch a URL or run a command when the file is opened (CSV
 * injection). An apostrophe in front makes the cell plain text in Excel, LibreOffice
 * and Google Sheets. Papa Parse's own pattern misses multi-line cells, so we pass ours. */
export const FORMULA_START = /^[=+\-@\t\r]/;

function rowOf(h: Highlight, page: PageMeta): CsvRow {
  const c = citationOf(page);
  const quote = h.selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = h.selectors.find((s) => s.type === 'TextPositionSelector');
  return {
    id: h.id,
    quote: h.quote,
    note: h.note,
    tags: h.tags.join('; '),
    color: h.color,
    entities: h.entities.join('; '),
    // One fact a line inside the cell: spreadsheets show it as a multi-line cell.
    // (The facts CSV has one row per figure, for sorting and summing.)
    facts: distinctFacts(h.facts).map(describeFact).join('\n'),
    fact_count: h.facts.length,
    orphaned: h.orphaned ? 'yes' : 'no',
    created: new Date(h.created).toISOString(),
    updated: new Date(h.updated).toISOString(),
    outlet: c.outlet,
    title: c.title,
    author: c.author ?? '',
    published: page.published ?? '',
    url: c.url,
    citation: formatCitation(page),
    prefix: quote?.type === 'TextQuoteSelector' ? (quote.prefix ?? '') : '',
    suffix: quote?.type === 'TextQuoteSelector' ? (quote.suffix ?? '') : '',
    start: position?.type === 'TextPositionSelector' ? position.start : '',
    end: position?.type === 'TextPositionSelector' ? position.end : '',
  };
}

/**
 * One row per highlight with its source's citation columns and its facts flattened,
 * as RFC 4180 CSV (CRLF line ends, quotes doubled) with a UTF-8 byte-order mark so
 * spreadsheet programs read Chinese correctly.
 */
export function toCsv(highlights: readonly Highlight[], pages?: readonly PageMeta[]): string {
  const pageOf = pageLookup(pages);
  const csv = Papa.unparse(
    {
      fields: [...CSV_COLUMNS],
      data: highlights.map((h) => {
        const row = rowOf(h, pageOf(h.url, h.page));
        return CSV_COLUMNS.map((k) => row[k]);
      }),
    },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return `\uFEFF${csv}\r\n`;
}
