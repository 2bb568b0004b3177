import type { RangeBounds } from '@/lib/dom';
import type { MentionRevealed } from '@/lib/messages';
import type { EntityId } from '@/lib/types';

/** The CSS highlight that flashes the mention just revealed (styled in mentions.css). */
export const REVEAL_HIGHLIGHT = 'qinglang-reveal';
/** Long enough to find the mention after the scroll, short enough not to stay in the way. */
export const REVEAL_FLASH_MS = 1_500;

export interface MentionRevealOptions {
  doc: Document;
  /** The entity's shown mentions, in any order. */
  marksOf: (entity: EntityId) => readonly RangeBounds[];
  /** Where the flash is registered (`CSS.highlights`); without it the mention is only scrolled to. */
  highlights?: HighlightRegistry;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

export interface MentionRevealer {
  /** Scrolls to the entity's mention after the one shown last (wrapping round) and flashes it. */
  reveal(entity: EntityId): MentionRevealed;
  dispose(): void;
}

function inDocumentOrder(doc: Document, marks: readonly RangeBounds[]): StaticRange[] {
  const ranges = marks.filter((m) => m.startContainer.isConnected && m.endContainer.isConnected).map((m) => new StaticRange(m));
  const probe = doc.createRange();
  // compareBoundaryPoints wants live ranges: compare each start through one probe.
  return ranges.sort((a, b) => {
    probe.setStart(a.startContainer, a.startOffset);
    probe.collapse(true);
    return probe.comparePoint(b.startContainer, b.startOffset) * -1;
  });
}

/**
 * Brings mentions into view one after another, for the popup's list of entities. Only
 * scrolls: the user's selection and the page's DOM are left as they are, and the flash
 * is a CSS highlight of its own.
 */
export function createMentionRevealer({ doc, marksOf, highlights, setTimer, clearTimer }: MentionRevealOptions): MentionRevealer {
  // Where the last reveal of each entity was, by position, so the next one follows it
  // even after the page changed and the marks were made anew.
  const last = new Map<EntityId, Range>();
  let flash: Highlight | undefined;
  let flashTimer: unknown;

  const endFlash = () => {
    if (flashTimer !== undefined) clearTimer(flashTimer);
    flashTimer = undefined;
    if (flash && highlights?.get(REVEAL_HIGHLIGHT) === flash) highlights.delete(REVEAL_HIGHLIGHT);
    flash = undefined;
  };

  const scrollTo = (range: StaticRange) => {
    const win = doc.defaultView;
    const live = doc.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    const reduced = win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const behavior: ScrollBehavior = reduced ? 'auto' : 'smooth';
    const holder = range.startContainer.nodeType === Node.ELEMENT_NODE ? (range.startContainer as Element) : range.startContainer.parentElement;
    const viewport = win?.innerHeight ?? 0;
    // A short element is centred with scrollIntoView, which also scrolls any scrolling
    // box it sits in; in a tall one (a long paragraph) the mention itself is centred.
    if (holder && holder.getBoundingClientRect().height < viewport * 0.6) {
      holder.scrollIntoView({ behavior, block: 'center', inline: 'nearest' });
      return;
    }
    const rect = live.getBoundingClientRect();
    win?.scrollBy({ top: rect.top - (viewport - rect.height) / 2, behavior });
  };

  return {
    reveal(entity) {
      const ranges = inDocumentOrder(doc, marksOf(entity));
      if (ranges.length === 0) {
        last.delete(entity);
        return { found: false, index: 0, total: 0 };
      }
      const previous = last.get(entity);
      let index = 0;
      if (previous && previous.startContainer.isConnected) {
        const after = ranges.findIndex((r) => previous.comparePoint(r.startContainer, r.startOffset) > 0);
        index = after === -1 ? 0 : after;
      }
      const target = ranges[index]!;
      const mark = doc.createRange();
      mark.setStart(target.startContainer, target.startOffset);
      mark.collapse(true);
      last.set(entity, mark);

      scrollTo(target);
      if (highlights && typeof Highlight !== 'undefined') {
        endFlash();
        flash = new Highlight(target);
        // Above mentions (0) and saved highlights (10): it is what the user asked to see.
        flash.priority = 20;
        highlights.set(REVEAL_HIGHLIGHT, flash);
        flashTimer = setTimer(endFlash, REVEAL_FLASH_MS);
      }
      return { found: true, index: index + 1, total: ranges.length };
    },
    dispose: endFlash,
  };
}
