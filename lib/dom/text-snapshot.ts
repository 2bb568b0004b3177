/**
 * The visible text of a part of a document as one string, with the way back to the
 * Text nodes it came from. Text is joined across inline elements, so `<b>Wei</b>bo`
 * reads "Weibo"; a block boundary or `<br>` becomes one '\n', so words of adjacent
 * blocks never run together. Characters are copied as they are (no whitespace
 * collapsing), which keeps every offset a plain `node start + offset in node`.
 */
import {
  CDATA_SECTION_NODE,
  DOCUMENT_NODE,
  ELEMENT_NODE,
  TEXT_NODE,
  isBlockElement,
  isHiddenByMarkup,
  isLineBreak,
  isNonTextElement,
} from './element-rules';

/** The character put between blocks. */
export const BLOCK_BREAK = '\n';

export interface SnapshotOptions {
  /**
   * Whether an element is hidden, with everything inside it. Defaults to what markup
   * says (`hidden`, inline `display: none`); the page may pass a computed-style check.
   */
  isHidden?: (el: Element) => boolean;
  /** Further elements to leave out with their content (our own UI hosts). */
  skip?: (el: Element) => boolean;
  /**
   * Read only the root block's own inline text: nested blocks are left out (each is
   * its own unit) and listed in `TextSnapshot.nestedBlocks`. For rescanning one block.
   */
  shallow?: boolean;
}

export interface TextSnapshot {
  /** The joined text. */
  text: string;
  /** The Text nodes read, in document order. */
  nodes: Text[];
  /** `starts[i]`: where `nodes[i]` begins in `text`. */
  starts: number[];
  /** `ends[i]`: where `nodes[i]` ends in `text` (its length when it was read). */
  ends: number[];
  /**
   * `owners[i]`: the block `nodes[i]` belongs to: its nearest block ancestor inside the
   * root, else the root element itself (null only for a fragment outside any document body).
   */
  owners: Array<Element | null>;
  /** Offsets of the break characters inserted between blocks, ascending. */
  breaks: number[];
  /** Every block element entered (the root first when it is one), texts or not. */
  blocks: Element[];
  /** Shallow snapshots only: the nested blocks that were left out. */
  nestedBlocks: Element[];
}

export interface SnapshotReader {
  /**
   * The next piece of the text: whole blocks, at least `minChars` characters unless
   * the end came first; null once everything was read. Each piece is a snapshot of its
   * own (offsets start at 0), and a piece never ends inside a line of inline text.
   */
  next(minChars?: number): TextSnapshot | null;
}

/** The whole text of `root` (an element, a document or a fragment) in one snapshot. */
export function takeSnapshot(root: Node, options: SnapshotOptions = {}): TextSnapshot {
  return readSnapshots(root, options).next(Infinity) ?? emptySnapshot();
}

/** One block's own text, its nested blocks left out: what a rescan of that block reads. */
export function takeBlockSnapshot(block: Element, options: Omit<SnapshotOptions, 'shallow'> = {}): TextSnapshot {
  return takeSnapshot(block, { ...options, shallow: true });
}

function emptySnapshot(): TextSnapshot {
  return { text: '', nodes: [], starts: [], ends: [], owners: [], breaks: [], blocks: [], nestedBlocks: [] };
}

/**
 * Reads `root` piece by piece, so a caller can yield to the page between pieces.
 * The walk is iterative (firstChild / nextSibling), which lets it skip a whole subtree
 * and notice leaving a block without a callback per node.
 */
