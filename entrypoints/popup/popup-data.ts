/**
 * What the popup shows, read from the store through its indexes only: the page's own
 * highlights (by URL) and the newest related facts (by entity). Nothing here reads
 * every record, so the popup opens as fast with 10,000 highlights as with ten.
 */
import type { EntityListItem } from '@/components/EntityList';
import { linkFacts, rankRelated, type FactGroup, type RelatedReason } from '@/lib/facts';
import type { MentionCount } from '@/lib/messages';
import type { LensStore, StoreResult } from '@/lib/store';
import type { EntityId, Fact, Highlight } from '@/lib/types';
import type { EntityNamer } from './entity-names';

/** How many related facts the popup reads, newest first: more than it shows, since linking merges some. */
export const RELATED_FACTS_LIMIT = 30;
/** How many linked facts the popup shows; the library has the rest. */
export const RELATED_GROUPS_SHOWN = 8;

export interface PopupData {
  /** The page's normalised URL (the store's key). */
  url: string;
  /** Entities mentioned on the page, most mentioned first. */
  entities: EntityListItem[];
  /** The page's highlights, in page order (the list puts orphans apart). */
  highlights: Highlight[];
  /**
   * Facts from other pages about this page's entities, linked, most related first (same
   * campaign, same time, same action and unit, shared names; lib/facts rankRelated), at
   * most RELATED_GROUPS_SHOWN.
   */
  related: FactGroup[];
  /** Why each related group is shown, by group id. */
  why: Record<string, RelatedReason[]>;
  /** Whether there are related facts beyond those shown. */
  moreRelated: boolean;
  /** The related facts as read, before linking: teammates' figures are linked with them (sharing). */
  relatedFacts: Fact[];
}

export type PopupQueries = Pick<LensStore, 'highlightsForUrl' | 'relatedFacts'>;

/** The page's entities as list items: most mentions first, then by name. */
export function entityItems(mentions: MentionCount, name: EntityNamer): EntityListItem[] {
  return Object.entries(mentions.byEntity)
    .filter((entry): entry is [EntityId, number] => typeof entry[1] === 'number' && entry[1] > 0)
    .map(([id, count]) => ({ id, count, ...name(id) }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/**
 * Reads the popup's data for the page at `url` (normalised). The related facts are
 * about every entity the page mentions and every entity its highlights mention (a
 * highlight may name what the page no longer shows).
 */
export async function loadPopupData(
  store: PopupQueries,
  url: string,
  mentions: MentionCount | null,
  name: EntityNamer,
  limit = RELATED_FACTS_LIMIT,
): Promise<StoreResult<PopupData>> {
  const entities = mentions ? entityItems(mentions, name) : [];
  const highlights = await store.highlightsForUrl(url);
  if (!highlights.ok) return highlights;
  const about = [...new Set([...entities.map((e) => e.id), ...highlights.value.flatMap((h) => h.entities)])];
  const facts = await store.relatedFacts(about, url, limit);
  if (!facts.ok) return facts;
  const groups = linkFacts(facts.value);
  const page = highlights.value[0]?.page;
  const ranked = rankRelated(groups, {
    facts: highlights.value.flatMap((h) => h.facts),
    entities: about,
    text: [page?.title, ...highlights.value.map((h) => h.quote)].filter(Boolean).join('\n'),
    published: page?.published,
  }).slice(0, RELATED_GROUPS_SHOWN);
  return {
    ok: true,
    value: {
      url,
      entities,
      highlights: highlights.value,
      related: ranked.map((r) => r.group),
      why: Object.fromEntries(ranked.map((r) => [r.group.id, r.reasons])),
      moreRelated: groups.length > RELATED_GROUPS_SHOWN || facts.value.length === limit,
      relatedFacts: facts.value,
    },
  };
}
