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
import { pageNames } from '../page/page-names';
import { topAddress } from '../page/frames';
import { pageSheet } from '../page/page-sheet';

/** What the fact lens needs of the highlights (index.ts wires them; this module imports neither). */
export interface FactActions {
  /** Saves a range as a highlight; resolves true once it is saved (the highlights module paints it). */
  save: (range: Range) => Promise<boolean>;
  /** Whether a range lies in a saved highlight: no button is offered for a sentence already saved. */
  isSaved: (range: Range) => boolean;
}

/** What the rest of the content script may ask of the fact lens. */
export interface FactLens {
  /** The candidate sentence the range lies in (the keyboard's "Save fact"), if any. */
  candidateFor(range: Range): Range | undefined;
}

// A dotted underline only, no background, so mentions and saved highlights read as before.
const factRule = (name: string) =>
  `::highlight(${name}) { text-decoration: underline dotted 1px rgb(62 99 221 / 0.7); text-underline-offset: 3px; }\n`;

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
export function startFactCandidates(ctx: ContentScriptContext, { save, isSaved }: FactActions, doc: Document = document): FactLens | undefined {
  const body = doc.body;
  if (!body || typeof CSS === 'undefined' || !CSS.highlights) return undefined;
  const layer = new Highlight();
  // Under the mentions (0): it only adds an underline.
  layer.priority = -1;
  const layerName = pageNames.highlight('fact');
  CSS.highlights.set(layerName, layer);
  const sheet = pageSheet(doc);
  sheet.set('facts', factRule(layerName));

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

  let all: Candidate[] = [];
  function paint(next: Candidate[]): void {
    // Every candidate stays underlined, saved or not: a gap in this page-visible layer
    // would tell the page's scripts which sentence the user saved. Only the button,
    // in our closed shadow root, leaves saved ones out.
    all = next;
    candidates = next.filter((c) => !savedTexts.has(c.text) && !isSaved(c.range));
    if (layer.size !== next.length || next.some((c) => !layer.has(c.range))) {
      layer.clear();
      for (const c of next) layer.add(c.range);
    }
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
    const runs = spottingRunsOn(settings.sites, topAddress());
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
    paint(all);
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
    if (CSS.highlights.get(layerName) === layer) CSS.highlights.delete(layerName);
    sheet.set('facts', '');
    button.remove();
  });

  return {
    candidateFor(range) {
      for (const c of all) {
        if (savedTexts.has(c.text) || isSaved(c.range)) continue;
        try {
          if (c.range.comparePoint(range.startContainer, range.startOffset) === 0 && c.range.comparePoint(range.endContainer, range.endOffset) === 0) return c.range;
        } catch {
          // A range in another document: not in this sentence.
        }
      }
      return undefined;
    },
  };
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
