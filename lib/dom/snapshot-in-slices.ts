/**
 * The whole text of a part of a document, read a piece at a time with a pause between
 * pieces, so reading a very large page never holds the page's main thread for long
 * (a save on a page of 20,000 paragraphs must add no task over 50 ms). The pieces are
 * joined into the one snapshot `takeSnapshot` would have made of the same DOM.
 */
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
 * Joins the pieces of one reader into one snapshot. A reader ends a piece only where a
 * block break would come, and leaves that break out of both pieces: it is put back
 * between two pieces that hold text, exactly where one reading would have put it.
 */
export function joinPieces(pieces: readonly TextSnapshot[], blockBreak = BLOCK_BREAK): TextSnapshot {
  const joined: TextSnapshot = { text: '', root: pieces[0]?.root ?? null, nodes: [], starts: [], ends: [], breaks: [], blocks: [], nestedBlocks: [] };
  const parts: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    if (piece.text.length > 0) {
      if (length > 0) {
        joined.breaks.push(length);
        parts.push(blockBreak);
        length += 1;
      }
      for (let i = 0; i < piece.nodes.length; i++) {
        joined.nodes.push(piece.nodes[i]!);
        joined.starts.push(piece.starts[i]! + length);
        joined.ends.push(piece.ends[i]! + length);
      }
      for (const at of piece.breaks) joined.breaks.push(at + length);
      parts.push(piece.text);
      length += piece.text.length;
    }
    for (const block of piece.blocks) joined.blocks.push(block);
    for (const block of piece.nestedBlocks) joined.nestedBlocks.push(block);
  }
  joined.text = parts.join('');
  return joined;
}

/**
 * `takeSnapshot(root, options)`, read in slices of about `sliceMs` with a pause between
 * them. The page may change during a pause: the caller checks what it relies on (a
 * node still connected, a quote still the same) before it trusts an offset.
 */
export async function takeSnapshotInSlices(root: Node, options: Omit<SnapshotOptions, 'shallow'>, slices: SliceOptions): Promise<TextSnapshot> {
  const sliceMs = slices.sliceMs ?? 8;
  const pieceChars = slices.pieceChars ?? 20_000;
  const reader = readSnapshots(root, options);
  const pieces: TextSnapshot[] = [];
  let sliceStart = slices.now();
  for (let piece = reader.next(pieceChars); piece; piece = reader.next(pieceChars)) {
    pieces.push(piece);
    if (slices.now() - sliceStart >= sliceMs) {
      await slices.pause();
      sliceStart = slices.now();
    }
  }
  return joinPieces(pieces, options.blockBreak ?? BLOCK_BREAK);
}
