/**
 * The visible text of a part of a document as one string, with the way back to the
 * Text nodes it came from. Text is joined across inline elements, so `<b>Wei</b>bo`
 * reads "Weibo"; a block boundary or `<br>` becomes one '\n', so words of adjacent
 * blocks never run together. Characters are copied as they are (no whitespace
 * collapsing), which keeps every offset a plain `node start + offset in node`.
 */
import {
  CDATA_SECTION_NODE,
  DOCUMENT_FRAGMENT_NODE,
  DOCUMENT_NODE,
  ELEMENT_NODE,
  TEXT_NODE,
  TagKind,
  isBlockElement,
  isEditable,
  isHiddenByMarkup,
  tagKind,
} from './element-rules';
import { preorderCursor, type PreorderCursor } from './preorder-cursor';

/** The character put between blocks, unless a snapshot asks for another. */
export const BLOCK_BREAK = '\n';

/**
 * The block break to read with when the text goes to detection: the detector lets the
 * space in a name match a line break (names wrap in plain text), so blocks are kept
 * apart by a character no name can span, ASCII's record separator. One character, like
 * BLOCK_BREAK, so offsets agree between the two readings.
 */
export const DETECTION_BLOCK_BREAK = '\u001e';

/**
 * How detection reads a page: blocks apart by DETECTION_BLOCK_BREAK, a `<br>` as the
 * line break it is. A `<br>` inside a word (国家网信<br>办) is the page wrapping a name,
 * which the detector joins; between blocks nothing is joined.
 */
export const DETECTION_READING = { blockBreak: DETECTION_BLOCK_BREAK, lineBreak: '\n' } as const;

export interface SnapshotOptions {
  /**
   * Whether an element is hidden, with everything inside it. Defaults to what markup
   * says (`hidden`, inline `display: none`); the page may pass a computed-style check.
   */
  isHidden?: (el: Element) => boolean;
  /** Further elements to leave out with their content (our own UI hosts). */
  skip?: (el: Element) => boolean;
  /**
   * The one character put between blocks (default BLOCK_BREAK, '\n'). A caller that
   * matches names which may wrap across lines can ask for one no name spans.
   */
  blockBreak?: string;
  /**
   * The one character put for a `<br>` (default: the block break). When it differs from
   * the block break, `<br>` is a line inside its block, not a boundary, and is not listed
   * in `TextSnapshot.breaks`.
   */
  lineBreak?: string;
  /**
   * Read only the root block's own inline text: nested blocks are left out (each is
   * its own unit) and listed in `TextSnapshot.nestedBlocks`. For rescanning one block.
   */
  shallow?: boolean;
  /**
   * Read open shadow roots too, and tell of each one entered. A host's shadow tree is
   * read where the host stands, before the host's own children (the page's light DOM,
   * slotted or not), and apart from the text around it, like a block: a word never runs
   * across a shadow boundary. Left out, only the document's own tree is read (the scan
   * command, and saving a highlight, whose anchors must read the same text every time).
   */
  onShadowRoot?: (root: ShadowRoot, host: Element) => void;
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
  /** The element read from (the body for a document; null for a fragment or a Text root). */
  root: Element | null;
  /** Offsets of the break characters inserted between blocks, ascending (so '\n' in a text node is told apart). */
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
  return { text: '', root: null, nodes: [], starts: [], ends: [], breaks: [], blocks: [], nestedBlocks: [] };
}

/**
 * Reads `root` piece by piece, so a caller can yield to the page between pieces.
 */
export function readSnapshots(root: Node, options: SnapshotOptions = {}): SnapshotReader {
  return new SnapshotWalker(root, options);
}

const Pending = { none: 0, line: 1, block: 2 } as const;
type Pending = (typeof Pending)[keyof typeof Pending];

/**
 * One walk in document order. Entering a block or meeting a <br> puts a break before
 * the next text; leaving a block is noticed when a node is no longer inside the
 * innermost open block (`contains` answers without handing a node back, which keeps it
 * cheap in a content script). The walk's state lives in fields between pieces and in
 * locals within one: this loop runs once per node of the page, and is most of a scan's cost.
 */
