/**
 * The whole text of a part of a document, read a piece at a time with a pause between
 * pieces, so reading a very large page never holds the page's main thread for long
 * (a save on a page of 20,000 paragraphs must add no task over 50 ms). The pieces are
 * joined into the one snapshot `takeSnapshot` would have made of the same DOM.
 */
import { rememberNodeIndex } from './offsets';
import { BLOCK_BREAK, readSnapshots, type SnapshotOptions, type TextSnapshot } from './text-snapshot';

export interface SliceOptions {
  /** Resolves when the page has had its turn (a macrotask later, or in idle time). */
  pause: () => Promise<void>;
  /** A clock in milliseconds (`performance.now`). */
  now: () => number;
  /** Read for at most about this long before pausing. */
  sliceMs?: number;
  /** Characters per piece: small enough that one piece stays well under the slice. */
  pieceChars?: number;
}

/**
 * Joins the pieces of one reader into one snapshot, a piece at a time as they are read.
 * A reader ends a piece only where a block break would come, and leaves that break out
 * of both pieces: it is put back between two pieces that hold text, exactly where one
 * reading would have put it. Adding a piece costs that piece's size, so a reader that
 * pauses between pieces also spreads the joining over its slices (joined at the end in
 * one pass, a page of 20,000 paragraphs held the page for 120–170 ms).
 */
export class PieceJoiner {
  private readonly joined: TextSnapshot = { text: '', root: null, nodes: [], starts: [], ends: [], breaks: [], blocks: [], nestedBlocks: [] };
  private readonly parts: string[] = [];
  /** Each node's place in `nodes`, built as pieces come (see offsets' rememberNodeIndex). */
  private readonly index = new Map<Text, number>();
  /** `partStarts[i]`: where `parts[i]` begins in the joined text. */
  private readonly partStarts: number[] = [];
  private length = 0;
  private first = true;

  constructor(private readonly blockBreak = BLOCK_BREAK) {}

  add(piece: TextSnapshot): void {
    const { joined } = this;
    if (this.first) {
      joined.root = piece.root;
      this.first = false;
    }
    if (piece.text.length > 0) {
      if (this.length > 0) {
        joined.breaks.push(this.length);
        this.partStarts.push(this.length);
        this.parts.push(this.blockBreak);
        this.length += 1;
      }
      const at = this.length;
      for (let i = 0; i < piece.nodes.length; i++) {
        this.index.set(piece.nodes[i]!, joined.nodes.length);
        joined.nodes.push(piece.nodes[i]!);
        joined.starts.push(piece.starts[i]! + at);
        joined.ends.push(piece.ends[i]! + at);
      }
      for (const offset of piece.breaks) joined.breaks.push(offset + at);
      this.partStarts.push(this.length);
      this.parts.push(piece.text);
      this.length += piece.text.length;
    }
    for (const block of piece.blocks) joined.blocks.push(block);
    for (const block of piece.nestedBlocks) joined.nestedBlocks.push(block);
  }

  /** The snapshot of every piece added (the text is joined once, here). */
  finish(): TextSnapshot {
    this.joined.text = this.parts.join('');
    rememberNodeIndex(this.joined, this.index);
    return this.joined;
  }

  /** The same snapshot with its text left in pieces: nothing the size of the page is copied. */
  finishPieced(): PiecedSnapshot {
    const snapshot = { ...this.joined, text: new PiecedText(this.parts, this.partStarts, this.length) };
    rememberNodeIndex(snapshot, this.index);
    return snapshot;
  }
}

/**
 * A page's text kept as the pieces it was read in. Joining the text of a page of
 * 20,000 paragraphs (3.4 M characters) is one copy of 7 MB, a task of 90–170 ms on
 * our test machines; a save needs a few hundred characters around the passage and the
 * article (capped), so it slices what it needs instead.
 */
export class PiecedText {
  constructor(
    private readonly parts: readonly string[],
    private readonly starts: readonly number[],
    readonly length: number,
  ) {}

  /** `text.slice(start, end)` of the joined text, bounds clamped to it; an empty or reversed span gives ''. */
  slice(start: number, end: number = this.length): string {
    const from = Math.max(0, start);
    const to = Math.min(this.length, end);
    if (to <= from) return '';
    let i = this.partAt(from);
    const out: string[] = [];
    for (let at = from; at < to && i < this.parts.length; i++) {
      const partStart = this.starts[i]!;
      const part = this.parts[i]!;
      out.push(part.slice(at - partStart, to - partStart));
      at = partStart + part.length;
    }
    return out.join('');
  }

  /** The character at `offset` ('' outside the text), like String#charAt. */
  charAt(offset: number): string {
    return this.slice(offset, offset + 1);
  }

  /** The index of the part holding `offset`. */
  private partAt(offset: number): number {
    let lo = 0;
    let hi = this.parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** A snapshot read in slices: a TextSnapshot whose text stays in its pieces. */
export type PiecedSnapshot = Omit<TextSnapshot, 'text'> & { text: PiecedText };

/** Joins the pieces of one reader into one snapshot (see PieceJoiner). */
export function joinPieces(pieces: readonly TextSnapshot[], blockBreak = BLOCK_BREAK): TextSnapshot {
  const joiner = new PieceJoiner(blockBreak);
  for (const piece of pieces) joiner.add(piece);
  return joiner.finish();
}

/**
 * `takeSnapshot(root, options)`, read in slices of about `sliceMs` with a pause between
 * them. The page may change during a pause: the caller checks what it relies on (a
 * node still connected, a quote still the same) before it trusts an offset.
 */
export async function takeSnapshotInSlices(root: Node, options: Omit<SnapshotOptions, 'shallow'>, slices: SliceOptions): Promise<TextSnapshot> {
  return (await readInSlices(root, options, slices)).finish();
}

/** `takeSnapshotInSlices` with the text left in pieces (PiecedText): for a very large page. */
export async function takePiecedSnapshotInSlices(root: Node, options: Omit<SnapshotOptions, 'shallow'>, slices: SliceOptions): Promise<PiecedSnapshot> {
  return (await readInSlices(root, options, slices)).finishPieced();
}

async function readInSlices(root: Node, options: Omit<SnapshotOptions, 'shallow'>, slices: SliceOptions): Promise<PieceJoiner> {
  const sliceMs = slices.sliceMs ?? 8;
  const pieceChars = slices.pieceChars ?? 20_000;
  const reader = readSnapshots(root, options);
  // Each piece joins as it comes, so no piece's arrays are held until the end.
  const joiner = new PieceJoiner(options.blockBreak ?? BLOCK_BREAK);
  let sliceStart = slices.now();
  for (let piece = reader.next(pieceChars); piece; piece = reader.next(pieceChars)) {
    joiner.add(piece);
    if (slices.now() - sliceStart >= sliceMs) {
      await slices.pause();
      sliceStart = slices.now();
    }
  }
  return joiner;
}
