import type { DBSchema } from 'idb';
import type { Fact, Highlight, StoredPage, Tombstone } from '../types';

/**
 * Index key of a record under one entity (or tag): `[entity, created, id]`. Putting the
 * time and the id after the entity lets one index answer "newest facts about Weibo"
 * by walking backwards from the end of Weibo's range, and page exactly through ties.
 */
export type TimeKey = [string, number, string];

/** A highlight as stored: the Highlight itself plus the keys its indexes need. */
export interface HighlightRecord extends Highlight {
  entityKeys: TimeKey[];
  tagKeys: TimeKey[];
}

/** A fact as stored: the Fact plus its page's URL and its entity index keys. */
export interface FactRecord extends Fact {
  /** The URL of its highlight's page (the highlights' key, not the source's canonical URL). */
  url: string;
  entityKeys: TimeKey[];
}

/** How many highlights and facts there are about one entity, kept up to date by every write. */
export interface EntityCountRecord {
  entity: string;
  highlights: number;
  facts: number;
}

export interface LensSchema extends DBSchema {
  highlights: {
    key: string;
    value: HighlightRecord;
    indexes: {
      'by-url': string;
      'by-entity': TimeKey;
      'by-tag': TimeKey;
      'by-created': [number, string];
      'by-updated': number;
    };
  };
  facts: {
    key: string;
    value: FactRecord;
    indexes: {
      'by-entity': TimeKey;
      'by-url': string;
      'by-highlight': string;
      'by-created': number;
    };
  };
  pages: { key: string; value: StoredPage };
  /** Out-of-line keys: one record per setting. */
  settings: { key: string; value: unknown };
  counts: { key: string; value: EntityCountRecord };
  /** Deleted highlights (id and time, nothing of their content), so that no older copy brings one back. */
  tombstones: { key: string; value: Tombstone };
}

export type StoreName = 'highlights' | 'facts' | 'pages' | 'settings' | 'counts' | 'tombstones';
