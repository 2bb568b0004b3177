import type { Fact, Highlight, PageMeta, Selector, StoredPage } from '../types';
import { SCHEMA_VERSION } from '../types';
import { formatCitation, pageLookup } from './citation';
import {
  HIGHLIGHT_URN_PREFIX,
  JSON_LD_CONTEXT,
  UUID_URN_PREFIX,
  type ExportedAnnotation,
  type ExportedCollection,
  type ExportedFact,
  type ExportedPage,
  type ExportedSelectorPosition,
  type ExportedSelectorQuote,
  type TextualBody,
} from './vocabulary';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Annotation ids must be IRIs: urn:uuid: for our UUIDs, our own URN otherwise. */
export function annotationIdOf(highlightId: string): string {
  return UUID.test(highlightId)
    ? `${UUID_URN_PREFIX}${highlightId}`
    : `${HIGHLIGHT_URN_PREFIX}${encodeURIComponent(highlightId)}`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

// Records are rebuilt key by key in one fixed order, so the same data always gives
// the same file whatever order the store kept its keys in (export → import → export
// is byte-for-byte stable), and nothing but known fields is written.
function pageRecord(p: PageMeta): PageMeta {
  return {
    url: p.url,
    title: p.title,
    ...(p.site !== undefined ? { site: p.site } : {}),
    ...(p.author !== undefined ? { author: p.author } : {}),
    ...(p.published !== undefined ? { published: p.published } : {}),
    ...(p.canonical !== undefined ? { canonical: p.canonical } : {}),
  };
}

/** A page of `ql:pages`: its metadata, then the text kept of it (JSON and only JSON carries it; Markdown and CSV leave it out). */
function storedPageRecord(p: StoredPage): ExportedPage {
  return {
    ...pageRecord(p),
    ...(p.text !== undefined ? { text: p.text } : {}),
    ...(p.captured !== undefined ? { captured: iso(p.captured) } : {}),
  };
}

function selectorRecord(s: Selector): ExportedSelectorQuote | ExportedSelectorPosition {
  if (s.type === 'TextPositionSelector') return { type: s.type, start: s.start, end: s.end };
  return {
    type: s.type,
    exact: s.exact,
    ...(s.prefix !== undefined ? { prefix: s.prefix } : {}),
    ...(s.suffix !== undefined ? { suffix: s.suffix } : {}),
  };
}

function exportFact(f: Fact): ExportedFact {
  return {
    id: f.id,
    highlightId: f.highlightId,
    text: f.text,
    value: f.value,
    ...(f.unit !== undefined ? { unit: f.unit } : {}),
    ...(f.qualifier !== undefined ? { qualifier: f.qualifier } : {}),
    ...(f.action !== undefined ? { action: f.action } : {}),
    figureText: f.figureText,
    ...(f.date !== undefined ? { date: f.date } : {}),
    ...(f.period !== undefined
      ? {
          period: {
            ...(f.period.from !== undefined ? { from: f.period.from } : {}),
            ...(f.period.to !== undefined ? { to: f.period.to } : {}),
          },
        }
      : {}),
    entities: [...f.entities],
    source: pageRecord(f.source),
    ...(f.unlinked !== undefined ? { unlinked: [...f.unlinked] } : {}),
    created: iso(f.created),
  };
}

function bodiesOf(h: Highlight): TextualBody[] {
  const bodies: TextualBody[] = [];
  if (h.note) bodies.push({ type: 'TextualBody', value: h.note, purpose: 'commenting', format: 'text/plain' });
  for (const tag of h.tags) bodies.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  return bodies;
}

function toAnnotation(h: Highlight, citationPage: PageMeta): ExportedAnnotation {
  const bodies = bodiesOf(h);
  return {
    id: annotationIdOf(h.id),
    type: 'Annotation',
    motivation: 'highlighting',
    created: iso(h.created),
    modified: iso(h.updated),
    ...(bodies.length > 0 ? { body: bodies } : {}),
    target: {
      source: h.url,
      selector: h.selectors.map(selectorRecord),
    },
    'ql:schemaVersion': SCHEMA_VERSION,
    'ql:color': h.color,
    'ql:entities': [...h.entities],
    'ql:facts': h.facts.map(exportFact),
    ...(h.orphaned !== undefined ? { 'ql:orphaned': h.orphaned } : {}),
    'ql:page': pageRecord(h.page),
    'ql:citation': formatCitation(citationPage),
  };
}

export interface WebAnnotationOptions {
  /** Stamp the collection with this time; left out by default so the same data exports to the same file. */
  generated?: Date;
}

/**
 * Highlights as a W3C Web Annotation collection (JSON-LD): the note and tags as
 * TextualBody with purpose commenting / tagging, the target as the page URL with a
 * TextQuoteSelector and a TextPositionSelector, and our own fields under `ql:`.
 * `pages` (the store's current page records) give each source its citation and carry
 * the page's kept text into `ql:pages`; a page missing from them is cited from the copy
 * saved with the highlight.
 */
export function toWebAnnotations(
  highlights: readonly Highlight[],
  pages?: readonly StoredPage[],
  options: WebAnnotationOptions = {},
): ExportedCollection {
  const pageOf = pageLookup(pages);
  const used = new Map<string, StoredPage>();
  const items = highlights.map((h) => {
    const page = pageOf(h.url, h.page);
    if (!used.has(page.url)) used.set(page.url, page);
    return toAnnotation(h, page);
  });
  return {
    '@context': JSON_LD_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Qinglang Lens highlights',
    total: items.length,
    ...(options.generated ? { generated: options.generated.toISOString() } : {}),
    'ql:schemaVersion': SCHEMA_VERSION,
    'ql:pages': [...used.values()].map(storedPageRecord),
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** The collection as the text of a .jsonld file. */
export function toWebAnnotationsJson(
  highlights: readonly Highlight[],
  pages?: readonly StoredPage[],
  options?: WebAnnotationOptions,
): string {
  return `${JSON.stringify(toWebAnnotations(highlights, pages, options), null, 2)}\n`;
}
