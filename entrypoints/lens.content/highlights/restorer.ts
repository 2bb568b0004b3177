import { anchor } from '../../../lib/anchor';
import { rangeOf } from '../../../lib/dom';
import type { Highlight } from '../../../lib/types';
import type { MovedPassage } from '../../../lib/highlight-service/types';
import { pageSnapshot } from './page-text';
import type { HighlightPainter } from './highlight-painter';
import { isForeignUi } from '../page/foreign-ui';

/** What re-anchoring learnt that the store does not know yet. */
export interface AnchorReport {
  /** Stored as orphaned, found again. */
  found: string[];
  /** Stored as anchored, not found after the page settled. */
  orphaned: string[];
  /**
   * Found at other text than the quote (the page's words changed under it), or back at
   * the quote while marked changed: the background compares the figures (lib/facts
   * anchoredAt). Each text once per page load.
   */
  moved: MovedPassage[];
}

export interface RestorerOptions {
  doc: Document;
  painter: HighlightPainter;
  /** Tells the background; called only with changes. */
  report: (report: AnchorReport) => void;
  /** Time between the page's load and the moment a missing passage counts as orphaned. */
  settleMs?: number;
  /** Quiet time after a mutation before anything is checked. */
  debounceMs?: number;
  /** Upper bound on the wait while mutations keep coming (a ticker, a live blog). */
  maxWaitMs?: number;
  now?: () => number;
}

interface Tracked {
  highlight: Highlight;
  /** The text last reported as where the passage now is, so a text is reported once. */
  reportedText?: string;
  /** Whitespace-free text of the painted range when it was painted: a cheap "still intact?" check. */
  paintedText?: string;
}

// Late article bodies and client-side rendering: a passage missing at first may yet come.
const DEFAULT_SETTLE_MS = 3000;
const DEFAULT_DEBOUNCE_MS = 250;
const DEFAULT_MAX_WAIT_MS = 1500;
// Anchoring yields to the page after this much work, so no long task blocks input.
const SLICE_MS = 30;

const squeeze = (text: string): string => text.replace(/\s+/g, '');

/**
 * Keeps the page's saved highlights painted while the page changes. On a change it
 * only looks again at passages whose painted range no longer holds the same text, or
 * that were not found yet; intact ones are left alone, so a mutation never repaints
 * everything. A passage that is still missing once the page has settled is reported
 * as orphaned (never painted somewhere else); found again later, it is reported found.
 */
export class Restorer {
  private readonly tracked = new Map<string, Tracked>();
  private readonly options: Required<RestorerOptions>;
  private readonly startedAt: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstPendingAt: number | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private disposed = false;
  /** Watches the page only while it has highlights: a page without any pays nothing. */
  private readonly observer: MutationObserver;
  private watching = false;

  constructor(options: RestorerOptions) {
    this.options = {
      doc: options.doc,
      painter: options.painter,
      report: options.report,
      // `?? default`, not a spread: an option passed as undefined must not erase its default.
      settleMs: options.settleMs ?? DEFAULT_SETTLE_MS,
      debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
      maxWaitMs: options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS,
      now: options.now ?? (() => performance.now()),
    };
    this.startedAt = this.options.now();
    this.observer = new MutationObserver((records) => {
      // Our own UI host coming and going is not the page changing.
      if (records.every((r) => isOurs(r.target) || [...r.addedNodes, ...r.removedNodes].every(isOurs))) return;
      this.pageChanged();
    });
  }

  private syncWatch(): void {
    const want = !this.disposed && this.tracked.size > 0;
    if (want === this.watching) return;
    this.watching = want;
    if (want) {
      this.observer.observe(this.options.doc.documentElement, { childList: true, subtree: true, characterData: true });
    } else {
      this.observer.disconnect();
    }
  }

  /** Replaces the page's highlights (first load, SPA navigation) and anchors them. */
  reset(highlights: Highlight[]): Promise<void> {
    this.options.painter.eraseAll();
    this.tracked.clear();
    for (const highlight of highlights) this.tracked.set(highlight.id, { highlight });
    this.syncWatch();
    return this.checkNow();
  }

  /** A highlight just made on the page, already anchored where the user selected it. */
  addPainted(highlight: Highlight, range: Range): void {
    this.tracked.set(highlight.id, { highlight, paintedText: squeeze(range.toString()) });
    this.options.painter.paint(highlight.id, range, highlight.color);
    this.syncWatch();
  }

  /** A highlight put back (undo): anchored again like a stored one. */
  add(highlight: Highlight): Promise<void> {
    this.tracked.set(highlight.id, { highlight });
    this.syncWatch();
    return this.checkNow();
  }

  update(highlight: Highlight): void {
    const tracked = this.tracked.get(highlight.id);
    if (!tracked) return;
    tracked.highlight = highlight;
    this.options.painter.recolor(highlight.id, highlight.color);
  }

