/**
 * Visits the nodes under a root in document order, and can skip the subtree of the
 * node it just gave. In a browser a TreeWalker does the moving: one native call per
 * node, where walking by firstChild / nextSibling / parentNode costs two or three, and
 * each of those is dear in a content script (its isolated world looks every node's
 * wrapper up in a table). Where the DOM has no full TreeWalker (linkedom), the cursor
 * walks the child links itself.
 */
import { ELEMENT_NODE, TEXT_NODE } from './element-rules';

export interface PreorderCursor {
  /** The next node after the last one given (or after its subtree, after `skipChildren`); null at the end. */
  next(): Node | null;
  /** The next call of `next` passes over everything inside the node last given. */
  skipChildren(): void;
}

// NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, named here since lib/ cannot use the global NodeFilter.
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;

/** Elements and Text nodes below `root` (CDATA sections too, where the walk is by hand). */
export function preorderCursor(root: Node): PreorderCursor {
  const doc = root.ownerDocument;
  const walker = doc?.createTreeWalker?.(root, SHOW_ELEMENT | SHOW_TEXT);
  if (walker && typeof walker.nextSibling === 'function' && typeof walker.parentNode === 'function') {
    return new WalkerCursor(walker);
  }
  return new LinkCursor(root);
}

class WalkerCursor implements PreorderCursor {
  private skipping = false;
  constructor(private readonly walker: TreeWalker) {}

  next(): Node | null {
    if (!this.skipping) return this.walker.nextNode();
    this.skipping = false;
    // The walker stands on the node to pass over: its next sibling, else an ancestor's.
    let next = this.walker.nextSibling();
    while (!next && this.walker.parentNode()) next = this.walker.nextSibling();
    return next;
  }

  skipChildren(): void {
    this.skipping = true;
  }
}

class LinkCursor implements PreorderCursor {
  private current: Node;
  private skipping = false;
  private ended = false;
  constructor(private readonly root: Node) {
    this.current = root;
  }

  next(): Node | null {
    if (this.ended) return null;
    let node: Node | null = this.current;
    const child = this.skipping ? null : node.firstChild;
    this.skipping = false;
    if (child) node = child;
    else {
      while (node && node !== this.root && !node.nextSibling) node = node.parentNode;
      node = node && node !== this.root ? node.nextSibling : null;
    }
    // Comments and processing instructions are not text: step over them here, as the TreeWalker does.
    while (node && node.nodeType !== ELEMENT_NODE && node.nodeType !== TEXT_NODE && !isCData(node)) {
      let after: Node | null = node;
      while (after && after !== this.root && !after.nextSibling) after = after.parentNode;
      node = after && after !== this.root ? after.nextSibling : null;
    }
    if (!node) {
      this.ended = true;
      return null;
    }
    this.current = node;
    return node;
  }

  skipChildren(): void {
    this.skipping = true;
  }
}

const CDATA_SECTION_NODE = 4;
function isCData(node: Node): boolean {
  return node.nodeType === CDATA_SECTION_NODE;
}
