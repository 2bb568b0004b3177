/**
 * The text of the block just before an element, in document order: the context a
 * block read on its own needs (lib/detect decides an ambiguous word with its block and
 * the block before, and a live page rescans one block at a time).
 */
import { ELEMENT_NODE, TEXT_NODE, isNonTextElement, ownerBlock } from './element-rules';
import { takeBlockSnapshot, type SnapshotOptions } from './text-snapshot';

/** How far back to look, in nodes: past this, a page of empty wrappers gives no context. */
const MAX_STEPS = 2_000;
const BLANK = /^[ \t\n\f\r]*$/;

/**
 * The own text of the nearest block before `el` that shows any (its last line is the
 * context the detector reads); '' when there is none near. Hidden and non-text
 * elements (scripts, the head's title) are passed over as the snapshot passes them.
 */
export function blockTextBefore(el: Element, options: Omit<SnapshotOptions, 'shallow'> = {}): string {
  const isHidden = options.isHidden;
  const skip = options.skip;
  const passedOver = (node: Node): boolean => {
    for (let p = node.parentElement; p; p = p.parentElement) {
      if (isNonTextElement(p) || (isHidden && isHidden(p)) || (skip && skip(p))) return true;
    }
    return false;
  };
  let node: Node | null = el;
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    node = previousInOrder(node);
    if (!node) return '';
    if (node.nodeType !== TEXT_NODE || BLANK.test((node as Text).data) || passedOver(node)) continue;
    const block = ownerBlock(node);
    return block ? takeBlockSnapshot(block, options).text : '';
  }
  return '';
}

/** The node before `node` in document order: the deepest last child of its previous sibling, else its parent. */
function previousInOrder(node: Node): Node | null {
  let prev = node.previousSibling;
  if (!prev) return node.parentNode && node.parentNode.nodeType === ELEMENT_NODE ? node.parentNode : null;
  while (prev.lastChild) prev = prev.lastChild;
  return prev;
}
