import type { Highlight, StoredPage } from '../types';
import { toCsv } from './csv';
import { toFactsCsv } from './facts-csv';
import { toMarkdownNotes } from './markdown';
import { toWebAnnotationsJson } from './web-annotation';
import { zipTextFiles } from './zip';

export { citationOf, formatCitation, type Citation } from './citation';
export { CSV_COLUMNS, toCsv } from './csv';
export { FACTS_CSV_COLUMNS, toFactsCsv } from './facts-csv';
export { describeFact, describeFigure, describePeriod, distinctFacts, writtenFigure } from './fact-text';
export { obsidianTag, toMarkdownNotes, type MarkdownNote } from './markdown';
export { annotationIdOf, toWebAnnotations, toWebAnnotationsJson, type WebAnnotationOptions } from './web-annotation';
export { QL_NAMESPACE, JSON_LD_CONTEXT, type ExportedAnnotation, type ExportedCollection, type ExportedPage } from './vocabulary';
export { crc32, zipTextFiles } from './zip';

/** `csv`: one row per highlight; `facts-csv`: one row per figure. */
export type ExportFormat = 'json' | 'markdown' | 'csv' | 'facts-csv';

/** A finished export: what to put in the file and how to name it. */
export type ExportFile = {
  mimeType: string;
  /** File name suffix, with the dot. */
  extension: string;
} & ({ text: string; bytes?: undefined } | { bytes: Uint8Array<ArrayBuffer>; text?: undefined });

/** One entry point for the export buttons: the file for `format`. */
export function exportHighlights(
  format: ExportFormat,
  highlights: readonly Highlight[],
  pages?: readonly StoredPage[],
): ExportFile {
  switch (format) {
    case 'json':
      return { text: toWebAnnotationsJson(highlights, pages), mimeType: 'application/ld+json', extension: '.jsonld' };
    case 'markdown': {
      // One note per page: a page's own file, or a folder of notes in a .zip to unpack into a vault.
      const notes = toMarkdownNotes(highlights, pages);
      if (notes.length <= 1) return { text: notes[0]?.text ?? '', mimeType: 'text/markdown;charset=utf-8', extension: '.md' };
      return { bytes: zipTextFiles(notes.map((n) => ({ name: n.fileName, text: n.text }))), mimeType: 'application/zip', extension: '.md.zip' };
    }
    case 'csv':
      return { text: toCsv(highlights, pages), mimeType: 'text/csv;charset=utf-8', extension: '.csv' };
    case 'facts-csv':
      return { text: toFactsCsv(highlights, pages), mimeType: 'text/csv;charset=utf-8', extension: '-facts.csv' };
  }
}
