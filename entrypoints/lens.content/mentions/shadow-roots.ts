import { composedParent, isBlockElement } from '@/lib/dom';

export interface ShadowRootsOptions {
  doc: Document;
  /** Watches a root for changes (the mutation watch's `observe`). */
  watch: (root: ShadowRoot) => void;
  /** Gives a root our `::highlight()` rules (the page sheet's `adoptInto`). */
  style: (root: ShadowRoot) => void;
  /** Reads a block again (its own text, shadow trees of hosts in it included). */
  rescan: (block: Element) => void;
  /** Runs `fn` after `ms`, when the page is idle (stops with the content script). */
  whenIdle: (fn: () => void, ms: number) => void;
}

export interface ShadowRoots {
  /** A root the reader entered: watched and styled, once. */
  found(root: ShadowRoot): void;
  /** A scan ended: hosts that may still get a root are looked at again later, when idle. */
  settled(): void;
}

// Custom elements not yet defined are the hosts a root usually comes to later (their
// definition loads after the page): at most this many are remembered at once ...
const MAX_WAITING = 500;
// ... and looked at again this long after a scan, then after each wait doubled, this many
// times (about half a minute in all); any change of the page starts the looking again.
const FIRST_LOOK_MS = 500;
const LOOKS = 6;

/**
 * The open shadow roots of the page. A root is found when the reader meets its host:
 * in the first scan, in content added later (a custom element defined before it is
 * added gets its root as it connects, before the mutation is delivered), or when a block
 * is read again. A root attached later to an element already read makes no mutation the
 * page's observers see; for the common case, a custom element upgraded once its
 * definition loads, the undefined ones are remembered and looked at again in idle
 * time, a few times with growing waits: never a busy poll. (A root attached by script to
 * an already-read element of another kind is found when something around it changes.)
 */
export function createShadowRoots(options: ShadowRootsOptions): ShadowRoots {
  const known = new WeakSet<ShadowRoot>();
  let waiting: Element[] = [];
  const roots: ShadowRoot[] = [];
  let generation = 0;

  function look(gen: number, step: number): void {
    if (gen !== generation) return; // a newer scan started its own looking
    const still: Element[] = [];
    for (const host of waiting) {
      if (!host.isConnected) continue;
      const root = host.shadowRoot;
      if (root && !known.has(root)) {
        const block = blockAround(host, options.doc);
        if (block) options.rescan(block);
      } else if (!root && host.matches(':not(:defined)')) still.push(host);
    }
    waiting = still;
    if (waiting.length > 0 && step + 1 < LOOKS) options.whenIdle(() => look(gen, step + 1), FIRST_LOOK_MS * 2 ** (step + 1));
  }

  return {
    found(root) {
      // Every time: the page may have replaced the root's adopted sheets since.
      options.style(root);
      if (known.has(root)) return;
      known.add(root);
      roots.push(root);
      options.watch(root);
    },
    settled() {
      const gen = ++generation;
      // Collected now, as the scan ends, not later: a definition that lands before a later
      // collection would upgrade its hosts unseen. One selector match, native and quick.
      // Hosts still waiting stay: one defined since (so no longer matched) has yet to be looked at.
      const seen = new Set(waiting);
      const scopes: Array<Document | ShadowRoot> = [options.doc, ...roots.filter((r) => r.host.isConnected)];
      for (const scope of scopes) {
        for (const el of scope.querySelectorAll(':not(:defined)')) {
          if (waiting.length >= MAX_WAITING) break;
          if (!seen.has(el)) waiting.push(el);
        }
      }
      if (waiting.length > 0) options.whenIdle(() => look(gen, 0), FIRST_LOOK_MS);
    },
  };
}

/** The block whose own text a host's shadow tree is read with: its nearest block, across shadow roots. */
function blockAround(host: Element, doc: Document): Element | null {
  for (let el: Element | null = host; el; el = composedParent(el)) if (isBlockElement(el) || el === doc.body) return el;
  return null;
}
