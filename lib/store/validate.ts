import { problemOf } from '../schema/check';
import { FactEditSchema, HighlightEditSchema, HighlightSchema, StoredPageSchema } from '../schema/highlight';

/*
 * The store checks every write against the one schema (lib/schema), the same one an
 * import is checked against, so nothing is stored that could not be exported and
 * imported back. Each returns the end of a sentence, or null when the value fits.
 */

export const highlightProblem = (h: unknown): string | null => problemOf(HighlightSchema, h, 'the highlight');
export const highlightEditProblem = (edit: unknown): string | null => problemOf(HighlightEditSchema, edit, 'the change');
export const factEditProblem = (edit: unknown): string | null => problemOf(FactEditSchema, edit, 'the correction');
export const pageProblem = (page: unknown): string | null => problemOf(StoredPageSchema, page, 'the page');
