import type { RangeBounds } from '@/lib/dom';
import type { EntityId } from '@/lib/types';
import type { MarkPainter, PaintedMark } from './mark-painter';
import { mentionStyleName } from './style';

interface PaintedRange {
  layer: Highlight;
  range: StaticRange;
  /** Added to its layer (false while held back until the next commit). */
  shown: boolean;
  erased: boolean;
}

/**
 * Paints with the CSS Custom Highlight API: one Highlight per entity, registered in
 * `CSS.highlights` under its style name (style.ts); each mention is one range in it. The page's
 * DOM is never touched. StaticRange rather than Range: live ranges are updated by the
 * browser on every DOM change of the page, a cost that grows with thousands of mentions;
 * a block whose text changes is rescanned and gets new ranges anyway.
 */
export class MentionPainter implements MarkPainter {
  readonly mutatesDom = false;
  private readonly layers = new Map<string, Highlight>();
  private held: PaintedRange[] = [];
  private erasedSinceCommit: PaintedRange[] = [];

  constructor(private readonly registry: HighlightRegistry) {}

  /** The highlight of one style name, registered when first needed. */
  private layer(name: string): Highlight {
    let layer = this.layers.get(name);
    if (!layer) {
      layer = new Highlight();
      // Below saved highlights (priority 10): the reader's own colour wins where both are.
      layer.priority = 0;
      this.layers.set(name, layer);
      this.registry.set(name, layer);
    }
    return layer;
  }

  paint(entity: EntityId, bounds: RangeBounds): PaintedMark {
    const layer = this.layer(mentionStyleName(entity));
    const painted: PaintedRange = { layer, range: new StaticRange(bounds), shown: false, erased: false };
    this.held.push(painted);
    return painted;
  }

  erase(mark: PaintedMark): void {
    const painted = mark as PaintedRange;
    painted.erased = true;
    // Held back like additions: a rescan erases and repaints many marks at once.
    if (painted.shown) this.erasedSinceCommit.push(painted);
  }

  commit(): void {
    const erased = this.erasedSinceCommit;
    this.erasedSinceCommit = [];
    for (const painted of erased) {
      painted.layer.delete(painted.range);
      painted.shown = false;
    }
    const held = this.held;
    this.held = [];
    for (const painted of held) {
      if (painted.erased) continue;
      painted.layer.add(painted.range);
      painted.shown = true;
    }
  }

  dispose(): void {
    this.held = [];
    this.erasedSinceCommit = [];
    for (const [name, layer] of this.layers) {
      layer.clear();
      // Only our own registration: another extension's highlight of the same name stays.
      if (this.registry.get(name) === layer) this.registry.delete(name);
    }
    this.layers.clear();
  }
}
