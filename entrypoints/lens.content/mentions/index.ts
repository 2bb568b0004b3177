import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compileMatcher, detect, PageContext, type Matcher } from '@/lib/detect';
import { CONTENT_DELIVERIES, createRouter, ok, type ToContent } from '@/lib/messages';
import { toBackground } from '../page/messaging';
import { matcherOptionsOf, spottingRunsOn, type LensSettings } from '@/lib/settings';
import { createBadgeReporter } from './badge-reporter';
import { MentionPainter } from './mention-painter';
import { MarkElementPainter } from './mark-fallback';
import type { MarkPainter } from './mark-painter';
import { mentionRules } from './colors';
import { pageSheet } from '../page/page-sheet';
import { onAddressChange } from '../page/address';
import { MentionRegistry } from './registry';
import { createMentionRevealer } from './reveal';
import { followSettings } from '../page/follow-settings';
import { createMutationWatch, type MutationWatch } from './mutation-watch';
import { createPageScanner } from './page-scanner';
import { isForeignUi } from '../page/foreign-ui';
import { isRendered } from '../page/rendered';
import { createScanMeasures } from './scan-measures';
import { createSlicer } from './slicer';
import { createShadowRoots } from './shadow-roots';
import { isTopFrame, topAddress, topPageLoad } from '../page/frames';

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
  const sheet = pageSheet(doc);
  const report = (what: string) => (error: unknown) => console.warn(`Qinglang Lens: ${what}:`, error);

  const badge = createBadgeReporter({
    messenger: toBackground,
    count: () => registry.count(),
    url: () => location.href,
    pageLoad: () => topPageLoad(),
    setTimer: (fn, ms) => void ctx.setTimeout(fn, ms),
    now: () => performance.now(),
    onError: report('could not update the toolbar badge'),
  });
  const measure = createScanMeasures();

  let matcher: Matcher | undefined;
  let matcherKey = '';
  // What the page defines and names, learnt as it is read (lib/detect/page-context.ts).
  let page = new PageContext();
  let watch: MutationWatch | undefined;
  const shadowRoots = createShadowRoots({
    doc,
    watch: (root) => watch?.observe(root),
    style: (root) => sheet.adoptInto(root),
    rescan: (block) => scanner.enqueue({ kind: 'block', root: block }),
    // Idle time, or at the latest a second later: the looking is cheap, and bounded.
    whenIdle: (fn, ms) =>
      void ctx.setTimeout(() => (typeof requestIdleCallback === 'function' ? ctx.requestIdleCallback(fn, { timeout: 1_000 }) : fn()), ms),
  });
  const slicer = createSlicer(ctx, undefined, doc);
  const scanner = createPageScanner({
    registry,
    detect: (text, before) => detect(text, matcher, { before, page, reasons: true }),
    isRendered,
    isHidden: isHiddenAttribute,
    skip: isForeignUi,
    slicer,
    onShadowRoot: (root) => shadowRoots.found(root),
    paintsIntoDom: painter.mutatesDom,
    paintQuietly: (paint) => (watch ? watch.quietly(paint) : paint()),
    onSettled: (run) => {
      measure(run, registry.count().total);
      badge.changed();
      shadowRoots.settled();
      // The page taught something (a definition, a sense) after words were decided
      // without it: read it again, once per new thing learnt.
      if (page.stale) {
        page.settled();
        // After this run has ended: a job queued from inside it would wait for the next.
        ctx.setTimeout(() => scanner.enqueue({ kind: 'subtree', root: body }), 0);
      }
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
    isRendered,
    afterRendering: () => slicer.afterRendering(),
  });

  let active = false;
  const applySettings = (settings: LensSettings): void => {
    sheet.set('mentions', mentionRules(settings));
    const options = matcherOptionsOf(settings);
    const key = JSON.stringify(options);
    const newMatcher = key !== matcherKey;
    if (newMatcher) {
      matcherKey = key;
      // Compiling, and V8 compiling the patterns on their first runs (bytecode, then
      // machine code), are the largest single steps of a first scan: done here, in a
      // task of their own (a scan starts after a yield).
      matcher = compileMatcher(options);
      page = new PageContext();
      for (let warm = 0; warm < 2; warm++) detect('Weibo 微博', matcher);
    }
    if (!spottingRunsOn(settings.sites, topAddress())) {
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
  // A frame of the page that goes (navigates away, is removed) takes its mentions off the
  // tab's badge; a top frame that goes takes the whole tab's with it (the next page's
  // first report starts afresh).
  if (!isTopFrame()) ctx.addEventListener(window, 'pagehide', () => badge.gone());
  onAddressChange(ctx, () => {
    // Another page in the same document: its own definitions, learnt afresh.
    page = new PageContext();
    badge.resend();
  });

  const router = createRouter<ToContent, unknown>(CONTENT_DELIVERIES);
  router.on('mentions/report', () => ok({ url: location.href, ...registry.count(), pageLoad: topPageLoad() }));
  const revealer = createMentionRevealer({
    doc,
    marksOf: (entity) => registry.boundsOf(entity),
    highlights: typeof CSS !== 'undefined' && CSS.highlights ? CSS.highlights : undefined,
    setTimer: (fn, ms) => ctx.setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as number),
  });
  router.on('mentions/reveal', ({ entity }) => ok(revealer.reveal(entity)));
  const onMessage = (message: unknown, sender: unknown) => router.dispatch(message, sender);
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    watch?.stop();
    browser.runtime.onMessage.removeListener(onMessage);
    painter.dispose();
    revealer.dispose();
    sheet.dispose();
  });
}
