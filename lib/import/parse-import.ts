import * as v from 'valibot';
import type { Highlight, StoredPage } from '../types';
import { problemOf } from '../schema/check';
import { HighlightSchema, StoredPageSchema } from '../schema/highlight';
import { SCHEMA_VERSION } from '../types';
import { countContainers } from './json-size';
import { issuePath, issueProblem, mostSpecificIssue } from '../schema/issue-message';
import { LIMITS } from './limits';
import { notice, type ImportError, type ImportWarning, type ImportWarningCode } from './notices';
import { parseJsonSafely } from './safe-json';
import { AnnotationSchema, PageListSchema } from './schema';
import { schemaVersionError, toHighlight, toPages } from './to-highlight';

export interface ImportOptions {
  /** Largest file accepted, in UTF-8 bytes. */
  maxBytes?: number;
  /** Most annotations accepted in one file. */
  maxItems?: number;
  /** Time given to annotations that carry no creation time (ms since epoch). */
  now?: number;
}

export type ImportFormat = 'qinglang-lens' | 'web-annotation' | 'hypothesis';

export type ImportResult =
  | {
      ok: true;
      format: ImportFormat;
      /** Each id once; ready for the store's bulkImport. */
      highlights: Highlight[];
      /** Each page address once, with the text kept of it when the file has it. */
      pages: StoredPage[];
      warnings: ImportWarning[];
    }
  | { ok: false; error: ImportError };

/** Objects and lists one annotation of ours opens on average is about 12; a generous bound. */
const CONTAINERS_PER_ANNOTATION = 30;

const fail = (error: ImportError): ImportResult => ({ ok: false, error });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(value: Record<string, unknown>): unknown[] {
  const t = value.type;
  return Array.isArray(t) ? t : [t];
}

/** UTF-8 length without building the encoded bytes. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const megabytes = (bytes: number) => Math.ceil((bytes / (1024 * 1024)) * 10) / 10;

interface Envelope {
  items: unknown;
  format: ImportFormat;
  schemaVersion?: unknown;
  pages?: unknown;
}

/** Where the annotations are in the kinds of file we read. */
function findAnnotations(root: unknown): Envelope | ImportError {
  if (Array.isArray(root)) return { items: root, format: 'web-annotation' };
  if (!isRecord(root)) return notAnnotations();
  const types = typesOf(root);
  const ours = root['ql:schemaVersion'] !== undefined;
  if (types.includes('AnnotationCollection')) {
    const first = root.first;
    if (typeof first === 'string') {
      return notice(
        'remote_items',
        'This collection only points to its annotations at another address; Qinglang Lens reads files, not web addresses. Export the annotations themselves.',
      );
    }
    if (!isRecord(first)) return notAnnotations();
    return {
      items: first.items,
      format: ours ? 'qinglang-lens' : 'web-annotation',
      schemaVersion: root['ql:schemaVersion'],
      pages: root['ql:pages'],
    };
  }
  if (types.includes('AnnotationPage')) return { items: root.items, format: 'web-annotation' };
  // Hypothesis: the client's export ({annotations: […]}) and the API's search result ({rows: […]}).
  if (Array.isArray(root.annotations)) return { items: root.annotations, format: 'hypothesis' };
  if (Array.isArray(root.rows)) return { items: root.rows, format: 'hypothesis' };
  if (types.includes('Annotation') || 'target' in root) return { items: [root], format: 'web-annotation' };
  return notAnnotations();
}

function notAnnotations(): ImportError {
  return notice(
    'not_annotations',
    'This file is JSON but holds no annotations: choose a Qinglang Lens JSON export or a W3C Web Annotation file.',
  );
}

// The verbs agree with the count: "1 annotation quote no text … and were skipped" was what a
// single skipped annotation used to read.
const WARNING_TEXT: Record<ImportWarningCode, (n: number) => string> = {
  skipped_no_quote: (n) =>
    n === 1
      ? '1 annotation quotes no text from a page (no TextQuoteSelector) and was skipped.'
      : `${n} annotations quote no text from a page (no TextQuoteSelector) and were skipped.`,
  skipped_not_web: (n) =>
    n === 1
      ? '1 annotation is about something other than a web page and was skipped.'
      : `${n} annotations are about something other than a web page and were skipped.`,
  duplicate_ids: (n) => `${n} annotation${n === 1 ? '' : 's'} appeared more than once; the latest edit of each was kept.`,
  dropped_unsafe_canonical: (n) =>
    `${n} page${n === 1 ? '' : 's'} named a canonical address that is not a web address; it was left out.`,
};

/**
 * Reads an import file: our JSON export, or W3C Web Annotations from other tools
 * (Hypothesis included) that quote text with a TextQuoteSelector. Everything is
 * validated before anything is returned, and a file that is broken, too big or
 * hostile gives one clear error and no data. Writes nothing: the caller hands
 * `highlights` and `pages` to the store's bulkImport.
 */
