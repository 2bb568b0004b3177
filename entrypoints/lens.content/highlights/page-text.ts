import { spanOf, takeSnapshot, type TextSnapshot, type TextSpan } from '../../../lib/dom';
import { UI_HOST_TAG } from '../page/ui-host';

/**
 * The page's text as highlights are described and found again: the whole body, by
 * lib/dom's rules, without our own UI or any other extension's shadow-root host.
 * Saving and restoring must read the page the same way, so both come through here.
 */
export function pageSnapshot(doc: Document): TextSnapshot {
  return takeSnapshot(doc, { skip: isForeignUi });
}

function isForeignUi(el: Element): boolean {
  return el.localName === UI_HOST_TAG || el.hasAttribute('data-wxt-shadow-root');
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
export function trimmedSpan(snapshot: TextSnapshot, range: Range): TextSpan | null {
  let { start, end } = spanOf(snapshot, range);
  const text = snapshot.text;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}
