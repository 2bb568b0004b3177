import { composedParent, isBlockElement, isHiddenByMarkup, isNonTextElement } from '@/lib/dom';
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
  /** Whether an element is rendered (computed style): class and style changes matter only when this flips. */
  isRendered?: (el: Element) => boolean;
  /**
   * Resolves after the page's next rendering (Slicer.afterRendering): a batch with class or
   * style changes is weighed then, so the checks read the style the page changed rather
   * than compute it (a class on <body> restyles the whole page) in our task.
   */
  afterRendering?: () => Promise<void>;
}

export interface MutationWatch {
  start(): void;
  stop(): void;
  /** Runs `fn` with the observer paused, dropping what it records (our own DOM changes). */
  quietly(fn: () => void): void;
  /**
   * Watches an open shadow root too (found while reading): changes inside it are read like
   * the document's. One observer serves the document and every root (each observed as a
   * target of its own), so one batch covers a change that spans both.
   */
  observe(root: ShadowRoot): void;
}

// The first batch waits this long; while the page keeps changing, each next wait doubles
// up to BASE_MS * 2^MAX_STEPS (800 ms), so a page that mutates every millisecond costs us
// a few rescans a second, and the badge still follows within about a second.
const BASE_MS = 100;
const MAX_STEPS = 3;
// A page is quiet again once no batch was needed for this long.
const QUIET_MS = 1_000;
// A class or style change is checked against the element and at most this many children
// ("read more", accordions, tabs show or hide the element itself or its panels).
const CHILDREN_CHECKED = 64;
// Class and style changes looked at per batch; a page restyling more at once is read
// again whole, later, instead of checked element by element.
const RESTYLED_PER_BATCH = 200;

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
  const restyled = new Set<Element>();
  /** What was shown of each restyled element when last looked at ('1' shown, '0' not: itself, then its children). */
  const shown = new WeakMap<Element, string>();
  const rendered = options.isRendered ?? (() => true);
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
      } else if (r.type === 'attributes') {
        if (r.attributeName === 'class' || r.attributeName === 'style') restyled.add(r.target as Element);
        else toggled.add(r.target as Element);
      }
    }
    if (scheduled) return;
    scheduled = true;
    steps = options.now() - lastFlushAt < QUIET_MS ? Math.min(steps + 1, MAX_STEPS) : 0;
    options.setTimer(() => {
      if (restyled.size > 0 && options.afterRendering) void options.afterRendering().then(flush);
      else flush();
    }, BASE_MS * 2 ** steps);
  }

  /**
   * The block whose own text `node` is part of, or null when it is not read at all
   * (inside a script, a form field, something hidden by markup, our UI, or outside <body>).
   */
  function readableOwner(node: Node): Element | null {
    let owner: Element | null = null;
    // Up through shadow roots to their hosts: a shadow tree is read as part of its host's block.
    let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : composedParent(node);
    for (; el; el = composedParent(el)) {
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
    // Class and style change all the time on many pages (animations, hover states):
    // only an element whose own or children's rendering flipped is read again.
    let checked = 0;
    for (const el of restyled) {
      // Its parent must be read at all (an element hidden by its own inline style still counts: it may have just been hidden).
      const parent = composedParent(el);
      if (!el.isConnected || !parent || skip(el) || readableOwner(parent) === null) continue;
      if (++checked > RESTYLED_PER_BATCH) break;
      let now = rendered(el) ? '1' : '0';
      if (el.childElementCount <= CHILDREN_CHECKED) for (const child of el.children) now += rendered(child) ? '1' : '0';
      const before = shown.get(el);
      shown.set(el, now);
      if (before !== now) toggled.add(el);
    }
    restyled.clear();
    for (const el of toggled) {
      if (!el.isConnected) continue;
      // Shown or hidden: its old marks go, and what is readable now is read again.
      forget.push(el);
      if (readableOwner(el) === null) continue;
      if (isBlockElement(el)) subtrees.add(el);
      const parent = composedParent(el);
      const around = parent ? readableOwner(parent) : null;
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
      for (let a = fromSelf ? el : composedParent(el); a; a = composedParent(a)) if (subtrees.has(a)) return true;
      return false;
    };
    for (const el of forget) options.enqueue({ kind: 'forget', root: el });
    for (const el of subtrees) if (!covered(el, false)) options.enqueue({ kind: 'subtree', root: el });
    for (const el of blocks) if (!covered(el, true)) options.enqueue({ kind: 'block', root: el });
  }

  const watching: MutationObserverInit = {
    childList: true,
    characterData: true,
    subtree: true,
    attributes: true,
    // What shows or hides content: the attributes that do it by themselves, and class
    // and style, which flush() weighs by whether rendering actually changed.
    attributeFilter: ['hidden', 'open', 'class', 'style'],
  };
  /** The shadow roots watched, so a restart watches them again; a root whose host left is dropped then. */
  const roots = new Set<ShadowRoot>();
  let running = false;

  return {
    start() {
      running = true;
      observer.observe(doc, watching);
      for (const root of roots) {
        if (root.host.isConnected) observer.observe(root, watching);
        else roots.delete(root);
      }
    },
    observe(root) {
      if (roots.has(root)) return;
      roots.add(root);
      if (running) observer.observe(root, watching);
    },
    stop() {
      running = false;
      observer.disconnect();
      touched.clear();
      added.clear();
      toggled.clear();
      restyled.clear();
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
