/**
 * Between offsets in a snapshot's text and places in the DOM, both ways.
 */
import { TEXT_NODE } from './element-rules';
import type { TextSnapshot } from './text-snapshot';

/** A place in the DOM: a Text node and an offset inside it. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/** The four fields of a DOM range: what `new StaticRange(init)` and `Range#setStart/End` take. */
export interface RangeBounds {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

/** A [start, end) span of a snapshot's text. */
export interface TextSpan {
  start: number;
  end: number;
}

// Node#compareDocumentPosition bits, named since lib/ cannot use the global `Node`.
const FOLLOWING = 4;
const CONTAINED_BY = 16;

/** The last index whose start is at or before `offset` (0 when none is). */
function lastStartingAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The index of the node holding a text offset, or -1 for an offset outside the text.
 * `side` says which node wins at a node boundary: 'start' takes the node that begins
 * there (where a mention starts), 'end' the node that ends there (where it ends), so a
 * range never begins at the very end of the node before it.
 */
export function nodeIndexAt(snapshot: TextSnapshot, offset: number, side: 'start' | 'end'): number {
  const { nodes, starts, ends } = snapshot;
  if (nodes.length === 0 || offset < 0 || offset > snapshot.text.length) return -1;
  let i = lastStartingAtOrBefore(starts, offset);
  if (side === 'start') {
    // Past this node's end (on a break, or exactly at its end): the next node begins the span.
    if (offset >= ends[i]! && i + 1 < nodes.length) i += 1;
  } else if (offset <= starts[i]! && i > 0) {
    // An end exactly at a node's start belongs to the node before it.
    i -= 1;
  }
  return i;
}

/** The DOM place (Text node and offset in it) of a text offset; see nodeIndexAt for `side`. */
export function pointAt(snapshot: TextSnapshot, offset: number, side: 'start' | 'end'): TextPoint | null {
  const i = nodeIndexAt(snapshot, offset, side);
  if (i < 0) return null;
  const node = snapshot.nodes[i]!;
  return { node, offset: Math.max(0, Math.min(offset - snapshot.starts[i]!, node.length)) };
}

/** The bounds of the DOM range that covers `[start, end)` of the snapshot's text. */
export function boundsOf(snapshot: TextSnapshot, start: number, end: number): RangeBounds | null {
  if (end < start) return null;
  const a = pointAt(snapshot, start, 'start');
  const b = pointAt(snapshot, end, end === start ? 'start' : 'end');
  if (!a || !b) return null;
  return { startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset };
}

/** A live DOM Range over `[start, end)` of the snapshot's text, made by `doc`. */
export function rangeOf(snapshot: TextSnapshot, start: number, end: number, doc: Document): Range | null {
  const bounds = boundsOf(snapshot, start, end);
  if (!bounds) return null;
  const range = doc.createRange();
  range.setStart(bounds.startContainer, bounds.startOffset);
  range.setEnd(bounds.endContainer, bounds.endOffset);
  return range;
}

/** The indexes of a snapshot's nodes, built once per snapshot when first needed. */
const indexes = new WeakMap<TextSnapshot, Map<Text, number>>();
function indexOfNode(snapshot: TextSnapshot, node: Node): number {
  let index = indexes.get(snapshot);
  if (!index) {
    index = new Map(snapshot.nodes.map((n, i) => [n, i]));
    indexes.set(snapshot, index);
  }
  return index.get(node as Text) ?? -1;
}

/**
 * Whether `node` lies at or after the boundary point (container, offset) in document
 * order, for a node that is not the container itself.
 */
function isAtOrAfter(node: Node, container: Node, offset: number): boolean {
  if (container.nodeType !== TEXT_NODE) {
    const child = container.childNodes[offset];
    if (child) return child === node || (child.compareDocumentPosition(node) & (FOLLOWING | CONTAINED_BY)) !== 0;
    // After the container's last child: only what follows the container itself.
    const rel = container.compareDocumentPosition(node);
    return (rel & FOLLOWING) !== 0 && (rel & CONTAINED_BY) === 0;
  }
  return (container.compareDocumentPosition(node) & FOLLOWING) !== 0;
}

/**
 * The text offset of a boundary point. A point between read nodes snaps inward: a
 * start to the next node's start, an end to the previous node's end, so a range over a
 * whole paragraph does not take the break after it.
 */
function offsetOfPoint(snapshot: TextSnapshot, container: Node, offset: number, side: 'start' | 'end'): number {
  const i = indexOfNode(snapshot, container);
  if (i >= 0) return snapshot.starts[i]! + Math.min(offset, snapshot.ends[i]! - snapshot.starts[i]!);
  // An element, or a text node we did not read (blank, hidden): find the first read node after it.
  const { nodes } = snapshot;
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAtOrAfter(nodes[mid]!, container, offset)) hi = mid;
    else lo = mid + 1;
  }
  if (side === 'start') return lo < nodes.length ? snapshot.starts[lo]! : snapshot.text.length;
  return lo > 0 ? snapshot.ends[lo - 1]! : 0;
}

/**
 * The span of the snapshot's text a range covers (a selection, a saved highlight's
 * range). Parts of the range outside what the snapshot read are left out.
 */
export function spanOf(snapshot: TextSnapshot, range: RangeBounds): TextSpan {
  const start = offsetOfPoint(snapshot, range.startContainer, range.startOffset, 'start');
  const end = offsetOfPoint(snapshot, range.endContainer, range.endOffset, 'end');
  return { start, end: Math.max(start, end) };
}