export function readSnapshots(root: Node, options: SnapshotOptions = {}): SnapshotReader {
  const isHidden = options.isHidden ?? isHiddenByMarkup;
  const skip = options.skip;
  const shallow = options.shallow === true;

  const start = startNode(root);
  const rootEl = start && start.nodeType === ELEMENT_NODE ? (start as Element) : null;
  // The owner of text that sits directly in a non-block root (a fragment, an inline element).
  const baseOwner: Element | null = rootEl ?? ownerDocumentBody(root);

  // Ancestors entered below the start node, with the owner block each one restores when left.
  const owners: Array<Element | null> = [];
  let owner: Element | null = baseOwner;
  let node: Node | null = null;
  let started = false;
  let done = start === null;
  let pendingBreak = false;
  // Whitespace-only text between inline elements matters ("<b>Sina</b> <b>Weibo</b>");
  // before a block boundary it is only source indentation, and is dropped.
  const heldSpace: Text[] = [];

  function excluded(el: Element): boolean {
    return isNonTextElement(el) || isHidden(el) || (skip !== undefined && skip(el));
  }

  return {
    next(minChars = 0) {
      if (done) return null;
      const piece = emptySnapshot();
      const parts: string[] = [];
      let length = 0;

      const emitText = (t: Text, data: string): void => {
        if (pendingBreak && length > 0) {
          piece.breaks.push(length);
          parts.push(BLOCK_BREAK);
          length += 1;
        }
        pendingBreak = false;
        piece.nodes.push(t);
        piece.starts.push(length);
        parts.push(data);
        length += data.length;
        piece.ends.push(length);
        piece.owners.push(owner);
      };
      const flushSpace = (): void => {
        for (const t of heldSpace) emitText(t, t.data);
        heldSpace.length = 0;
      };
      const blockBoundary = (): void => {
        heldSpace.length = 0;
        pendingBreak = true;
      };

      if (!started) {
        started = true;
        if (rootEl) {
          if (excluded(rootEl)) {
            done = true;
            return null;
          }
          if (isBlockElement(rootEl)) piece.blocks.push(rootEl);
          node = rootEl.firstChild;
        } else if (start && isTextLike(start)) {
          node = start;
        } else {
          node = start ? start.firstChild : null;
        }
      }

      while (node) {
        // A piece may end only where a new line would start anyway.
        if (pendingBreak && length >= minChars && length > 0) break;
        const type = node.nodeType;
        let descend: Node | null = null;
        if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
          const t = node as Text;
          const data = t.data;
          if (data.length > 0) {
            if (isBlank(data)) {
              if (!pendingBreak && length > 0) heldSpace.push(t);
            } else {
              flushSpace();
              emitText(t, data);
            }
          }
        } else if (type === ELEMENT_NODE) {
          const el = node as Element;
          if (isLineBreak(el)) {
            blockBoundary();
          } else if (!excluded(el)) {
            if (isBlockElement(el)) {
              blockBoundary();
              if (shallow) {
                piece.nestedBlocks.push(el);
              } else {
                piece.blocks.push(el);
                if (el.firstChild) {
                  owners.push(owner);
                  owner = el;
                  descend = el.firstChild;
                }
              }
            } else if (el.firstChild) {
              owners.push(owner);
              descend = el.firstChild;
            }
          }
        }
        if (descend) {
          node = descend;
          continue;
        }
        // Climb until a next sibling, leaving finished elements (and blocks) behind.
        while (node && node !== start && !node.nextSibling) {
          node = node.parentNode;
          if (!node || node === start) {
            node = null;
            break;
          }
          if (isBlockElement(node as Element)) blockBoundary();
          owner = owners.pop() ?? baseOwner;
        }
        node = node && node !== start ? node.nextSibling : null;
      }
      if (!node) {
        done = true;
        heldSpace.length = 0;
      }
      piece.text = parts.join('');
      if (done && piece.nodes.length === 0 && piece.blocks.length === 0 && piece.nestedBlocks.length === 0) return null;
      return piece;
    },
  };
}

function startNode(root: Node): Node | null {
  if (root.nodeType === DOCUMENT_NODE) {
    const doc = root as Document;
    const top = doc.documentElement;
    // linkedom makes the first element of a fragment-like file (no <html>) the document
    // element and hangs an empty <body> inside it: read from the top then.
    if (top && top.localName !== 'html') return top;
    return doc.body ?? top;
  }
  return root;
}

function ownerDocumentBody(root: Node): Element | null {
  const doc = root.nodeType === DOCUMENT_NODE ? (root as Document) : root.ownerDocument;
  return doc?.body ?? doc?.documentElement ?? null;
}

function isTextLike(node: Node): boolean {
  return node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;
}

// Whitespace that HTML collapses; U+00A0 is not among it (it shows as a space and stays).
const BLANK = /^[ \t\n\f\r]*$/;
function isBlank(data: string): boolean {
  return BLANK.test(data);
}
