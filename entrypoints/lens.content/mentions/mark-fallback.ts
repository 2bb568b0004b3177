import type { RangeBounds } from '@/lib/dom';
import type { EntityId } from '@/lib/types';
import type { MarkPainter, PaintedMark } from './mark-painter';
import { mentionStyleName } from './style';

/** The class every fallback mark carries, so our own elements can be told apart. */
export const FALLBACK_MARK_CLASS = 'qinglang-mention';

interface PaintedElements {
  marks: HTMLElement[];
}

/**
 * Only for browsers without `CSS.highlights`: wraps each mention in `<mark>` elements
 * (one per Text node it spans). This does change the page's DOM, so the caller pauses
 * its MutationObserver while painting, and paints a block's mentions last to first, so
 * splitting a Text node never moves a mention that is still to be painted.
 */
export class MarkElementPainter implements MarkPainter {
  readonly mutatesDom = true;
  private readonly painted = new Set<PaintedElements>();

  constructor(private readonly doc: Document) {}

  paint(entity: EntityId, bounds: RangeBounds): PaintedMark | null {
    const { startContainer, startOffset, endContainer, endOffset } = bounds;
    const texts = textNodesBetween(startContainer as Text, endContainer as Text);
    if (!texts) return null;
    const marks: HTMLElement[] = [];
    // Last node first: wrapping it leaves the offsets of the earlier ones as they were.
    for (let i = texts.length - 1; i >= 0; i--) {
      const text = texts[i]!;
      const from = text === startContainer ? startOffset : 0;
      const to = text === endContainer ? endOffset : text.length;
      if (to <= from) continue;
      const mark = this.doc.createElement('mark');
      mark.className = `${FALLBACK_MARK_CLASS} ${mentionStyleName(entity)}`;
      let target = text;
      if (from > 0) target = target.splitText(from);
      if (to - from < target.length) target.splitText(to - from);
      target.parentNode!.insertBefore(mark, target);
      mark.appendChild(target);
      marks.unshift(mark);
    }
    const painted: PaintedElements = { marks };
    this.painted.add(painted);
    return painted;
  }

  erase(mark: PaintedMark): void {
    const painted = mark as PaintedElements;
    for (const el of painted.marks) unwrap(el);
    this.painted.delete(painted);
  }

  /** Marks are in the DOM as soon as they are painted. */
  commit(): void {}

  dispose(): void {
    for (const painted of this.painted) for (const el of painted.marks) unwrap(el);
    this.painted.clear();
  }
}

/** The Text nodes from `first` to `last` in document order, both included (null if `last` is not after `first`). */
function textNodesBetween(first: Text, last: Text): Text[] | null {
  if (first === last) return [first];
  const doc = first.ownerDocument;
  const root = doc.body ?? doc.documentElement;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = first;
  const out: Text[] = [first];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    out.push(n as Text);
    if (n === last) return out;
  }
  return null;
}

function unwrap(mark: HTMLElement): void {
  const parent = mark.parentNode;
  if (!parent) return;
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  parent.removeChild(mark);
}