export function parseImport(text: string, options: ImportOptions = {}): ImportResult {
  const maxBytes = options.maxBytes ?? LIMITS.maxBytes;
  const maxItems = options.maxItems ?? LIMITS.maxItems;
  // A character is at least one byte: a long string is too big before counting.
  const bytes = text.length > maxBytes ? text.length : utf8Length(text);
  if (bytes > maxBytes) {
    return fail(
      notice(
        'too_large',
        `The file is too large to import (${megabytes(bytes)} MB; the limit is ${megabytes(maxBytes)} MB).`,
        megabytes(bytes),
        megabytes(maxBytes),
      ),
    );
  }

  // Room for each annotation's target, selectors, bodies, page and facts, and then some.
  const containerBudget = maxItems * CONTAINERS_PER_ANNOTATION + 1000;
  if (countContainers(text, containerBudget) > containerBudget) {
    return fail(
      notice(
        'too_complex',
        `The file holds more than ${containerBudget.toLocaleString('en')} objects and lists, far more than ${maxItems.toLocaleString('en')} annotations would; it is refused.`,
        containerBudget,
        maxItems,
      ),
    );
  }

  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return fail(parsed.error);
  const envelope = findAnnotations(parsed.value);
  if ('code' in envelope) return fail(envelope);

  if (envelope.schemaVersion !== undefined) {
    if (typeof envelope.schemaVersion !== 'number') {
      return fail(notice('invalid', 'The file’s “ql:schemaVersion” should be a number.', 'ql:schemaVersion'));
    }
    const known = versionProblem(envelope.schemaVersion);
    if (known) return fail(known);
  }
  if (!Array.isArray(envelope.items)) return fail(notAnnotations());
  const items: unknown[] = envelope.items;
  if (items.length > maxItems) {
    return fail(
      notice(
        'too_many',
        `The file holds ${items.length.toLocaleString('en')} annotations; one import takes at most ${maxItems.toLocaleString('en')}.`,
        items.length,
        maxItems,
      ),
    );
  }

  const now = options.now ?? Date.now();
  const byId = new Map<string, Highlight>();
  const counts = new Map<ImportWarningCode, number>();
  const count = (code: ImportWarningCode) => counts.set(code, (counts.get(code) ?? 0) + 1);

  for (let i = 0; i < items.length; i++) {
    const checked = v.safeParse(AnnotationSchema, items[i], { abortEarly: true });
    if (!checked.success) {
      const issue = mostSpecificIssue(checked.issues[0]);
      const path = issuePath(issue);
      const what = path ? `“${path}”` : 'the annotation';
      return fail(
        notice('invalid', `Annotation ${i + 1}: ${what} ${issueProblem(issue)}.`, i + 1, path, issueProblem(issue)),
      );
    }
    const converted = toHighlight(checked.output, i, now);
    if (converted.kind === 'error') return fail(converted.error);
    if (converted.kind === 'skipped') {
      count(converted.reason);
      continue;
    }
    converted.warnings.forEach(count);
    const h = converted.highlight;
    // What the store would refuse is refused here, by the same schema, with the annotation's number.
    const problem = problemOf(HighlightSchema, h, 'the highlight');
    if (problem) return fail(notice('invalid', `Annotation ${i + 1}: ${problem}.`, i + 1, '', problem));
    const seen = byId.get(h.id);
    if (seen) {
      count('duplicate_ids');
      if (seen.updated >= h.updated) continue;
    }
    byId.set(h.id, h);
  }

  const highlights = [...byId.values()];
  if (highlights.length === 0) {
    return fail(
      notice(
        'nothing_to_import',
        items.length === 0
          ? 'The file holds no annotations.'
          : `None of the ${items.length} annotations in the file quotes text from a web page, so there is nothing to import.`,
        items.length,
      ),
    );
  }

  const pages = pagesFor(highlights, envelope.pages);
  if ('code' in pages) return fail(pages);

  const warnings = [...counts].map(([code, n]) => notice(code, WARNING_TEXT[code](n), n));
  return { ok: true, format: envelope.format, highlights, pages, warnings };
}

function versionProblem(version: number): ImportError | undefined {
  return version === SCHEMA_VERSION ? undefined : schemaVersionError(version);
}

/** The collection's own page records when it has them, plus each highlight's page not among them. */
function pagesFor(highlights: readonly Highlight[], listed: unknown): StoredPage[] | ImportError {
  const pages = new Map<string, StoredPage>();
  if (listed !== undefined) {
    const checked = v.safeParse(PageListSchema, listed, { abortEarly: true });
    if (!checked.success) {
      const issue = mostSpecificIssue(checked.issues[0]);
      return notice(
        'invalid',
        `The page list: “ql:pages${issuePath(issue)}” ${issueProblem(issue)}.`,
        'ql:pages',
        issuePath(issue),
        issueProblem(issue),
      );
    }
    const converted = toPages(checked.output);
    if ('error' in converted) return converted.error;
    for (const [i, p] of converted.pages.entries()) {
      const problem = problemOf(StoredPageSchema, p, 'the page');
      if (problem) return notice('invalid', `The page list: page ${i + 1}: ${problem}.`, 'ql:pages', String(i + 1), problem);
      pages.set(p.url, p);
    }
  }
  // Newest edit wins when highlights disagree about a page they share.
  const newestFirst = [...highlights].sort((a, b) => b.updated - a.updated);
  for (const h of newestFirst) if (!pages.has(h.page.url)) pages.set(h.page.url, h.page);
  return [...pages.values()];
}
