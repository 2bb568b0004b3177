/**
 * Which painted range lies under the pointer. Highlight ranges receive no events, so a
 * click or hover is mapped back to them: the caret position under the pointer narrows
 * the candidates cheaply, and the range's own boxes confirm the hit (the caret snaps to
 * the nearest text even when the pointer is over blank margin).
 */

export interface Point {
  x: number;
  y: number;
}

/** The text position under a viewport point, through whichever API the browser has. */
export function caretAt(doc: Document, point: Point): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(point.x, point.y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  // Chromium before 128 and older Safari only have the WebKit variant.
  const legacy = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint;
  if (typeof legacy === 'function') {
    const range = legacy.call(doc, point.x, point.y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

export function rangeContainsPoint(range: Range, point: Point): boolean {
  for (const rect of Array.from(range.getClientRects())) {
    if (point.x >= rect.left && point.x <= rect.right && point.y >= rect.top && point.y <= rect.bottom) return true;
  }
  return false;
}

/**
 * The first of `candidates` under the point, or undefined. Candidates are checked by
 * caret first (a comparison of boundary points, no layout) and by boxes only when the
 * caret falls inside them.
 */
export function hitTest<K>(
  doc: Document,
  point: Point,
  candidates: Iterable<readonly [K, Range]>,
): K | undefined {
  const caret = caretAt(doc, point);
  for (const [key, range] of candidates) {
    if (range.collapsed) continue;
    if (caret && !caretIn(range, caret.node, caret.offset)) continue;
    if (rangeContainsPoint(range, point)) return key;
  }
  return undefined;
}

function caretIn(range: Range, node: Node, offset: number): boolean {
  try {
    return range.isPointInRange(node, offset);
  } catch {
    // A caret in another document (an iframe) or a doctype cannot be in our range.
    return false;
  }
}
