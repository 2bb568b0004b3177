import type { EntityId } from '../types';

/** How many mentions a page has, in all and per entity. */
export interface MentionCount {
  total: number;
  /** Only entities with at least one mention appear. */
  byEntity: Partial<Record<EntityId, number>>;
}

/** A page's mentions as its content script last counted them. */
export interface PageMentions extends MentionCount {
  /** The page's address when it was counted (in-page navigation changes it). */
  url: string;
}

/** One frame's mentions, as its content script reports them. */
export interface FrameMentions extends PageMentions {
  /**
   * The top document's load time (`performance.timeOrigin` of the tab's top frame), the
   * same in every frame of one page load: the background sums the frames of one page,
   * never an old page's with a new one's.
   */
  pageLoad?: number;
}

/** Which mention the page now shows: the `index`-th (from 1) of the entity's `total`; `found` false when there are none. */
export interface MentionRevealed {
  found: boolean;
  index: number;
  total: number;
}
