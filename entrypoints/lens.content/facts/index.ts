import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compileMatcher, detect, type Matcher } from '@/lib/detect';
import { DETECTION_BLOCK_BREAK, rangeOf, readSnapshots, type SnapshotReader } from '@/lib/dom';
import { readPageMeta } from '@/lib/page-meta';
import { matcherOptionsOf, spottingRunsOn, type LensSettings } from '@/lib/settings';
import { findFactCandidates } from './candidates';
import { createFactButton } from './save-button';
import { hitTest, type Point } from '../page/hit-test';
import { isForeignUi } from '../page/foreign-ui';
import { followSettings } from '../page/follow-settings';
import { isRendered } from '../page/rendered';
import './fact-marks.css';

/** The CSS highlight the candidates are drawn in (mentions.css draws it). */
export const FACT_HIGHLIGHT = 'qinglang-fact';

/** Saves a range as a highlight; resolves true once it is saved (the highlights module paints it). */
export type SaveRange = (range: Range) => Promise<boolean>;

// Small pieces: the finder runs lib/facts on every block with a figure, and a slice must
// end well inside an idle period.
const PIECE_CHARS = 2_048;
const SLICE_MS = 8;
// After the page changes, wait for it to settle before reading it again.
const RESCAN_DELAY_MS = 1_500;
// Long enough to move from the sentence to its button.
const HIDE_DELAY_MS = 600;

interface Candidate {
  range: Range;
  text: string;
}

/**
 * Marks the sentences of the page that state campaign figures (lib/facts) with a quiet
 * dotted underline, and offers a "Save fact" button next to the one under the pointer,
 * which saves the sentence as a highlight. Works in idle time, a short slice at a time;
 * follows the same settings as the mention lens (sites, disabled entities).
 */
