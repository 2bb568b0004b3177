import type { RangeBounds } from '@/lib/dom';
import type { EntityId } from '@/lib/types';

/** Something painted for one mention, handed back to the painter to remove it. */
export type PaintedMark = object;

/** Draws and erases mention marks. */
export interface MarkPainter {
  /** True when painting changes the page's DOM (the <mark> fallback): our own observer must not see it. */
  readonly mutatesDom: boolean;
  paint(entity: EntityId, bounds: RangeBounds): PaintedMark | null;
  erase(mark: PaintedMark): void;
  /**
   * Shows what was painted since the last commit. Painters may hold marks back until
   * then: every change to a registered highlight makes the browser revalidate all of
   * them at the next frame, so one change per batch is far cheaper than one per piece.
   */
  commit(): void;
  /** Erases everything and lets go of the page (the content script is going away). */
  dispose(): void;
}
