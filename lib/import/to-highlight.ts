import type { Fact, Highlight, PageMeta, Selector, StoredPage, TextQuoteSelector } from '../types';
import { isPageUrl } from '../schema/text';
import { HIGHLIGHT_URN_PREFIX, UUID_URN_PREFIX } from '../export/vocabulary';
import { SCHEMA_VERSION } from '../types';
import { excerpt, notice, type ImportError, type ImportWarningCode } from './notices';
import { classifyUrl } from './safe-url';
import type { AnnotationInput, FactInput, PageMetaInput, SelectorInput, StoredPageInput } from './schema';
import { stableId } from './stable-id';

type CanonicalWarnings = Set<Extract<ImportWarningCode, 'dropped_unsafe_canonical'>>;

export type Conversion =
  | { kind: 'highlight'; highlight: Highlight; warnings: ImportWarningCode[] }
  | { kind: 'skipped'; reason: Extract<ImportWarningCode, 'skipped_no_quote' | 'skipped_not_web'> }
  | { kind: 'error'; error: ImportError };

/** Raised inside the conversion and turned into an error value at its edge. */
class Refusal {
  constructor(readonly error: ImportError) {}
}

const asArray = <T>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];

/** `owner` names the record for the user: "Annotation 3", "Page 2". */
function refuseUnsafe(where: string, value: string, owner: string): never {
  throw new Refusal(
    notice(
      'unsafe_url',
      `${owner}: ${where} “${excerpt(value)}” is not a web address; a file with such links is refused.`,
      owner,
      excerpt(value),
    ),
  );
}

/**
 * A page address from our own fields, or a refusal for script and malformed ones. Our own
 * export's addresses are the store's keys exactly as saved (a route fragment such as
 * `#/article/7` included, file pages too), so they are kept as written; another tool's
 * lose their #fragment, which there only points inside the page.
 */
