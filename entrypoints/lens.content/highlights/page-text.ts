import { spanOf, takePiecedSnapshotInSlices, takeSnapshot, type NodeOffsets, type PiecedSnapshot, type TextSnapshot, type TextSpan } from '../../../lib/dom';
import { articleRoot } from '../../../lib/page-meta';
import { capSnapshotText, LIMITS } from '../../../lib/schema';
import { isForeignUi } from '../page/foreign-ui';

/**
 * The page's text as highlights are described and found again: the whole body, by
 * lib/dom's rules, without our own UI or any other extension's shadow-root host.
 * Saving and restoring must read the page the same way, so both come through here.
 */
export function pageSnapshot(doc: Document): TextSnapshot {
  return takeSnapshot(doc, { skip: isForeignUi });
}

/**
 * The same text as pageSnapshot, read in slices of a few milliseconds with the page's
 * own work in between, and left in its pieces (never joined into one string the size
 * of the page): a save on a very large page must not hold the page (no task over
 * 50 ms). The page may change meanwhile; the caller checks the span it uses.
 */
export function pageSnapshotInSlices(doc: Document, pause: () => Promise<void>): Promise<PiecedSnapshot> {
  return takePiecedSnapshotInSlices(doc, { skip: isForeignUi }, { pause, now: () => performance.now() });
}

/** Where an element's text is in a snapshot of the whole page. */
function spanOfElement(snapshot: NodeOffsets, el: Element): TextSpan {
  return spanOf(snapshot, { startContainer: el, startOffset: 0, endContainer: el, endOffset: el.childNodes.length });
}

/**
 * The article's text, cut out of a snapshot of the whole page already read: the article
 * is found (lib/page-meta articleRoot) by lengths measured in that snapshot, so the
 * page is not read a second and third time (on a large page each pass is a long task).
 * Cut to the kept-text cap here: a longer text would be refused by the save message's
 * schema (and losing the save for the copy's sake is the wrong way round).
 */
export function articleTextOf(doc: Document, snapshot: PiecedSnapshot): string {
  const root = articleRoot(doc, (el) => {
    const span = spanOfElement(snapshot, el);
    return span.end - span.start;
  });
  const span = spanOfElement(snapshot, root);
  // Only as much as can be kept (and the blank a trim may take off its start).
  const end = Math.min(span.end, span.start + 2 * LIMITS.snapshot);
  return capSnapshotText(snapshot.text.slice(span.start, end).trim());
}

/** The selection's range when it holds page text the user can highlight, else null. */
export function highlightableRange(doc: Document): Range | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  // Firefox keeps one range per table cell in a cell selection: take them as one passage.
  const first = selection.getRangeAt(0);
  const last = selection.getRangeAt(selection.rangeCount - 1);
  const range = doc.createRange();
  range.setStart(first.startContainer, first.startOffset);
  range.setEnd(last.endContainer, last.endOffset);
  if (range.toString().trim() === '') return null;
  // Text in a form field or an editor is the user's own draft, not the page's text.
  const container = range.commonAncestorContainer;
  const element = container.nodeType === container.ELEMENT_NODE ? (container as Element) : container.parentElement;
  if (!element || (element as HTMLElement).isContentEditable || element.closest('input, textarea, select')) return null;
  return range;
}

/**
 * The span of the snapshot a range covers, without the blank at its ends (a
 * triple-click takes the paragraph's line break too). Null when nothing is left.
 */
export function trimmedSpan(snapshot: PiecedSnapshot, range: Range): TextSpan | null {
  let { start, end } = spanOf(snapshot, range);
  const text = snapshot.text;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}

/**
 * Whether the Text nodes a span of a snapshot covers are still in the page as they
 * were read: a snapshot read in slices may have been overtaken by the page's own
 * changes, and an offset into changed text would describe the wrong passage.
 */
export function stillAsRead(snapshot: NodeOffsets, span: TextSpan): boolean {
  const { nodes, starts, ends } = snapshot;
  for (let i = 0; i < nodes.length; i++) {
    if (ends[i]! <= span.start) continue;
    if (starts[i]! >= span.end) break;
    const node = nodes[i]!;
    if (!node.isConnected || node.data.length !== ends[i]! - starts[i]!) return false;
  }
  return true;
}
