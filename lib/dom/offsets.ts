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

/**
 * What the offset functions need of a snapshot: its nodes and where each lies, and the
 * text's length. A snapshot read in slices (takeSnapshotInSlices) has no joined text,
 * only pieces (PiecedText), and is mapped to the DOM the same way.
 */
export type NodeOffsets = Pick<TextSnapshot, 'nodes' | 'starts' | 'ends'> & { readonly text: { readonly length: number } };

/** A [start, end) span of a snapshot's text. */
export interface TextSpan {
  start: number;
  end: number;
}

// Node#compareDocumentPosition bits, named since lib/ cannot use the global `Node`.
const DISCONNECTED = 1;
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
export function nodeIndexAt(snapshot: NodeOffsets, offset: number, side: 'start' | 'end'): number {
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
export function pointAt(snapshot: NodeOffsets, offset: number, side: 'start' | 'end'): TextPoint | null {
  const i = nodeIndexAt(snapshot, offset, side);
  if (i < 0) return null;
  const node = snapshot.nodes[i]!;
  return { node, offset: Math.max(0, Math.min(offset - snapshot.starts[i]!, node.length)) };
}

/** The bounds of the DOM range that covers `[start, end)` of the snapshot's text. */
export function boundsOf(snapshot: NodeOffsets, start: number, end: number): RangeBounds | null {
  if (end < start) return null;
  const a = pointAt(snapshot, start, 'start');
  const b = pointAt(snapshot, end, end === start ? 'start' : 'end');
  if (!a || !b) return null;
  return { startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset };
}

/** A live DOM Range over `[start, end)` of the snapshot's text, made by `doc`. */
export function rangeOf(snapshot: NodeOffsets, start: number, end: number, doc: Document): Range | null {
  const bounds = boundsOf(snapshot, start, end);
  if (!bounds) return null;
  const range = doc.createRange();
  range.setStart(bounds.startContainer, bounds.startOffset);
  range.setEnd(bounds.endContainer, bounds.endOffset);
  return range;
}

/** The indexes of a snapshot's nodes, built when a lookup by document order could not tell. */
const indexes = new WeakMap<NodeOffsets, Map<Text, number>>();

/**
 * Where a Text node is in the snapshot's nodes, or -1. The nodes are in document order,
 * so a binary search finds it with a few comparisons; a map of every node would cost a
 * page of 20,000 paragraphs some 30 ms on each save's fresh snapshot. Nodes whose order
 * the DOM cannot give (in another tree, or moved since the reading) fall back to the map.
 */
function indexOfNode(snapshot: NodeOffsets, node: Node): number {
  const cached = indexes.get(snapshot);
  if (cached) return cached.get(node as Text) ?? -1;
  if (node.nodeType !== TEXT_NODE) return -1;
  const { nodes } = snapshot;
  let lo = 0;
  let hi = nodes.length;
  let ordered = true;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const other = nodes[mid]!;
    if (other === node) return mid;
    const rel = other.compareDocumentPosition(node);
    if ((rel & DISCONNECTED) !== 0) ordered = false;
    if ((rel & FOLLOWING) !== 0) lo = mid + 1;
    else hi = mid;
  }
  // In document order and not found: a node the reading left out (blank, hidden).
  if (ordered) return -1;
  const index = new Map(nodes.map((n, i) => [n, i]));
  indexes.set(snapshot, index);
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
function offsetOfPoint(snapshot: NodeOffsets, container: Node, offset: number, side: 'start' | 'end'): number {
  const i = indexOfNode(snapshot, container);
  if (i >= 0) return snapshot.starts[i]! + Math.min(offset, snapshot.ends[i]! - snapshot.starts[i]!);
  // An element, or a text node we did not read (blank, hidden): find the first read node after it.
  const index = indexes.get(snapshot);
  const near = index ? offsetNearPoint(snapshot, index, container, offset, side) : undefined;
  if (near !== undefined) return near;
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

/** How many unread Text nodes a walk from a boundary point passes before it gives up. */
const NEAR_WALK_LIMIT = 256;
const SHOW_TEXT = 4;

/**
 * offsetOfPoint by walking the page from the boundary point to the nearest Text node the
 * snapshot read, for a snapshot whose node index is at hand: a few steps where the
 * binary search compares positions in the document, which on a page of 20,000 sibling
 * paragraphs costs milliseconds per comparison. Undefined when the walk is not short
 * (a long stretch of unread text) or leaves the container's tree: the search decides.
 */
function offsetNearPoint(snapshot: NodeOffsets, index: ReadonlyMap<Text, number>, container: Node, offset: number, side: 'start' | 'end'): number | undefined {
  const doc = container.ownerDocument;
  if (!doc) return undefined;
  const walker = doc.createTreeWalker(container.getRootNode(), SHOW_TEXT);
  // The first Text node at or after the boundary point, or null past the end.
  let after: Node | null;
  const child = container.nodeType === TEXT_NODE ? null : container.childNodes[offset];
  if (child) {
    walker.currentNode = child;
    after = child.nodeType === TEXT_NODE ? child : walker.nextNode();
  } else {
    let last: Node = container;
    while (container.nodeType !== TEXT_NODE && last.lastChild) last = last.lastChild;
    walker.currentNode = last;
    after = walker.nextNode();
  }
  // The first node read at or after the point: the point lies between it and the one before.
  let first = snapshot.nodes.length;
  for (let steps = 0; after; steps++) {
    const i = index.get(after as Text);
    if (i !== undefined) {
      first = i;
      break;
    }
    if (steps >= NEAR_WALK_LIMIT) return undefined;
    after = walker.nextNode();
  }
  if (side === 'start') return first < snapshot.nodes.length ? snapshot.starts[first]! : snapshot.text.length;
  return first > 0 ? snapshot.ends[first - 1]! : 0;
}

/**
 * Lets offset lookups in `snapshot` use an index of its nodes built while it was read
 * (a reader in slices builds it piece by piece, so no single task pays for it).
 */
export function rememberNodeIndex(snapshot: NodeOffsets, index: Map<Text, number>): void {
  indexes.set(snapshot, index);
}

/**
 * The span of the snapshot's text a range covers (a selection, a saved highlight's
 * range). Parts of the range outside what the snapshot read are left out.
 */
export function spanOf(snapshot: NodeOffsets, range: RangeBounds): TextSpan {
  const start = offsetOfPoint(snapshot, range.startContainer, range.startOffset, 'start');
  const end = offsetOfPoint(snapshot, range.endContainer, range.endOffset, 'end');
  return { start, end: Math.max(start, end) };
}
