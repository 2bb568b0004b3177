import { ENTITY_IDS, type EntityId } from '@/lib/types';
import { caretAt, rangeContainsPoint, type Point } from '../page/hit-test';

/** The names the mention painter registers (mentions/style.ts). */
const MENTION_PREFIX = 'qinglang-mention-';
/** The user's own terms share one name: their id is not known from the highlight. */
export const CUSTOM_TERM = 'custom';

export interface EntityHit {
  /** A built-in entity id, or CUSTOM_TERM for one of the user's own terms. */
  entity: EntityId;
  /** The mention's text on the page. */
  text: string;
  /** Viewport box of the part of the mention under the pointer. */
  box: DOMRect;
}

const BUILTIN = new Set<string>(ENTITY_IDS);

/**
 * The entity mention under the pointer, found through the mention highlights the
 * content script registered in `CSS.highlights`. Mentions are StaticRanges, which
 * cannot be asked for boxes, so only the one whose boundaries hold the caret under the
 * pointer is turned into a live Range and checked against the pointer.
 */
export function entityAtPoint(doc: Document, registry: HighlightRegistry, point: Point): EntityHit | undefined {
  const caret = caretAt(doc, point);
  if (!caret || caret.node.nodeType !== caret.node.TEXT_NODE) return undefined;
  for (const [name, layer] of registry) {
    if (!name.startsWith(MENTION_PREFIX)) continue;
    const id = name.slice(MENTION_PREFIX.length);
    const entity = BUILTIN.has(id) ? id : CUSTOM_TERM;
    for (const abstract of layer) {
      if (!holds(abstract, caret.node, caret.offset)) continue;
      const range = doc.createRange();
      try {
        range.setStart(abstract.startContainer, abstract.startOffset);
        range.setEnd(abstract.endContainer, abstract.endOffset);
      } catch {
        // The page changed under a mark the painter has not replaced yet: not a hit.
        continue;
      }
      if (!rangeContainsPoint(range, point)) continue;
      const box = Array.from(range.getClientRects()).find(
        (r) => point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom,
      );
      if (box) return { entity, text: range.toString(), box };
    }
  }
  return undefined;
}

/**
 * Whether a mark's range holds the caret point, without making a Range: mentions
 * nearly always lie in one Text node, where comparing offsets is enough.
 */
function holds(range: AbstractRange, node: Node, offset: number): boolean {
  if (range.startContainer === node && range.endContainer === node) {
    return offset >= range.startOffset && offset <= range.endOffset;
  }
  if (range.startContainer === range.endContainer) return false;
  // A mention across nodes ("Wei<b>bo</b>"): compare in document order.
  const doc = node.ownerDocument;
  if (!doc) return false;
  const live = doc.createRange();
  try {
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live.isPointInRange(node, offset);
  } catch {
    return false;
  }
}