class SnapshotWalker implements SnapshotReader {
  private readonly isHidden: (el: Element) => boolean;
  private readonly skip: ((el: Element) => boolean) | undefined;
  private readonly shallow: boolean;
  private readonly blockBreak: string;
  private readonly lineBreak: string;
  private readonly start: Node | null;
  private readonly rootEl: Element | null;
  private cursor: PreorderCursor | null = null;
  /** Blocks entered and not yet left, innermost last (the root is never among them). */
  private readonly openBlocks: Element[] = [];
  private readonly onShadowRoot: ((root: ShadowRoot, host: Element) => void) | undefined;
  /** The walks a shadow tree interrupted, innermost last: each resumes inside its host once the tree is read. */
  private readonly outer: Array<{ cursor: PreorderCursor; openBlocks: Element[] }> = [];
  /** A node fetched but not read yet: the previous piece ended just before it. */
  private node: Node | null = null;
  private started = false;
  private done: boolean;
  /** A break to put before the next text: none, a `<br>`'s line break, or a block break. */
  private pendingBreak: Pending = Pending.none;
  /**
   * Whitespace-only text between inline elements matters ("<b>Sina</b> <b>Weibo</b>");
   * before a block boundary it is only source indentation, and is dropped.
   */
  private readonly heldSpace: Text[] = [];

  constructor(root: Node, options: SnapshotOptions) {
    this.isHidden = options.isHidden ?? isHiddenByMarkup;
    this.skip = options.skip;
    this.onShadowRoot = options.onShadowRoot;
    this.shallow = options.shallow === true;
    this.blockBreak = options.blockBreak ?? BLOCK_BREAK;
    this.lineBreak = options.lineBreak ?? this.blockBreak;
    if (this.blockBreak.length !== 1 || this.lineBreak.length !== 1) throw new Error('blockBreak and lineBreak must be one character each');
    this.start = startNode(root);
    this.rootEl = this.start && this.start.nodeType === ELEMENT_NODE ? (this.start as Element) : null;
    this.done = this.start === null;
  }

  /** Comments and the like never reach here: the cursor gives elements and text only. */
  private kind(el: Element): TagKind {
    const kind = tagKind(el.localName);
    if (kind === TagKind.nonText || kind === TagKind.lineBreak) return kind;
    if (isEditable(el) || this.isHidden(el) || (this.skip !== undefined && this.skip(el))) return TagKind.nonText;
    return kind;
  }

