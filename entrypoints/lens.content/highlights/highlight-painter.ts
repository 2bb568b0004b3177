import { HIGHLIGHT_PAINT } from '../../../components/page/highlight-colors';
import type { HighlightColor } from '../../../lib/types';
import { inspection } from '../page/inspection';

interface Painted {
  range: Range;
  color: HighlightColor;
  /** The boxes drawn for it, inside our closed shadow root. */
  box: HTMLElement;
}

/** Where the overlay is asked to draw: the page's document and its host's tag. */
export interface HighlightPainterOptions {
  doc: Document;
  /** The overlay host's tag (page-names.ts: random for each page load). */
  tag: string;
  /** How a passage's boxes look (default: filled in the highlight's colour). Teammates' passages are underlined instead. */
  pieceStyle?: (color: HighlightColor) => string;
  /** A name shown above a passage while the pointer is over it (the teammate who wrote it), inside the closed root. */
  labelOf?: (id: string) => string | undefined;
}

// The host sits at the top of the page's stacking order and draws nothing but the boxes,
// which it multiplies with what lies under them: text stays as dark as it was, mention
// tints and underlines show through, and pointer events pass to the page.
const HOST_STYLE =
  'all: initial !important; position: absolute !important; top: 0 !important; left: 0 !important; ' +
  'width: 0 !important; height: 0 !important; overflow: visible !important; pointer-events: none !important; ' +
  'z-index: 2147483645 !important; mix-blend-mode: multiply !important; display: block !important;';

const SHADOW_CSS = `
:host { all: initial; }
div { position: absolute; pointer-events: none; }
div > i { position: absolute; display: block; border-radius: 2px; }
div > b { position: absolute; display: block; transform: translateY(-100%); font: 600 12px/1.4 system-ui, sans-serif; color: #fff; background: #0b5d4b; padding: 1px 6px; border-radius: 3px; white-space: nowrap; }
@media (forced-colors: active) { div > i { background: Highlight !important; opacity: 0.4; } }
@media print { div { display: none; } }
`;

/**
 * Paints saved highlights where the page's scripts cannot see them: boxes in a closed
 * shadow root, placed from each passage's client rects. Not `CSS.highlights`, whose
 * entries and ranges every script of the page can list (which passage the user saved,
 * on the very site they research). The overlay is positioned in the page's own
 * coordinates, so scrolling the page moves it for free; it is placed again, once per
 * frame at most, after the page's layout may have changed (resize, DOM changes, a
 * scrolling box scrolled). Watching starts with the first highlight: a page without
 * any carries nothing of ours.
 */
export class HighlightPainter {
  private readonly byId = new Map<string, Painted>();
  private host: HTMLElement | undefined;
  private layer: HTMLElement | undefined;
  private frame: number | undefined;
  private readonly mutations: MutationObserver | undefined;
  private readonly resizes: ResizeObserver | undefined;
  private watching = false;
  private readonly written = new WeakMap<Element, string>();
  private hovered: string | undefined;
  /** Some passage was left unplaced, far off screen: the page's own scrolling must place it when it comes near. */
  private culled = false;
  private readonly onScroll = (event: Event) => {
    // The page's own scrolling moves the overlay with it; a scrolling box inside it does not.
    if (this.culled || (event.target !== this.doc && event.target !== this.doc.documentElement)) this.schedule();
  };
  private readonly onResize = () => this.schedule();

  constructor(private readonly options: HighlightPainterOptions) {
    const view = options.doc.defaultView;
    this.mutations = view && 'MutationObserver' in view ? new MutationObserver(() => this.schedule()) : undefined;
    this.resizes = view && 'ResizeObserver' in view ? new ResizeObserver(() => this.schedule()) : undefined;
  }

  private get doc(): Document {
    return this.options.doc;
  }

  paint(id: string, range: Range, color: HighlightColor): void {
    const old = this.byId.get(id);
    if (old && old.range === range && old.color === color) return;
    const box = old?.box ?? this.doc.createElement('div');
    this.byId.set(id, { range, color, box });
    if (!box.isConnected) this.ensureLayer().append(box);
    this.watch();
    this.schedule();
  }

  recolor(id: string, color: HighlightColor): void {
    const painted = this.byId.get(id);
    if (painted) this.paint(id, painted.range, color);
  }

  erase(id: string): void {
    const painted = this.byId.get(id);
    if (!painted) return;
    painted.box.remove();
    this.byId.delete(id);
    if (this.byId.size === 0) this.unwatch();
  }

  eraseAll(): void {
    for (const id of [...this.byId.keys()]) this.erase(id);
  }

  rangeOf(id: string): Range | undefined {
    return this.byId.get(id)?.range;
  }

  *entries(): IterableIterator<[string, { range: Range; color: HighlightColor }]> {
    for (const [id, { range, color }] of this.byId) yield [id, { range, color }];
  }

  /** Whether `range` overlaps a painted passage. */
  covers(range: Range): boolean {
    for (const { range: saved } of this.byId.values()) {
      try {
        if (saved.comparePoint(range.startContainer, range.startOffset) <= 0 && saved.comparePoint(range.endContainer, range.endOffset) >= 0) return true;
      } catch {
        // Another document or a detached node: not in this passage.
      }
    }
    return false;
  }

  /** The passage under the pointer, whose label shows (undefined: none). */
  setHovered(id: string | undefined): void {
    if (this.hovered === id) return;
    this.hovered = id;
    this.schedule();
  }

