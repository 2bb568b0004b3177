import { lastBlockOf } from '@/lib/detect';
import { blockTextBefore, composedParent, DETECTION_READING, nodeIndexAt, ownerBlockAt, readSnapshots, type SnapshotReader, type TextSnapshot } from '@/lib/dom';
import type { Mention } from '@/lib/types';
import type { MentionRegistry } from './registry';
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
  /** Time between our slices, when the page (rendering, its own scripts) had the thread (ms). */
  yieldedMs: number;
  /** Time waited before the first slice for the page's next rendering (Slicer.afterRendering), not in the run's own time (ms). */
  renderWaitMs: number;
  /** Where the time went: reading the DOM, detecting, and checking and painting marks (ms). */
  readMs: number;
  detectMs: number;
  markMs: number;
}

export interface PageScannerOptions {
  registry: MentionRegistry;
  /** Detection of a piece; `before` is the text of the block before it (context for ambiguous words). */
  detect: (text: string, before: string) => Mention[];
  /**
   * Whether the element holding a mention's text is rendered. Checked per mention
   * rather than per element read: a computed-style check of every element of a large
   * page costs more than all the rest of the scan, and only mentions need the answer.
   */
  isRendered: (el: Element) => boolean;
  /** Whether an element is hidden while reading (see SnapshotOptions.isHidden). */
  isHidden: (el: Element) => boolean;
  /** Elements to leave out with their content (our own UI). */
  skip: (el: Element) => boolean;
  slicer: Slicer;
  /** Each open shadow root read (see SnapshotOptions.onShadowRoot); shadow roots are read only when given. */
  onShadowRoot?: (root: ShadowRoot, host: Element) => void;
  /** Wraps painting, for a painter that changes the DOM (the observer must not see it). */
  paintQuietly: (paint: () => void) => void;
  /** True when painting changes the DOM: mentions are then painted last to first. */
  paintsIntoDom: boolean;
  onSettled: (run: ScanRun) => void;
  onError: (error: unknown) => void;
}

// Pieces of about this many characters: small enough to check the clock often, large
// enough that reading and matching dominate the cost per piece.
const PIECE_CHARS = 8_192;
// Between blocks, DETECTION_BLOCK_BREAK (the break filter below stays as a second
// guard); a <br> is a line break, which a wrapped Chinese name may span.
const READING = DETECTION_READING;
// On a long first scan, marks appear in steps this far apart rather than all at the end.
// Not more often: each change to the highlight registry makes Chromium invalidate the
// paint of the whole view, and on a long page that next frame's pre-paint walk of every
// box costs as much as a slice of ours or more (bench/page-profile.ts).
const COMMIT_EVERY_MS = 1_000;

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
  const { registry, detect, isRendered, isHidden, skip, slicer } = options;
  const queue: ScanJob[] = [];
  const known = new WeakSet<Element>();
  let running = false;

  function readPiece(piece: TextSnapshot, before: string, stats: ScanRun): void {
    for (const block of piece.blocks) {
      registry.clearBlock(block);
      known.add(block);
    }
    for (const nested of piece.nestedBlocks) {
      if (!known.has(nested)) queue.push({ kind: 'subtree', root: nested });
    }
    if (piece.text.length === 0) return;
    const t0 = slicer.now();
    const mentions = inOrder(detect(piece.text, before));
    const t1 = slicer.now();
    stats.detectMs += t1 - t0;
    const { breaks, nodes } = piece;
    const rendered = new Map<Element, boolean>();
    const isShown = (node: Text): boolean => {
      // Text straight inside a shadow root is rendered as its host is.
      const el = composedParent(node);
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
      const owner = ownerBlockAt(piece, i);
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
    if (options.paintsIntoDom) marks.reverse();
    if (marks.length > 0) {
      options.paintQuietly(() => {
        for (const m of marks) registry.add(m.owner, m.mention.entity, m.bounds);
      });
    }
    stats.markMs += slicer.now() - t1;
  }

  async function run(): Promise<void> {
    running = true;
    const stats: ScanRun = {
      startedAt: slicer.now(),
      endedAt: 0,
      slices: 1,
      longestSliceMs: 0,
      characters: 0,
      yieldedMs: 0,
      renderWaitMs: 0,
      readMs: 0,
      detectMs: 0,
      markMs: 0,
    };
    let reader: SnapshotReader | null = null;
    let before = '';
    try {
      // Start in a task of our own, not in the middle of whatever queued the job, and
      // after the page's next rendering: the visibility checks then read computed style
      // instead of computing it (the page's first style of a long page, whatever the page
      // or its changes left dirty) inside our slice.
      const waitFrom = slicer.now();
      await slicer.yield();
      await slicer.afterRendering();
      if (slicer.stopped()) return;
      stats.startedAt = slicer.now();
      stats.renderWaitMs = stats.startedAt - waitFrom;
      let sliceStart = slicer.now();
      let lastCommit = sliceStart;
      while (reader || queue.length > 0) {
        if (slicer.stopped()) return;
        if (!reader) {
          const job = queue.shift()!;
          if (job.kind === 'forget') {
            registry.clearWithin(job.root);
            continue;
          }
          if (!job.root.isConnected) continue;
          const reading = { isHidden, skip, onShadowRoot: options.onShadowRoot, ...READING };
          reader = readSnapshots(job.root, { shallow: job.kind === 'block', ...reading });
          before = blockTextBefore(job.root, reading);
        }
        const readStart = slicer.now();
        const piece = reader.next(PIECE_CHARS);
        stats.readMs += slicer.now() - readStart;
        if (!piece) {
          reader = null;
          continue;
        }
        stats.characters += piece.text.length;
        try {
          readPiece(piece, before, stats);
          before = lastBlockOf(piece.text) || before;
        } catch (error) {
          // One bad piece (a detector error on odd text) costs that job, not the page.
          options.onError(error);
          reader = null;
        }
        const spent = slicer.now() - sliceStart;
        if (spent >= slicer.budgetMs) {
          // A long run shows what it found so far now and then, not at every slice.
          if (slicer.now() - lastCommit >= COMMIT_EVERY_MS) {
            registry.commit();
            lastCommit = slicer.now();
          }
          stats.longestSliceMs = Math.max(stats.longestSliceMs, slicer.now() - sliceStart);
          const yieldedAt = slicer.now();
          await slicer.yield();
          stats.slices += 1;
          sliceStart = slicer.now();
          stats.yieldedMs += sliceStart - yieldedAt;
        }
      }
      registry.commit();
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
