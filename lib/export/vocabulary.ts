import type { EntityId, FigureUnit, HighlightColor, PageMeta, Period, SCHEMA_VERSION } from '../types';

/**
 * Our own terms, next to the W3C Web Annotation vocabulary. A URN rather than a web
 * address: we publish no vocabulary document and the extension makes no requests,
 * so the IRI only has to be unique and stable.
 */
export const QL_NAMESPACE = 'urn:qinglang-lens:vocab#';
export const W3C_ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * `ql:page` and `ql:facts` hold our own nested records; typing them `@json` tells a
 * JSON-LD 1.1 processor to keep them as JSON literals instead of expanding their keys.
 */
export const JSON_LD_CONTEXT = [
  W3C_ANNO_CONTEXT,
  {
    ql: QL_NAMESPACE,
    'ql:page': { '@type': '@json' },
    'ql:pages': { '@type': '@json' },
    'ql:facts': { '@type': '@json' },
  },
] as const;

/** Highlight ids are UUIDs; as annotation ids (which must be IRIs) they become urn:uuid: IRIs. */
export const UUID_URN_PREFIX = 'urn:uuid:';
/** For an id that is not a UUID (made by another tool or an older version). */
export const HIGHLIGHT_URN_PREFIX = 'urn:qinglang-lens:highlight:';

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
}

export interface ExportedSelectorQuote {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}
export interface ExportedSelectorPosition {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** A fact as exported: as in lib/types, with its creation time as an ISO string. */
export interface ExportedFact {
  id: string;
  highlightId: string;
  text: string;
  value: number;
  unit?: FigureUnit;
  qualifier?: string;
  action?: string;
  figureText: string;
  date?: string;
  period?: Period;
  entities: EntityId[];
  source: PageMeta;
  unlinked?: string[];
  created: string;
}

export interface ExportedAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: {
    source: string;
    selector: (ExportedSelectorQuote | ExportedSelectorPosition)[];
  };
  'ql:schemaVersion': typeof SCHEMA_VERSION;
  'ql:color': HighlightColor;
  'ql:entities': EntityId[];
  'ql:facts': ExportedFact[];
  'ql:orphaned'?: boolean;
  /** The page as it was when the highlight was saved. */
  'ql:page': PageMeta;
  /** A ready-made citation line: author, “title”, outlet, date, URL. */
  'ql:citation': string;
}

/**
 * A page in the collection's `ql:pages`: its metadata and, when one was kept, the text
 * of the page when it was first highlighted (capped: lib/schema LIMITS.snapshot), so a
 * restored backup keeps it. `captured` is an ISO date-time like every time we export.
 */
export interface ExportedPage extends PageMeta {
  text?: string;
  captured?: string;
}

export interface ExportedCollection {
  '@context': typeof JSON_LD_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated?: string;
  'ql:schemaVersion': typeof SCHEMA_VERSION;
  /** Current metadata of every page the highlights come from, with the text kept of it. */
  'ql:pages': ExportedPage[];
  first: {
    type: 'AnnotationPage';
    startIndex: 0;
    items: ExportedAnnotation[];
  };
}
