/**
 * The text of a whole document as the content script reads it, for the scan command's
 * .html files: same block rules, same skipped elements, so a saved article and the live
 * page give the same text and the same mentions.
 */
import { takeSnapshot, type SnapshotOptions } from './text-snapshot';

export function extractText(doc: Document, options: Omit<SnapshotOptions, 'shallow'> = {}): string {
  return takeSnapshot(doc, options).text;
}