  /** The label shown now, if any (the browser tests read it). */
  get shownLabel(): string | undefined {
    return this.hovered === undefined ? undefined : this.options.labelOf?.(this.hovered);
  }

  /**
   * Places the boxes now (the frame callback calls it). Bounded by what is on screen: a
   * passage farther than a screen from the viewport is hidden and not measured line by
   * line until a scroll brings it near. Every rect is read before any box is written: a
   * write between two reads would make the browser lay the page out again for the next.
   */
  layout(): void {
    this.frame = undefined;
    const host = this.host;
    if (!host || this.byId.size === 0) return;
    const started = performance.now();
    // Boxes are placed relative to the host's own origin, whatever its containing block.
    // The first read brings the page's layout up to date: the page's own work, due in this
    // frame anyway (we run just before it), so it is timed apart from ours.
    const origin = host.getBoundingClientRect();
    const own = performance.now();
    const view = this.doc.defaultView;
    const height = view?.innerHeight ?? 0;
    const width = view?.innerWidth ?? 0;
    const near = (r: DOMRect) => !view || (r.bottom >= -height && r.top <= 2 * height && r.right >= -width && r.left <= 2 * width);
    const placed: Array<{ id: string; painted: Painted; rects: DOMRect[] }> = [];
    let culled = false;
    for (const [id, painted] of this.byId) {
      const whole = painted.range.getBoundingClientRect();
      if (!near(whole)) {
        culled = true;
        placed.push({ id, painted, rects: [] });
        continue;
      }
      placed.push({ id, painted, rects: Array.from(painted.range.getClientRects()).filter((r) => r.width > 0 && r.height > 0) });
    }
    this.culled = culled;
    const pieceStyle = this.options.pieceStyle ?? ((color: HighlightColor) => `background:${HIGHLIGHT_PAINT[color]}`);
    for (const { id, painted, rects } of placed) this.place(id, painted, rects, origin, pieceStyle(painted.color));
    const done = performance.now();
    inspection.overlay.layouts++;
    inspection.overlay.longestMs = Math.max(inspection.overlay.longestMs, done - started);
    inspection.overlay.longestOwnMs = Math.max(inspection.overlay.longestOwnMs, done - own);
  }

  /** Writes one passage's boxes from its rects (none: it is off screen, or not rendered). */
  private place(id: string, { box }: Painted, rects: DOMRect[], origin: DOMRect, paint: string): void {
    const label = id === this.hovered && rects.length > 0 ? this.options.labelOf?.(id) : undefined;
    let labelBox = box.querySelector('b');
    // Live: it follows the pieces added and removed below.
    const pieces = box.getElementsByTagName('i');
    let used = 0;
    for (const r of rects) {
      if (label !== undefined && used === 0) {
        labelBox ??= this.doc.createElement('b');
        // A text node: a teammate's name is never read as HTML.
        if (labelBox.textContent !== label) labelBox.textContent = label;
        labelBox.style.cssText = `left:${(r.left - origin.left).toFixed(1)}px;top:${(r.top - origin.top).toFixed(1)}px`;
        if (!labelBox.isConnected) box.prepend(labelBox);
      }
      // Reuse the boxes drawn last time: a passage keeps its number of lines most frames.
      let piece = pieces[used] as HTMLElement | undefined;
      if (!piece) {
        piece = this.doc.createElement('i');
        box.append(piece);
      }
      used++;
      const css = `left:${(r.left - origin.left).toFixed(1)}px;top:${(r.top - origin.top).toFixed(1)}px;width:${r.width.toFixed(1)}px;height:${r.height.toFixed(1)}px;${paint}`;
      // The browser rewrites cssText in its own form: compare with what we last wrote.
      if (this.written.get(piece) !== css) {
        piece.style.cssText = css;
        this.written.set(piece, css);
      }
    }
    if (label === undefined) labelBox?.remove();
    while (pieces.length > used) pieces[pieces.length - 1]!.remove();
  }

  dispose(): void {
    this.unwatch();
    this.byId.clear();
    this.host?.remove();
    this.host = undefined;
    this.layer = undefined;
  }

  private ensureLayer(): HTMLElement {
    if (this.layer && this.host?.isConnected) return this.layer;
    const host = this.doc.createElement(this.options.tag);
    host.setAttribute('style', HOST_STYLE);
    host.setAttribute('aria-hidden', 'true');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = SHADOW_CSS;
    const layer = this.doc.createElement('div');
    shadow.append(style, layer);
    for (const { box } of this.byId.values()) layer.append(box);
    this.doc.documentElement.append(host);
    this.host = host;
    this.layer = layer;
    return layer;
  }

  private schedule(): void {
    if (this.frame !== undefined || !this.watching) return;
    this.frame = requestAnimationFrame(() => this.layout());
  }

  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    const body = this.doc.body ?? this.doc.documentElement;
    // Our own boxes live in a shadow root, which a subtree observer of the page never sees.
    this.mutations?.observe(body, { childList: true, subtree: true, characterData: true, attributes: true });
    this.resizes?.observe(body);
    this.doc.defaultView?.addEventListener('resize', this.onResize, { passive: true });
    this.doc.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
  }

  private unwatch(): void {
    if (!this.watching) return;
    this.watching = false;
    this.mutations?.disconnect();
    this.resizes?.disconnect();
    this.doc.defaultView?.removeEventListener('resize', this.onResize);
    this.doc.removeEventListener('scroll', this.onScroll, { capture: true });
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
  }
}