  next(minChars = 0): TextSnapshot | null {
    if (this.done) return null;
    const piece = emptySnapshot();
    piece.root = this.rootEl;
    const { nodes, starts, ends, breaks, blocks, nestedBlocks } = piece;
    // Joined once at the end: `+=` would leave a rope that V8 flattens in place but still
    // reads through its cons wrapper, and the detector's per-character loop then runs
    // several times slower than on the flat string `join` makes.
    const parts: string[] = [];
    let length = 0;
    const shallow = this.shallow;
    const blockBreak = this.blockBreak;
    const lineBreak = this.lineBreak;
    const openBlocks = this.openBlocks;
    const heldSpace = this.heldSpace;
    let pendingBreak = this.pendingBreak;

    let node = this.node;
    if (!this.started) {
      this.started = true;
      const start = this.start!;
      if (start.nodeType === ELEMENT_NODE) {
        const kind = this.kind(start as Element);
        if (kind === TagKind.nonText || kind === TagKind.lineBreak) {
          this.done = true;
          return null;
        }
        if (kind === TagKind.block) blocks.push(start as Element);
        this.cursor = preorderCursor(start);
        const shadow = this.onShadowRoot !== undefined ? (start as Element).shadowRoot : null;
        if (shadow) {
          // A host read on its own: its shadow tree first, as anywhere else.
          this.onShadowRoot!(shadow, start as Element);
          this.outer.push({ cursor: this.cursor, openBlocks: [] });
          this.cursor = preorderCursor(shadow);
        }
        node = this.cursor.next();
      } else if (isTextLike(start)) {
        node = start; // a Text root: itself, and nothing after it
      } else {
        this.cursor = preorderCursor(start);
        node = this.cursor.next();
      }
    }
    let cursor = this.cursor;
    const onShadowRoot = this.onShadowRoot;
    const outer = this.outer;

    for (;;) {
      if (!node) {
        // The end of a shadow tree: back into its host, whose own children come next.
        const resumed = outer.pop();
        if (!resumed) break;
        cursor = resumed.cursor;
        openBlocks.length = 0;
        for (const b of resumed.openBlocks) openBlocks.push(b);
        heldSpace.length = 0;
        pendingBreak = Pending.block;
        node = cursor.next();
        continue;
      }
      const type = node.nodeType;
      const isText = type === TEXT_NODE || type === CDATA_SECTION_NODE;
      const kind = isText ? TagKind.inline : this.kind(node as Element);
      // Leaving blocks: this node is outside the innermost open one. Only text and
      // line-starting elements need to know (an inline element changes nothing).
      if (isText || kind === TagKind.block || kind === TagKind.lineBreak) {
        while (openBlocks.length > 0 && !openBlocks[openBlocks.length - 1]!.contains(node)) {
          openBlocks.pop();
          heldSpace.length = 0;
          pendingBreak = Pending.block;
        }
        // A piece may end only where a new block would start anyway.
        if (pendingBreak === Pending.block && length >= minChars && length > 0) break;
      }
      if (isText) {
        const data = (node as Text).data;
        // Most text starts with a visible character: skip the blank test for it.
        if (data.length > 0 && (data.charCodeAt(0) > 32 || !isBlank(data))) {
          if (pendingBreak !== Pending.none) {
            if (length > 0) {
              const blockLevel = pendingBreak === Pending.block || lineBreak === blockBreak;
              if (blockLevel) breaks.push(length);
              parts.push(blockLevel ? blockBreak : lineBreak);
              length += 1;
            }
            pendingBreak = Pending.none;
          } else if (heldSpace.length > 0) {
            for (const t of heldSpace) {
              const held = t.data;
              nodes.push(t);
              starts.push(length);
              parts.push(held);
              length += held.length;
              ends.push(length);
            }
            heldSpace.length = 0;
          }
          nodes.push(node as Text);
          starts.push(length);
          parts.push(data);
          length += data.length;
          ends.push(length);
        } else if (data.length > 0 && pendingBreak === Pending.none && length > 0) {
          heldSpace.push(node as Text);
        }
      } else if (kind === TagKind.nonText) {
        cursor!.skipChildren();
      } else if (kind === TagKind.lineBreak) {
        heldSpace.length = 0;
        // Two <br> in a row leave a blank line: the page's way of starting a paragraph.
        pendingBreak = pendingBreak === Pending.none ? Pending.line : Pending.block;
      } else if (kind === TagKind.block) {
        heldSpace.length = 0;
        pendingBreak = Pending.block;
        if (shallow) {
          nestedBlocks.push(node as Element);
          cursor!.skipChildren();
        } else {
          blocks.push(node as Element);
          openBlocks.push(node as Element);
        }
      }
      if (onShadowRoot !== undefined && cursor !== null && kind !== TagKind.nonText && !isText) {
        // An open shadow root (a closed one answers null): its tree is read now, as a block of its own.
        const shadow = (node as Element).shadowRoot;
        if (shadow) {
          onShadowRoot(shadow, node as Element);
          outer.push({ cursor, openBlocks: openBlocks.splice(0) });
          heldSpace.length = 0;
          pendingBreak = Pending.block;
          cursor = preorderCursor(shadow);
          node = cursor.next();
          continue;
        }
      }
      node = cursor ? cursor.next() : null;
    }

    this.cursor = cursor;
    this.node = node;
    this.pendingBreak = pendingBreak;
    if (!node) {
      this.done = true;
      heldSpace.length = 0;
    }
    piece.text = parts.join('');
    if (this.done && nodes.length === 0 && blocks.length === 0 && nestedBlocks.length === 0) return null;
    return piece;
  }
}

/**
 * The block `snapshot.nodes[index]` belongs to: its nearest block ancestor inside the
 * snapshot's root, else the root itself. Looked up on demand (for the few nodes that
 * hold a mention) rather than kept for every node read.
 */
export function ownerBlockAt(snapshot: TextSnapshot, index: number): Element | null {
  const node = snapshot.nodes[index];
  if (!node) return null;
  const root = snapshot.root;
  // Up through shadow roots to their hosts: text in a shadow tree without a block of its
  // own belongs to the block around its host, which is what reading that block again reads.
  for (let el = composedParent(node); el; el = composedParent(el)) {
    if (el === root || isBlockElement(el)) return el;
  }
  return root;
}

/** A node's parent element, or for the top of a shadow tree (and a shadow root itself) its host. */
export function composedParent(node: Node): Element | null {
  const parent = node.parentElement;
  if (parent) return parent;
  if (node.nodeType === DOCUMENT_FRAGMENT_NODE) return (node as ShadowRoot).host ?? null;
  const up = node.parentNode;
  return up && up.nodeType === DOCUMENT_FRAGMENT_NODE ? ((up as ShadowRoot).host ?? null) : null;
}

/** Whether `node` is `root` or inside it, shadow trees of hosts inside it included. */
export function containsComposed(root: Node, node: Node): boolean {
  if (root.contains(node)) return true;
  for (let el: Node | null = node; el; el = composedParent(el)) if (el === root) return true;
  return false;
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


function isTextLike(node: Node): boolean {
  return node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;
}

// Whitespace that HTML collapses; U+00A0 is not among it (it shows as a space and stays).
const BLANK = /^[ \t\n\f\r]*$/;
function isBlank(data: string): boolean {
  return BLANK.test(data);
}
