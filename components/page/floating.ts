/**
 * A point in viewport coordinates, where a piece of in-page UI is anchored; `top`, when
 * given, is the top edge of what the point is the bottom of (a passage), which the box
 * must not cover when it flips above.
 */
export interface ViewportPoint {
  x: number;
  y: number;
  top?: number;
}

const MARGIN = 8;

/**
 * Keeps a fixed-position box of the given size inside the viewport, preferring to sit
 * below-right of the point and flipping above the anchor (its `top`) when there is no
 * room below, so a card never covers the passage it belongs to when either side has room.
 */
export function placeInViewport(
  point: ViewportPoint,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): { left: number; top: number } {
  let left = point.x;
  let top = point.y + MARGIN;
  if (top + size.height > viewport.height - MARGIN) {
    const above = (point.top ?? point.y) - MARGIN - size.height;
    // No room above either: keep the side with more of the box on screen.
    const roomBelow = viewport.height - point.y;
    const roomAbove = point.top ?? point.y;
    top = above >= MARGIN || roomAbove > roomBelow ? above : top;
  }
  left = Math.min(left, viewport.width - MARGIN - size.width);
  return { left: Math.max(MARGIN, left), top: Math.max(MARGIN, Math.min(top, viewport.height - MARGIN - size.height)) };
}
