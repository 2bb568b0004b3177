import Papa from 'papaparse';
import type { Fact, Highlight, PageMeta } from '../types';
import { citationOf, pageLookup } from './citation';
import { FORMULA_START } from './csv';
import { distinctFacts } from './fact-text';

/**
 * Column order of the facts CSV: one row per figure, so a spreadsheet can sort, filter
 * and sum by value, unit, action and period. Stable, like the highlights CSV.
 */
export const FACTS_CSV_COLUMNS = [
  'value',
  'figure',
  'qualifier',
  'unit',
  'action',
  'period_from',
  'period_to',
  'date',
  'entities',
  'outlet',
  'published',
  'title',
  'url',
  'sentence',
  'fact_id',
  'highlight_id',
] as const;

type FactRow = Record<(typeof FACTS_CSV_COLUMNS)[number], string | number>;

function rowOf(f: Fact, page: PageMeta): FactRow {
  const c = citationOf(page);
  return {
    // A plain number (no separators), so the spreadsheet reads it as one.
    value: f.value,
    figure: f.figureText,
    qualifier: f.qualifier ?? '',
    unit: f.unit ?? '',
    action: f.action ?? '',
    period_from: f.period?.from ?? '',
    period_to: f.period?.to ?? '',
    date: f.date ?? '',
    entities: f.entities.join('; '),
    outlet: c.outlet,
    published: c.date ?? '',
    title: c.title,
    url: c.url,
    sentence: f.text,
    fact_id: f.id,
    highlight_id: f.highlightId,
  };
}

/**
 * One row per figure of the highlights' facts (each fact once), with its source's
 * citation, as RFC 4180 CSV with a UTF-8 byte-order mark, cells that a spreadsheet
 * would run as formulas defused as in the highlights CSV.
 */
export function toFactsCsv(highlights: readonly Highlight[], pages?: readonly PageMeta[]): string {
  const pageOf = pageLookup(pages);
  const data: (string | number)[][] = [];
  for (const h of highlights) {
    const page = pageOf(h.url, h.page);
    for (const f of distinctFacts(h.facts)) {
      const row = rowOf(f, page);
      data.push(FACTS_CSV_COLUMNS.map((k) => row[k]));
    }
  }
  const csv = Papa.unparse({ fields: [...FACTS_CSV_COLUMNS], data }, { newline: '\r\n', escapeFormulae: FORMULA_START });
  return `\uFEFF${csv}\r\n`;
}
