import { isBlockElement, isHiddenByMarkup, isNonTextElement } from '@/lib/dom';
import type { ScanJob } from './page-scanner';

export interface MutationWatchOptions {
  doc: Document;
  /** Elements to leave out with their content (our own UI). */
  skip: (el: Element) => boolean;
  enqueue: (job: ScanJob) => void;
  /** Forgets marks of blocks that left the document. */
  pruneDetached: () => void;
  /** Runs `fn` after `ms` (the content script context's timer, so it stops on invalidation). */
  setTimer: (fn: () => void, ms: number) => void;
  now: () => number;
}

export interface MutationWatch {
  start(): void;
  stop(): void;
  /** Runs `fn` with the observer paused, dropping what it records (our own DOM changes). */
  quietly(fn: () => void): void;
}

// The first batch waits this long; while the page keeps changing, each next wait doubles
// up to BASE_MS * 2^MAX_STEPS (800 ms), so a page that mutates every millisecond costs us
// a few rescans a second, and the badge still follows within about a second.
const BASE_MS = 100;
const MAX_STEPS = 3;
// A page is quiet again once no batch was needed for this long.
const QUIET_MS = 1_000;

/**
 * Watches the page for new, changed and removed content and turns a batch of DOM
 * changes into the smallest set of rescans: the block whose own text changed, and new
 * blocks with everything in them. Nothing is read while records come in, only when the
 * batch is flushed, so a node changed a thousand times is read once.
 */
export function createMutationWatch(options: MutationWatchOptions): MutationWatch {
  const { doc, skip } = options;
  const touched = new Set<Node>();
  const added = new Set<Node>();
  const toggled = new Set<Element>();
  let removedSome = false;
  let scheduled = false;
  let lastFlushAt = -Infinity;
  let steps = 0;

  const observer = new MutationObserver(collect);

  function collect(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'characterData') touched.add(r.target);
      else if (r.type === 'childList') {
        touched.add(r.target);
        for (const n of r.addedNodes) added.add(n);
        if (r.removedNodes.length > 0) removedSome = true;
      } else if (r.type === 'attributes') toggled.add(r.target as Element);
    }
    if (scheduled) return;
    scheduled = true;
    steps = options.now() - lastFlushAt < QUIET_MS ? Math.min(steps + 1, MAX_STEPS) : 0;
    options.setTimer(flush, BASE_MS * 2 ** steps);
  }

  /**
   * The block whose own text `node` is part of, or null when it is not read at all
   * (inside a script, a form field, something hidden by markup, our UI, or outside <body>).
   */
  function readableOwner(node: Node): Element | null {
    let owner: Element | null = null;
    let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    for (; el; el = el.parentElement) {
      if (el === doc.body) return owner ?? el;
      if (isNonTextElement(el) || isHiddenByMarkup(el) || skip(el)) return null;
      if (!owner && isBlockElement(el)) owner = el;
    }
    return null;
  }

  function flush(): void {
    scheduled = false;
    lastFlushAt = options.now();
    const subtrees = new Set<Element>();
    const blocks = new Set<Element>();
    const forget: Element[] = [];
    for (const n of added) {
      if (n.nodeType === Node.ELEMENT_NODE && n.isConnected && isBlockElement(n as Element) && readableOwner(n) === n) {
        subtrees.add(n as Element);
      }
    }
    for (const n of touched) {
      const owner = n.isConnected ? readableOwner(n) : null;
      if (owner) blocks.add(owner);
    }
    for (const el of toggled) {
      if (!el.isConnected) continue;
      // Shown or hidden: its old marks go, and what is readable now is read again.
      forget.push(el);
      if (readableOwner(el) === null) continue;
      if (isBlockElement(el)) subtrees.add(el);
      const around = el.parentElement ? readableOwner(el.parentElement) : null;
      if (around) blocks.add(around);
    }
    const pruned = removedSome;
    touched.clear();
    added.clear();
    toggled.clear();
    removedSome = false;
    if (pruned) options.pruneDetached();

    // A subtree read whole covers every block inside it.
    const covered = (el: Element, fromSelf: boolean): boolean => {
      for (let a = fromSelf ? el : el.parentElement; a; a = a.parentElement) if (subtrees.has(a)) return true;
      return false;
    };
    for (const el of forget) options.enqueue({ kind: 'forget', root: el });
    for (const el of subtrees) if (!covered(el, false)) options.enqueue({ kind: 'subtree', root: el });
    for (const el of blocks) if (!covered(el, true)) options.enqueue({ kind: 'block', root: el });
  }

  return {
    start() {
      observer.observe(doc, {
        childList: true,
        characterData: true,
        subtree: true,
        attributes: true,
        // Only the attributes that show or hide content by themselves; class and style
        // change far too often on many pages to reread content each time.
        attributeFilter: ['hidden', 'open'],
      });
    },
    stop() {
      observer.disconnect();
      touched.clear();
      added.clear();
      toggled.clear();
    },
    quietly(fn) {
      collect(observer.takeRecords());
      try {
        fn();
      } finally {
        observer.takeRecords();
      }
    },
  };
}
