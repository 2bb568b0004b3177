import type { RangeBounds } from '@/lib/dom';
import type { EntityId } from '@/lib/types';
import type { MarkPainter, PaintedMark } from './mark-painter';
import { MENTION_STYLE_NAMES, mentionStyleName } from './mention-style';

interface PaintedRange {
  name: string;
  range: StaticRange;
}

/**
 * Paints with the CSS Custom Highlight API: one Highlight per entity, registered in
 * `CSS.highlights` under its style name; each mention is one range in it. The page's
 * DOM is never touched. StaticRange rather than Range: live ranges are updated by the
 * browser on every DOM change of the page, a cost that grows with thousands of mentions;
 * a block whose text changes is rescanned and gets new ranges anyway.
 */
export class HighlightPainter implements MarkPainter {
  readonly mutatesDom = false;
  private readonly layers = new Map<string, Highlight>();

  constructor(private readonly registry: HighlightRegistry) {
    for (const name of MENTION_STYLE_NAMES) {
      const layer = new Highlight();
      // Below saved highlights (priority 10): the reader's own colour wins where both are.
      layer.priority = 0;
      this.layers.set(name, layer);
      registry.set(name, layer);
    }
  }

  paint(entity: EntityId, bounds: RangeBounds): PaintedMark {
    const name = mentionStyleName(entity);
    const range = new StaticRange(bounds);
    this.layers.get(name)!.add(range);
    const painted: PaintedRange = { name, range };
    return painted;
  }

  erase(mark: PaintedMark): void {
    const { name, range } = mark as PaintedRange;
    this.layers.get(name)?.delete(range);
  }

  dispose(): void {
    for (const [name, layer] of this.layers) {
      layer.clear();
      // Only our own registration: another extension's highlight of the same name stays.
      if (this.registry.get(name) === layer) this.registry.delete(name);
    }
    this.layers.clear();
  }
}
