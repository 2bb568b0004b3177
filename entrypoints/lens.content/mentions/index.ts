import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compileMatcher, detect, type Matcher } from '@/lib/detect';
import { createMessenger, createRouter } from '@/lib/messages';
import { withRetry } from '@/lib/retry';
import { matcherOptionsOf, spottingRunsOn, type LensSettings } from '@/lib/settings';
import { createBadgeReporter } from './badge-reporter';
import { MentionPainter } from './mention-painter';
import { MarkElementPainter } from './mark-fallback';
import type { MarkPainter } from './mark-painter';
import { colorRules, createColorSheet } from './colors';
import { MentionRegistry } from './registry';
import { createMentionRevealer } from './reveal';
import { followSettings } from '../page/follow-settings';
import { createMutationWatch, type MutationWatch } from './mutation-watch';
import { createPageScanner } from './page-scanner';
import { isForeignUi } from '../page/foreign-ui';
import { isRendered } from '../page/rendered';
import { createScanMeasures } from './scan-measures';
import { createSlicer } from './slicer';

/**
 * While reading, only the `hidden` attribute (through its reflected property, the
 * cheapest check there is): whatever else hides a mention is caught per mention by
 * isRendered, with computed style.
 */
function isHiddenAttribute(el: Element): boolean {
  return Boolean((el as HTMLElement).hidden);
}

/**
 * Finds the mentions on the page (of the entities the user has on, and of their own
 * terms), paints them, keeps up with the page as it changes, and keeps the toolbar
 * badge in step. Waits for the settings before the first scan; everything stops when
 * `ctx` is invalidated.
 */
export function startMentionLens(ctx: ContentScriptContext, doc: Document = document): void {
  const body = doc.body;
  if (!body) return; // an SVG or XML document: nothing we read

  const painter: MarkPainter =
    typeof CSS !== 'undefined' && CSS.highlights ? new MentionPainter(CSS.highlights) : new MarkElementPainter(doc);
  const registry = new MentionRegistry(painter);
  const colors = createColorSheet(doc);
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
  const measure = createScanMeasures(performance);

  let matcher: Matcher | undefined;
  let matcherKey = '';
  let watch: MutationWatch | undefined;
  const scanner = createPageScanner({
    registry,
    detect: (text) => detect(text, matcher),
    isRendered,
    isHidden: isHiddenAttribute,
    skip: isForeignUi,
    slicer: createSlicer(ctx),
    paintsIntoDom: painter.mutatesDom,
    paintQuietly: (paint) => (watch ? watch.quietly(paint) : paint()),
    onSettled: (run) => {
      measure(run, registry.count().total);
      badge.changed();
    },
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

  let active = false;
  const applySettings = (settings: LensSettings): void => {
    colors.set(colorRules(settings));
    const options = matcherOptionsOf(settings);
    const key = JSON.stringify(options);
    const newMatcher = key !== matcherKey;
    if (newMatcher) {
      matcherKey = key;
      // Compiling, and V8 compiling the patterns on their first runs (bytecode, then
      // machine code), are the largest single steps of a first scan: done here, in a
      // task of their own (a scan starts after a yield).
      matcher = compileMatcher(options);
      for (let warm = 0; warm < 2; warm++) detect('Weibo 微博', matcher);
    }
    if (!spottingRunsOn(settings.sites, location.href)) {
      // Not a site the user wants read: nothing painted, nothing counted.
      if (active) {
        active = false;
        watch!.stop();
        registry.clear();
        registry.commit();
      }
      badge.changed();
      return;
    }
    if (!active) {
      active = true;
      watch!.start();
      scanner.enqueue({ kind: 'subtree', root: body });
    } else if (newMatcher) {
      scanner.enqueue({ kind: 'subtree', root: body });
    }
  };
  followSettings(ctx, applySettings).catch(report('could not start'));

  // Back from the back/forward cache: the page is as we left it, but the badge was reset.
  ctx.addEventListener(window, 'pageshow', (event) => {
    if ((event as PageTransitionEvent).persisted) badge.resend();
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => badge.resend());

  const router = createRouter<unknown>();
  router.on('mentions/report', () => ({ url: location.href, ...registry.count() }));
  const revealer = createMentionRevealer({
    doc,
    marksOf: (entity) => registry.boundsOf(entity),
    highlights: typeof CSS !== 'undefined' && CSS.highlights ? CSS.highlights : undefined,
    setTimer: (fn, ms) => ctx.setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as number),
  });
  router.on('mentions/reveal', ({ entity }) => revealer.reveal(entity));
  const onMessage = (message: unknown, sender: unknown) => router.dispatch(message, sender);
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    watch?.stop();
    browser.runtime.onMessage.removeListener(onMessage);
    painter.dispose();
    revealer.dispose();
    colors.dispose();
  });
}
