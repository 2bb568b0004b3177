/** A point in viewport coordinates, where a piece of in-page UI is anchored. */
export interface ViewportPoint {
  x: number;
  y: number;
}

const MARGIN = 8;

/**
 * Keeps a fixed-position box of the given size inside the viewport, preferring to sit
 * below-right of the point and flipping above it when there is no room below.
 */
export function placeInViewport(
  point: ViewportPoint,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): { left: number; top: number } {
  let left = point.x;
  let top = point.y + MARGIN;
  if (top + size.height > viewport.height - MARGIN) top = point.y - MARGIN - size.height;
  left = Math.min(left, viewport.width - MARGIN - size.width);
  return { left: Math.max(MARGIN, left), top: Math.max(MARGIN, top) };
}