function ownUrl(value: string, where: string, owner: string, ours: boolean): string {
  if (ours && isPageUrl(value) && value.trim() === value) return value;
  const kind = classifyUrl(value);
  if (kind.kind !== 'http') refuseUnsafe(where, value, owner);
  return withoutFragment(value.trim());
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

function toPage(input: PageMetaInput, owner: string, warnings: CanonicalWarnings, ours: boolean): PageMeta {
  const page: PageMeta = { url: ownUrl(input.url, 'the page address', owner, ours), title: input.title };
  if (input.site !== undefined) page.site = input.site;
  if (input.author !== undefined) page.author = input.author;
  if (input.published !== undefined) page.published = input.published;
  if (input.canonical !== undefined) {
    const kind = classifyUrl(input.canonical);
    if (kind.kind === 'script') refuseUnsafe('the canonical address', input.canonical, owner);
    if (kind.kind === 'http') page.canonical = input.canonical;
    else warnings.add('dropped_unsafe_canonical');
  }
  return page;
}

function toFact(input: FactInput, owner: string, warnings: CanonicalWarnings, ours: boolean): Fact {
  const { created, source, unit, qualifier, action, date, period, unlinked, ...rest } = input;
  return {
    ...rest,
    ...(unit !== undefined ? { unit } : {}),
    ...(qualifier !== undefined ? { qualifier } : {}),
    ...(action !== undefined ? { action } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(period !== undefined ? { period } : {}),
    source: toPage(source, owner, warnings, ours),
    ...(unlinked !== undefined ? { unlinked } : {}),
    created: Date.parse(created),
  };
}

function toSelector(s: SelectorInput): Selector | undefined {
  if (s.type === 'TextQuoteSelector' && s.exact !== undefined) {
    const q: TextQuoteSelector = { type: 'TextQuoteSelector', exact: s.exact };
    if (s.prefix !== undefined) q.prefix = s.prefix;
    if (s.suffix !== undefined) q.suffix = s.suffix;
    return q;
  }
  if (s.type === 'TextPositionSelector' && s.start !== undefined && s.end !== undefined) {
    return { type: 'TextPositionSelector', start: s.start, end: s.end };
  }
  // Range, XPath, CSS and fragment selectors describe places we cannot re-anchor; the quote is enough.
  return undefined;
}

/** Our ids come back from urn:uuid: and our own URN; another tool's id is kept as it is. */
function highlightIdOf(annotationId: string): string {
  if (annotationId.startsWith(UUID_URN_PREFIX)) return annotationId.slice(UUID_URN_PREFIX.length);
  if (annotationId.startsWith(HIGHLIGHT_URN_PREFIX)) {
    try {
      return decodeURIComponent(annotationId.slice(HIGHLIGHT_URN_PREFIX.length));
    } catch {
      return annotationId;
    }
  }
  return annotationId;
}

function purposes(body: { purpose?: string | readonly string[] }): readonly string[] {
  return asArray(body.purpose);
}

/**
 * The note and tags an annotation's bodies carry. A body without a purpose is a comment.
 * Empty notes are dropped; a note of spaces is the user's and stays (an export writes
 * every note that is not empty, so dropping it would change the next export).
 */
function noteAndTags(a: AnnotationInput): { note: string; tags: string[] } {
  const notes: string[] = [];
  const tags: string[] = [];
  for (const body of asArray(a.body)) {
    if (typeof body === 'string') {
      notes.push(body);
      continue;
    }
    if (body.value === undefined) continue;
    const p = purposes(body);
    if (p.includes('tagging')) tags.push(body.value);
    else if (p.length === 0 || p.includes('commenting') || p.includes('describing')) notes.push(body.value);
  }
  if (a.bodyValue !== undefined) notes.push(a.bodyValue);
  if (a.text !== undefined) notes.push(a.text);
  for (const tag of a.tags ?? []) tags.push(tag);
  return {
    note: notes.filter((n) => n !== '').join('\n\n'),
    tags: [...new Set(tags.map((t) => t.trim()).filter(Boolean))],
  };
}

/**
 * One validated annotation as a Highlight of lib/types. Annotations without quoted
 * text or about something other than a web page are skipped (the caller counts them);
 * script addresses anywhere refuse the whole file.
 */
export function toHighlight(a: AnnotationInput, index: number, now: number): Conversion {
  const owner = `Annotation ${index + 1}`;
  try {
    const version = a['ql:schemaVersion'];
    if (version !== undefined && version !== SCHEMA_VERSION) throw new Refusal(schemaVersionError(version));
    const warnings: CanonicalWarnings = new Set();
    // The first target that quotes text; Hypothesis sends targets as a list.
    let source: string | undefined;
    let selectors: Selector[] = [];
    for (const target of asArray(a.target)) {
      const src = typeof target === 'string' ? target : (target.source ?? target.id);
      if (src !== undefined && classifyUrl(src).kind === 'script') refuseUnsafe('the target', src, owner);
      if (typeof target === 'string') continue;
      const found = asArray(target.selector)
        .map(toSelector)
        .filter((s): s is Selector => s !== undefined);
      if (found.some((s) => s.type === 'TextQuoteSelector') && selectors.length === 0) {
        source = src ?? a.uri;
        selectors = found;
      }
    }
    const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
    if (!quote) return { kind: 'skipped', reason: 'skipped_no_quote' };
    if (source === undefined) return { kind: 'skipped', reason: 'skipped_not_web' };
    const kind = classifyUrl(source);
    if (kind.kind === 'script') refuseUnsafe('the target', source, owner);
    const ours = version !== undefined;
    if (kind.kind !== 'http' && !(ours && isPageUrl(source))) return { kind: 'skipped', reason: 'skipped_not_web' };
    const url = ours && source.trim() === source ? source : withoutFragment(source.trim());

    const docTitle = asArray(a.document?.title)[0];
    const page = a['ql:page'] ? toPage(a['ql:page'], owner, warnings, ours) : { url, title: docTitle ?? '' };
    const created = a.created !== undefined ? Date.parse(a.created) : now;
    const modified = a.modified ?? a.updated;
    const { note, tags } = noteAndTags(a);
    const highlight: Highlight = {
      schemaVersion: SCHEMA_VERSION,
      id: a.id !== undefined ? highlightIdOf(a.id) : stableId([url, quote.exact, quote.prefix ?? '', quote.suffix ?? '']),
      url,
      page,
      selectors,
      quote: quote.exact,
      note,
      tags,
      color: a['ql:color'] ?? 'yellow',
      entities: [...(a['ql:entities'] ?? [])],
      facts: (a['ql:facts'] ?? []).map((f) => toFact(f, owner, warnings, ours)),
      ...(a['ql:orphaned'] !== undefined ? { orphaned: a['ql:orphaned'] } : {}),
      created,
      updated: modified !== undefined ? Date.parse(modified) : created,
    };
    const factProblem = factOwnershipProblem(highlight);
    if (factProblem) {
      throw new Refusal(notice('invalid', `${owner}: ${factProblem}.`, index + 1, 'ql:facts', factProblem));
    }
    return { kind: 'highlight', highlight, warnings: [...warnings] };
  } catch (e) {
    if (e instanceof Refusal) return { kind: 'error', error: e.error };
    throw e;
  }
}

/**
 * Facts travel inside their highlight's annotation, so each must name that highlight
 * and appear once; the store relies on both, and a file that breaks them is corrupt.
 */
function factOwnershipProblem(h: Highlight): string | undefined {
  const seen = new Set<string>();
  for (const f of h.facts) {
    if (f.highlightId !== h.id) return `the fact “${excerpt(f.id)}” belongs to highlight “${excerpt(f.highlightId)}”, not to this one`;
    if (seen.has(f.id)) return `the fact “${excerpt(f.id)}” is listed twice`;
    seen.add(f.id);
  }
  return undefined;
}

export function schemaVersionError(version: number): ImportError {
  return version > SCHEMA_VERSION
    ? notice(
        'newer_schema',
        `This file was made by a newer version of Qinglang Lens (schema ${version}); this version reads schema ${SCHEMA_VERSION}. Update the extension and import again.`,
        version,
        SCHEMA_VERSION,
      )
    : notice('unknown_schema', `This file declares schema version ${version}, which Qinglang Lens does not know.`, version);
}

/** Page records of a collection's `ql:pages` (ours), with the text kept of each page. */
export function toPages(inputs: readonly StoredPageInput[]): { pages: StoredPage[] } | { error: ImportError } {
  try {
    const warnings: CanonicalWarnings = new Set();
    return {
      pages: inputs.map((p, i) => ({
        ...toPage(p, `Page ${i + 1}`, warnings, true),
        ...(p.text !== undefined ? { text: p.text } : {}),
        ...(p.captured !== undefined ? { captured: Date.parse(p.captured) } : {}),
      })),
    };
  } catch (e) {
    if (e instanceof Refusal) return { error: e.error };
    throw e;
  }
}