export function startFactCandidates(ctx: ContentScriptContext, save: SaveRange, doc: Document = document): void {
  const body = doc.body;
  if (!body || typeof CSS === 'undefined' || !CSS.highlights) return;
  const layer = new Highlight();
  // Under the mentions (0) and saved highlights (10): it only adds an underline.
  layer.priority = -1;
  CSS.highlights.set(FACT_HIGHLIGHT, layer);

  let matcher: Matcher | undefined;
  let matcherKey = '';
  let active = false;
  let candidates: Candidate[] = [];
  const savedTexts = new Set<string>();
  let generation = 0;
  let rescanTimer: number | undefined;

  const button = createFactButton(doc, {
    onSave: (candidate) => void saveCandidate(candidate as Candidate),
    onLeave: () => scheduleHide(),
    onEnter: () => cancelHide(),
  });

  function paint(next: Candidate[]): void {
    candidates = next.filter((c) => !savedTexts.has(c.text) && !insideSaved(c.range));
    layer.clear();
    for (const c of candidates) layer.add(c.range);
  }

  async function scan(): Promise<void> {
    const mine = ++generation;
    const found: Candidate[] = [];
    const articleDate = publishedDay(doc);
    const reader: SnapshotReader = readSnapshots(body!, {
      isHidden: (el) => Boolean((el as HTMLElement).hidden),
      skip: isForeignUi,
      blockBreak: DETECTION_BLOCK_BREAK,
    });
    let before = '';
    for (;;) {
      const deadline = await idle();
      if (mine !== generation || ctx.isInvalid || !matcher) return;
      const sliceStart = performance.now();
      // At least one piece per slice: an idle callback that ran on its timeout has no time left.
      do {
        const piece = reader.next(PIECE_CHARS);
        if (!piece) {
          paint(found);
          return;
        }
        const m = matcher;
        const finding = findFactCandidates(piece, { detect: (text) => detect(text, m), before, articleDate });
        before = finding.lastBlock;
        for (const fact of finding.candidates) {
          const range = rangeOf(piece, fact.start, fact.end, doc);
          const owner = range?.startContainer.parentElement;
          if (range && owner && isRendered(owner)) found.push({ range, text: fact.text });
        }
      } while (performance.now() - sliceStart < Math.min(SLICE_MS, deadline()));
    }
  }

  function rescanSoon(): void {
    if (rescanTimer !== undefined) clearTimeout(rescanTimer);
    rescanTimer = ctx.setTimeout(() => {
      rescanTimer = undefined;
      if (active) void scan().catch(report);
    }, RESCAN_DELAY_MS);
  }

  const observer = new MutationObserver((records) => {
    if (records.some((r) => !ours(r.target) && !(r.type === 'childList' && onlyOurs(r)))) rescanSoon();
  });

  function applySettings(settings: LensSettings): void {
    const key = JSON.stringify(matcherOptionsOf(settings));
    const changed = key !== matcherKey;
    if (changed) {
      matcherKey = key;
      matcher = compileMatcher(matcherOptionsOf(settings));
    }
    const runs = spottingRunsOn(settings.sites, location.href);
    if (!runs) {
      if (active) {
        active = false;
        generation++;
        observer.disconnect();
        paint([]);
        button.hide();
      }
      return;
    }
    if (!active) {
      active = true;
      observer.observe(body!, { childList: true, subtree: true, characterData: true });
      rescanSoon();
    } else if (changed) rescanSoon();
  }

  async function saveCandidate(candidate: Candidate): Promise<void> {
    button.hide();
    const saved = await save(candidate.range.cloneRange());
    if (!saved) return;
    savedTexts.add(candidate.text);
    paint(candidates);
  }

  // ── The button under the pointer ───────────────────────────────────────────────────

  let hideTimer: number | undefined;
  let shown: Candidate | undefined;
  let pending: Point | undefined;
  function scheduleHide(): void {
    cancelHide();
    hideTimer = ctx.setTimeout(() => {
      shown = undefined;
      button.hide();
    }, HIDE_DELAY_MS);
  }
  function cancelHide(): void {
    if (hideTimer !== undefined) clearTimeout(hideTimer);
    hideTimer = undefined;
  }
  function pointerAt(point: Point): void {
    if (candidates.length === 0 || button.owns(point)) return;
    const selection = doc.getSelection();
    // While the reader selects text, the highlights module's own button is the one to show.
    if (selection && !selection.isCollapsed) return;
    const hit = hitTest(doc, point, candidates.map((c) => [c, c.range] as const));
    if (!hit) {
      if (shown) scheduleHide();
      return;
    }
    cancelHide();
    if (hit === shown) return;
    shown = hit;
    const rects = hit.range.getClientRects();
    const last = rects[rects.length - 1];
    if (last) button.show(hit, { x: last.right, y: last.bottom });
  }
  ctx.addEventListener(
    doc,
    'mousemove',
    (event) => {
      if (pending === undefined) requestAnimationFrame(() => {
        const point = pending;
        pending = undefined;
        if (point) pointerAt(point);
      });
      pending = { x: event.clientX, y: event.clientY };
    },
    { passive: true },
  );
  ctx.addEventListener(window, 'scroll', () => {
    shown = undefined;
    button.hide();
  }, { capture: true, passive: true });

  const report = (error: unknown) => console.warn('Qinglang Lens: could not look for campaign facts on the page:', error);
  followSettings(ctx, applySettings).catch(report);

  ctx.onInvalidated(() => {
    generation++;
    observer.disconnect();
    layer.clear();
    if (CSS.highlights.get(FACT_HIGHLIGHT) === layer) CSS.highlights.delete(FACT_HIGHLIGHT);
    button.remove();
  });
}

/** The article's day, the year of dates written without one. */
function publishedDay(doc: Document): string | undefined {
  const published = readPageMeta(doc, location.href).published;
  return published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : undefined;
}

/** An idle period: resolves with a function telling how many ms of it remain. */
function idle(): Promise<() => number> {
  if (typeof requestIdleCallback === 'function') {
    return new Promise((resolve) => requestIdleCallback((deadline) => resolve(() => deadline.timeRemaining()), { timeout: 1_000 }));
  }
  return new Promise((resolve) => setTimeout(() => resolve(() => SLICE_MS), 0));
}

function ours(node: Node): boolean {
  for (let el: Element | null = node instanceof Element ? node : node.parentElement; el; el = el.parentElement) {
    if (isForeignUi(el)) return true;
  }
  return false;
}

function onlyOurs(record: MutationRecord): boolean {
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.length > 0 && nodes.every((n) => n instanceof Element && isForeignUi(n));
}

/** Whether a range lies in a saved highlight (the highlights module's `qinglang-saved-…` layers). */
function insideSaved(range: Range): boolean {
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('qinglang-saved-')) continue;
    for (const saved of highlight) {
      if (!(saved instanceof Range)) continue;
      // Overlapping: our start is not past the saved end, and our end not before its start.
      if (saved.comparePoint(range.startContainer, range.startOffset) <= 0 && saved.comparePoint(range.endContainer, range.endOffset) >= 0) return true;
    }
  }
  return false;
}
