import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defaultMatcher, detect } from '@/lib/detect';
import { createMessenger, createRouter } from '@/lib/messages';
import { withRetry } from '@/lib/retry';
import { createBadgeReporter } from './badge-reporter';
import { HighlightPainter } from './highlight-painter';
import { MarkElementPainter } from './mark-fallback';
import type { MarkPainter } from './mark-painter';
import { MentionRegistry } from './mention-registry';
import { createMutationWatch, type MutationWatch } from './mutation-watch';
import { createPageScanner, type ScanRun } from './page-scanner';
import { isRendered } from './rendered';
import { createSlicer } from './slicer';

/**
 * Our own in-page UI (every element we add is named `qinglang-…`, e.g. the highlights'
 * `qinglang-lens-ui` host) and other extensions' WXT shadow-root hosts are not the page's text.
 */
export function isForeignUi(el: Element): boolean {
  // Asked of every element of the page: only custom elements (a '-' in the name) can be hosts.
  const name = el.localName;
  return name.includes('-') && (name.startsWith('qinglang-') || el.hasAttribute('data-wxt-shadow-root'));
}

/**
 * While reading, only the `hidden` attribute (through its reflected property, the
 * cheapest check there is): whatever else hides a mention is caught per mention by
 * isRendered, with computed style.
 */
function isHiddenAttribute(el: Element): boolean {
  return Boolean((el as HTMLElement).hidden);
}

/**
 * The User Timing entries we leave, read by the page benchmark (a page sees nothing
 * else of us): the first full scan of the page, and any later run that read at least
 * BIG_RUN_CHARS (a whole new view), each with its figures in `detail`. Small runs leave
 * none, so a live page's timeline does not fill up with ours.
 */
export const FIRST_SCAN_MEASURE = 'qinglang-lens:first-scan';
export const BIG_SCAN_MEASURE = 'qinglang-lens:scan';
const BIG_RUN_CHARS = 1_000_000;

export interface MentionLens {
  registry: MentionRegistry;
}

/**
 * Finds the mentions on the page, paints them, keeps up with the page as it changes,
 * and keeps the toolbar badge in step. Everything stops when `ctx` is invalidated.
 */
export function startMentionLens(ctx: ContentScriptContext, doc: Document = document): MentionLens | null {
  const body = doc.body;
  if (!body) return null; // an SVG or XML document: nothing we read

  const painter: MarkPainter =
    typeof CSS !== 'undefined' && CSS.highlights ? new HighlightPainter(CSS.highlights) : new MarkElementPainter(doc);
  // The settings hook: entities the user turned off get registry.setShown(...) once settings exist.
  const registry = new MentionRegistry(painter);
  const report = (what: string) => (error: unknown) => console.warn(`Qinglang Lens: ${what}:`, error);

  const messenger = createMessenger((message) => withRetry(() => browser.runtime.sendMessage(message)));
  const badge = createBadgeReporter({
    messenger,
    count: () => registry.count(),
    url: () => location.href,
    setTimer: (fn, ms) => void ctx.setTimeout(fn, ms),
    now: () => performance.now(),
    onError: report('could not update the toolbar badge'),
  });

  let firstRun = true;
  const settled = (run: ScanRun): void => {
    if (firstRun || run.characters >= BIG_RUN_CHARS) {
      const { total } = registry.count();
      performance.measure(firstRun ? FIRST_SCAN_MEASURE : BIG_SCAN_MEASURE, {
        start: run.startedAt,
        end: run.endedAt,
        detail: {
          mentions: total,
          slices: run.slices,
          longestSliceMs: run.longestSliceMs,
          characters: run.characters,
          yieldedMs: run.yieldedMs,
          readMs: run.readMs,
          detectMs: run.detectMs,
          markMs: run.markMs,
        },
      });
      firstRun = false;
    }
    badge.changed();
  };

  let watch: MutationWatch | undefined;
  const scanner = createPageScanner({
    registry,
    detect,
    isRendered,
    isHidden: isHiddenAttribute,
    skip: isForeignUi,
    slicer: createSlicer(ctx),
    paintsIntoDom: painter.mutatesDom,
    paintQuietly: (paint) => (watch ? watch.quietly(paint) : paint()),
    onSettled: settled,
    onError: report('could not scan part of the page'),
  });
  watch = createMutationWatch({
    doc,
    skip: isForeignUi,
    enqueue: (job) => scanner.enqueue(job),
    pruneDetached: () => {
      if (registry.pruneDetached()) badge.changed();
    },
    setTimer: (fn, ms) => void ctx.setTimeout(fn, ms),
    now: () => performance.now(),
  });
  watch.start();
  // Compiling the lexicon, and V8 compiling its patterns on their first runs (once to
  // bytecode, then to machine code), are the largest single steps of a first scan: do
  // them now, in a task of their own (the scan starts after a yield).
  defaultMatcher();
  for (let warm = 0; warm < 2; warm++) detect('Weibo 微博');
  scanner.enqueue({ kind: 'subtree', root: body });

  // Back from the back/forward cache: the page is as we left it, but the badge was reset.
  ctx.addEventListener(window, 'pageshow', (event) => {
    if ((event as PageTransitionEvent).persisted) badge.resend();
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => badge.resend());

  const router = createRouter<unknown>();
  router.on('mentions/report', () => ({ url: location.href, ...registry.count() }));
  const onMessage = (message: unknown, sender: unknown) => router.dispatch(message, sender);
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    watch?.stop();
    browser.runtime.onMessage.removeListener(onMessage);
    painter.dispose();
  });
  return { registry };
}