  /**
   * The page's highlights as the store now has them, after a change made elsewhere (the
   * popup, the library, another tab): only what differs is erased, recoloured or
   * anchored; untouched highlights keep their paint.
   */
  sync(highlights: readonly Highlight[]): Promise<void> {
    const stored = new Map(highlights.map((h) => [h.id, h]));
    for (const id of [...this.tracked.keys()]) if (!stored.has(id)) this.remove(id);
    let added = false;
    for (const highlight of highlights) {
      const tracked = this.tracked.get(highlight.id);
      if (!tracked) {
        this.tracked.set(highlight.id, { highlight });
        added = true;
      } else if (tracked.highlight.color !== highlight.color) this.update(highlight);
      else tracked.highlight = highlight;
    }
    this.syncWatch();
    return added ? this.checkNow() : Promise.resolve();
  }

  remove(id: string): void {
    this.tracked.delete(id);
    this.options.painter.erase(id);
    this.syncWatch();
  }

  get(id: string): Highlight | undefined {
    return this.tracked.get(id)?.highlight;
  }

  get size(): number {
    return this.tracked.size;
  }

  /** The page changed: look again soon, once it has been quiet for a moment. */
  pageChanged(): void {
    if (this.disposed || this.tracked.size === 0) return;
    const now = this.options.now();
    this.firstPendingAt ??= now;
    const waited = now - this.firstPendingAt;
    const delay = Math.max(0, Math.min(this.options.debounceMs, this.options.maxWaitMs - waited));
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.checkNow(), delay);
  }

  /** Anchors what needs it now; concurrent calls coalesce into one more run. */
  checkNow(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.firstPendingAt = undefined;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.again && !this.disposed) {
        this.again = false;
        void this.checkNow();
      }
    });
    return this.running;
  }

  dispose(): void {
    this.disposed = true;
    this.syncWatch();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.options.painter.eraseAll();
    this.tracked.clear();
  }

  private intact(id: string, tracked: Tracked): boolean {
    const range = this.options.painter.rangeOf(id);
    return range !== undefined && !range.collapsed && tracked.paintedText === squeeze(range.toString());
  }

  private async run(): Promise<void> {
    const { doc, painter, now } = this.options;
    const pending = [...this.tracked].filter(([id, t]) => !this.intact(id, t));
    if (pending.length === 0) return;

    const snapshot = pageSnapshot(doc);
    const missing: string[] = [];
    const found: string[] = [];
    const moved: MovedPassage[] = [];
    let sliceStart = now();
    for (const [id, tracked] of pending) {
      if (now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        if (this.disposed) return;
        sliceStart = now();
      }
      // Removed (deleted, navigated away) while we yielded.
      if (this.tracked.get(id) !== tracked) continue;
      const where = anchor(snapshot.text, tracked.highlight.selectors);
      const range = where && where.end > where.start ? rangeOf(snapshot, where.start, where.end, doc) : null;
      // The snapshot may be stale after a yield: a range into removed nodes is no place.
      if (range && !range.collapsed && range.startContainer.isConnected) {
        tracked.paintedText = squeeze(range.toString());
        painter.paint(id, range, tracked.highlight.color);
        if (tracked.highlight.orphaned) found.push(id);
        const text = movedText(tracked, where?.method === 'fuzzy' ? snapshot.text.slice(where.start, where.end) : undefined);
        if (text !== undefined) {
          tracked.reportedText = text;
          moved.push({ id, text });
        }
      } else {
        painter.erase(id);
        tracked.paintedText = undefined;
        if (!tracked.highlight.orphaned) missing.push(id);
      }
    }

    const settled = doc.readyState === 'complete' && now() - this.startedAt >= this.options.settleMs;
    if (missing.length > 0 && !settled) {
      // Too early to call them orphans: look again when the page should have settled.
      const wait = Math.max(this.options.debounceMs, this.options.settleMs - (now() - this.startedAt));
      this.timer = setTimeout(() => void this.checkNow(), wait);
    }
    const orphaned = settled ? missing : [];
    for (const id of found) this.setOrphaned(id, false);
    for (const id of orphaned) this.setOrphaned(id, true);
    if (found.length > 0 || orphaned.length > 0 || moved.length > 0) this.options.report({ found, orphaned, moved });
  }

  private setOrphaned(id: string, orphaned: boolean): void {
    const tracked = this.tracked.get(id);
    if (tracked) tracked.highlight = { ...tracked.highlight, orphaned };
  }
}

/**
 * What to tell the background of where a passage was found: the text found by
 * approximate matching (`approximate`) when it differs from the quote and from what
 * the highlight is marked with already; the quote itself when the passage is back at
 * its words while marked changed; nothing otherwise (no message on a normal visit).
 */
export function movedText(tracked: Pick<Tracked, 'highlight' | 'reportedText'>, approximate: string | undefined): string | undefined {
  const { quote, changed } = tracked.highlight;
  const text = approximate ?? quote;
  if (text === tracked.reportedText) return undefined;
  if (text === quote) return changed ? quote : undefined;
  return changed?.text === text ? undefined : text;
}

function isOurs(node: Node): boolean {
  return node instanceof Element && isForeignUi(node);
}

function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
