import type { Highlight, StoredPage } from '../types';
import { toCsv } from './csv';
import { toMarkdown } from './markdown';
import { toWebAnnotationsJson } from './web-annotation';

export { citationOf, formatCitation, type Citation } from './citation';
export { CSV_COLUMNS, toCsv } from './csv';
export { toMarkdown, type MarkdownOptions } from './markdown';
export { annotationIdOf, toWebAnnotations, toWebAnnotationsJson, type WebAnnotationOptions } from './web-annotation';
export { QL_NAMESPACE, JSON_LD_CONTEXT, type ExportedAnnotation, type ExportedCollection, type ExportedPage } from './vocabulary';

export type ExportFormat = 'json' | 'markdown' | 'csv';

/** A finished export: what to put in the file and how to name it. */
export interface ExportFile {
  text: string;
  mimeType: string;
  /** File name suffix, with the dot. */
  extension: string;
}

/** One entry point for the export buttons: the file for `format`. */
export function exportHighlights(
  format: ExportFormat,
  highlights: readonly Highlight[],
  pages?: readonly StoredPage[],
): ExportFile {
  switch (format) {
    case 'json':
      return { text: toWebAnnotationsJson(highlights, pages), mimeType: 'application/ld+json', extension: '.jsonld' };
    case 'markdown':
      return { text: toMarkdown(highlights, pages), mimeType: 'text/markdown;charset=utf-8', extension: '.md' };
    case 'csv':
      return { text: toCsv(highlights, pages), mimeType: 'text/csv;charset=utf-8', extension: '.csv' };
  }
}
