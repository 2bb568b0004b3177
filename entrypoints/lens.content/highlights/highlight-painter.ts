import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../lib/types';

/** The CSS highlight name of a colour: `::highlight(qinglang-saved-yellow)` in highlights.css. */
export const savedHighlightName = (color: HighlightColor): string => `qinglang-saved-${color}`;

// Above the entity marks (priority 0): where a saved passage overlaps a mention, the
// user's own colour is the one that shows.
const SAVED_PRIORITY = 10;

interface Painted {
  range: Range;
  color: HighlightColor;
}

/**
 * Paints saved highlights with the CSS Custom Highlight API: one Highlight per colour,
 * registered once, holding the ranges of every passage of that colour. The page's DOM is
 * never touched; adding or removing one passage changes one set.
 */
export class HighlightPainter {
  private readonly byId = new Map<string, Painted>();
  private readonly byColor = new Map<HighlightColor, Highlight>();

  constructor(private readonly registry: HighlightRegistry) {}

  paint(id: string, range: Range, color: HighlightColor): void {
    const old = this.byId.get(id);
    if (old && old.range === range && old.color === color) return;
    if (old) this.layer(old.color).delete(old.range);
    this.byId.set(id, { range, color });
    this.layer(color).add(range);
  }

  recolor(id: string, color: HighlightColor): void {
    const painted = this.byId.get(id);
    if (painted) this.paint(id, painted.range, color);
  }

  erase(id: string): void {
    const painted = this.byId.get(id);
    if (!painted) return;
    this.layer(painted.color).delete(painted.range);
    this.byId.delete(id);
  }

  eraseAll(): void {
    for (const id of [...this.byId.keys()]) this.erase(id);
  }

  rangeOf(id: string): Range | undefined {
    return this.byId.get(id)?.range;
  }

  entries(): IterableIterator<[string, Painted]> {
    return this.byId.entries();
  }

  /** Unregisters our highlights, for when the content script is invalidated. */
  dispose(): void {
    this.byId.clear();
    for (const color of HIGHLIGHT_COLORS) {
      if (this.byColor.has(color)) this.registry.delete(savedHighlightName(color));
    }
    this.byColor.clear();
  }

  private layer(color: HighlightColor): Highlight {
    let layer = this.byColor.get(color);
    if (!layer) {
      layer = new Highlight();
      layer.priority = SAVED_PRIORITY;
      this.byColor.set(color, layer);
      this.registry.set(savedHighlightName(color), layer);
    }
    return layer;
  }
}
