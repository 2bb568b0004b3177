import { nodeIndexAt, readSnapshots, type SnapshotReader, type TextSnapshot } from '@/lib/dom';
import type { Mention } from '@/lib/types';
import type { MentionRegistry } from './mention-registry';
import type { Slicer } from './slicer';

/**
 * One piece of scanning work. `block`: read a block's own text (its nested blocks are
 * their own units). `subtree`: read an element with everything in it (new content).
 * `forget`: drop the marks of an element and everything in it (it was hidden).
 */
export type ScanJob =
  | { kind: 'block'; root: Element }
  | { kind: 'subtree'; root: Element }
  | { kind: 'forget'; root: Element };

/** How one run of scanning went, from the first job to an empty queue. */
export interface ScanRun {
  startedAt: number;
  endedAt: number;
  /** Time slices the run was cut into (the page ran between them). */
  slices: number;
  /** The longest slice, in ms: our longest task. */
  longestSliceMs: number;
  characters: number;
}

export interface PageScannerOptions {
  registry: MentionRegistry;
  detect: (text: string) => Mention[];
  /**
   * Whether the element holding a mention's text is rendered. Checked per mention
   * rather than per element read: a computed-style check of every element of a large
   * page costs more than all the rest of the scan, and only mentions need the answer.
   */
  isRendered: (el: Element) => boolean;
  /** Elements to leave out with their content (our own UI). */
  skip: (el: Element) => boolean;
  slicer: Slicer;
  /** Wraps painting, for a painter that changes the DOM (the observer must not see it). */
  paintQuietly: (paint: () => void) => void;
  /** True when painting changes the DOM: mentions are then painted last to first. */
  paintsIntoDom: boolean;
  onSettled: (run: ScanRun) => void;
  onError: (error: unknown) => void;
}

// Pieces of about this many characters: small enough to check the clock often, large
// enough that reading and matching dominate the cost per piece.
const PIECE_CHARS = 16_384;

export interface PageScanner {
  enqueue(job: ScanJob): void;
  /** Whether a block was read before (its content is known to the registry). */
  isKnown(block: Element): boolean;
}

interface PendingMark {
  owner: Element;
  mention: Mention;
  bounds: { startContainer: Text; startOffset: number; endContainer: Text; endOffset: number };
}

export function createPageScanner(options: PageScannerOptions): PageScanner {
  const { registry, detect, isRendered, skip, slicer } = options;
  const queue: ScanJob[] = [];
  const known = new WeakSet<Element>();
  let running = false;

  function readPiece(piece: TextSnapshot): void {
    for (const block of piece.blocks) {
      registry.clearBlock(block);
      known.add(block);
    }
    for (const nested of piece.nestedBlocks) {
      if (!known.has(nested)) queue.push({ kind: 'subtree', root: nested });
    }
    if (piece.text.length === 0) return;
    const mentions = inOrder(detect(piece.text));
    const { breaks, nodes, owners } = piece;
    const rendered = new Map<Element, boolean>();
    const isShown = (node: Text): boolean => {
      const el = node.parentElement;
      if (!el) return false;
      let seen = rendered.get(el);
      if (seen === undefined) rendered.set(el, (seen = isRendered(el)));
      return seen;
    };
    const marks: PendingMark[] = [];
    let b = 0;
    for (const mention of mentions) {
      // A mention never runs across a block boundary, whatever the detector allows.
      while (b < breaks.length && breaks[b]! < mention.start) b++;
      if (b < breaks.length && breaks[b]! < mention.end) continue;
      const i = nodeIndexAt(piece, mention.start, 'start');
      const j = nodeIndexAt(piece, mention.end, 'end');
      if (i < 0 || j < i) continue;
      const first = nodes[i]!;
      const last = nodes[j]!;
      if (!isShown(first) || (last !== first && !isShown(last))) continue;
      const owner = owners[i];
      if (!owner) continue;
      marks.push({
        owner,
        mention,
        bounds: {
          startContainer: first,
          startOffset: mention.start - piece.starts[i]!,
          endContainer: last,
          endOffset: mention.end - piece.starts[j]!,
        },
      });
    }
    if (marks.length === 0) return;
    if (options.paintsIntoDom) marks.reverse();
    options.paintQuietly(() => {
      for (const m of marks) registry.add(m.owner, m.mention.entity, m.bounds);
    });
  }

  async function run(): Promise<void> {
    running = true;
    const stats: ScanRun = { startedAt: slicer.now(), endedAt: 0, slices: 1, longestSliceMs: 0, characters: 0 };
    let reader: SnapshotReader | null = null;
    try {
      let sliceStart = slicer.now();
      while (reader || queue.length > 0) {
        if (slicer.stopped()) return;
        if (!reader) {
          const job = queue.shift()!;
          if (job.kind === 'forget') {
            registry.clearWithin(job.root);
            continue;
          }
          if (!job.root.isConnected) continue;
          reader = readSnapshots(job.root, { shallow: job.kind === 'block', skip });
        }
        const piece = reader.next(PIECE_CHARS);
        if (!piece) {
          reader = null;
          continue;
        }
        stats.characters += piece.text.length;
        try {
          readPiece(piece);
        } catch (error) {
          // One bad piece (a detector error on odd text) costs that job, not the page.
          options.onError(error);
          reader = null;
        }
        const spent = slicer.now() - sliceStart;
        if (spent >= slicer.budgetMs) {
          stats.longestSliceMs = Math.max(stats.longestSliceMs, spent);
          await slicer.yield();
          stats.slices += 1;
          sliceStart = slicer.now();
        }
      }
      stats.endedAt = slicer.now();
      stats.longestSliceMs = Math.max(stats.longestSliceMs, stats.endedAt - sliceStart);
      options.onSettled(stats);
    } finally {
      running = false;
    }
  }

  return {
    enqueue(job) {
      queue.push(job);
      if (!running) void run();
    },
    isKnown: (block) => known.has(block),
  };
}

/** Mentions by start offset (the detector gives them so; this only makes sure). */
function inOrder(mentions: Mention[]): Mention[] {
  for (let k = 1; k < mentions.length; k++) {
    if (mentions[k]!.start < mentions[k - 1]!.start) return [...mentions].sort((x, y) => x.start - y.start);
  }
  return mentions;
}
