/**
 * Highlights on the page: making one (floating button, keyboard command, context menu),
 * painting the saved ones in the user's colours, their card (note, tags, colour, delete
 * with undo), the entity hover card, and restoring them when the page loads or changes.
 * The page's DOM is left alone: paint goes through CSS.highlights and the UI lives in
 * one closed shadow root.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { describe } from '../../../lib/anchor';
import { rangeOf } from '../../../lib/dom';
import { createRouter, type Message } from '../../../lib/messages';
import { articleText, readPageMeta } from '../../../lib/page-meta';
import { normalizeUrl } from '../../../lib/url';
import type { Highlight, HighlightColor } from '../../../lib/types';
import type { SelectionOutcome } from '../../../lib/highlight-service';
import type { PageLayerState } from '../../../components/page/PageLayer';
import type { HighlightEdit } from '../../../components/page/HighlightCard';
import { ask } from '../page/messaging';
import { highlightableRange, pageSnapshot, trimmedSpan } from './page-text';
import { HighlightPainter } from './highlight-painter';
import { Restorer } from './restorer';
import { hitTest, type Point } from '../page/hit-test';
import { createEntityHover } from '../mentions/hover-card';
import { newHighlightId } from './new-id';
import { createUiHost, UI_HOST_TAG } from '../page/ui-host';
import './highlights.css';

// Long enough to read "Highlight deleted" and reach Undo, short enough not to linger.
const UNDO_MS = 10_000;

type Via = 'button' | 'command' | 'context-menu';

/** What other parts of the content script may ask of the highlights module. */
export interface HighlightsHandle {
  /** Saves a range of the page as a highlight, as the floating button saves the selection. */
  saveRange(range: Range): Promise<SelectionOutcome>;
}

export function startHighlights(ctx: ContentScriptContext): HighlightsHandle | undefined {
  const doc = document;
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) {
    // Without the Highlight API saved passages could only be drawn by changing the page.
    console.warn('Qinglang Lens: this browser has no CSS Custom Highlight API; saved highlights are not shown on the page.');
    return;
  }
  const painter = new HighlightPainter(CSS.highlights);
  let pageUrl = normalizeUrl(location.href);
  let state: PageLayerState = {};
  let saving = false;
  let lastColor: HighlightColor = 'yellow';
  let deleted: Highlight | undefined;
  let undoTimer: ReturnType<typeof setTimeout> | undefined;

  const ui = createUiHost(doc, {
    onSave: () => void saveSelection('button'),
    onEdit: (edit) => void editCard(edit),
    onDelete: () => void deleteCard(),
    onCloseCard: () => show({ card: undefined }),
    onUndo: () => void undoDelete(),
    onDismissUndo: () => show({ undo: undefined }),
    onDismissNotice: () => show({ notice: undefined }),
  });

  function show(patch: Partial<PageLayerState>): void {
    state = { ...state, ...patch };
    ui.render(state);
  }

  const hover = createEntityHover({
    doc,
    registry: CSS.highlights,
    current: () => state.hover,
    show: (card) => show({ hover: card }),
  });

  const restorer = new Restorer({
    doc,
    painter,
    report: ({ found, orphaned }) => {
      const url = pageUrl;
      void ask({ type: 'highlights/anchored', url, found, orphaned }).then((answer) => {
        // Bookkeeping, not the user's action: the highlights stay painted; say why the flag is stale.
        if (!answer.ok) console.warn(`Qinglang Lens: could not record which highlights are missing: ${answer.error.message}`);
      });
    },
  });

  async function loadPage(): Promise<void> {
    const url = pageUrl;
    const answer = await ask({ type: 'highlights/for-url', url });
    if (url !== pageUrl) return;
    if (!answer.ok) {
      show({ notice: { message: `Your highlights on this page could not be loaded. ${answer.error.message}` } });
      return;
    }
    await restorer.reset(answer.value);
  }

  // A change made elsewhere while this tab is saving waits for the save, so the stored
  // list read meanwhile cannot take back a highlight this tab has just painted.
  let refreshAfterSave = false;

  /** Repaints what changed after the popup, the library or another tab edited this page's highlights. */
  async function refresh(): Promise<void> {
    if (saving) {
      refreshAfterSave = true;
      return;
    }
    const url = pageUrl;
    const answer = await ask({ type: 'highlights/for-url', url });
    if (url !== pageUrl || saving) return;
    if (!answer.ok) {
      console.warn(`Qinglang Lens: could not read this page's highlights again: ${answer.error.message}`);
      return;
    }
    await restorer.sync(answer.value);
    hover.forgetCounts();
    const shown = state.card && restorer.get(state.card.highlight.id);
    if (state.card) show({ card: shown ? { ...state.card, highlight: shown } : undefined });
  }

  // ── Making a highlight ────────────────────────────────────────────────────────────

  function endOfRange(range: Range): Point | undefined {
    const rects = range.getClientRects();
    const last = rects[rects.length - 1];
    return last ? { x: last.right, y: last.bottom } : undefined;
  }

  function offerButton(): void {
    if (saving) return;
    const range = highlightableRange(doc);
    const at = range && endOfRange(range);
    show({ button: at ? { at, busy: false } : undefined });
  }

  async function saveSelection(via: Via, given?: Range): Promise<SelectionOutcome> {
    if (saving) return { ok: false, reason: 'failed', message: 'A highlight is already being saved.' };
    const range = given ?? highlightableRange(doc);
    const snapshot = range ? pageSnapshot(doc) : undefined;
    const span = range && snapshot ? trimmedSpan(snapshot, range) : null;
    if (!range || !snapshot || !span) {
      const message = 'Select some text on the page first, then highlight it.';
      if (via !== 'button') show({ notice: { message } });
      return { ok: false, reason: 'no-selection', message };
    }
    const at = endOfRange(range) ?? { x: 16, y: 16 };
    const meta = readPageMeta(doc, location.href);
    const created = Date.now();
    const draft = {
      id: newHighlightId(),
      page: meta,
      selectors: describe(snapshot.text, span.start, span.end),
      quote: snapshot.text.slice(span.start, span.end),
      note: '',
      tags: [],
      color: lastColor,
      created,
    };
    // With the page's first highlight, keep what the page said, for citing it later.
    const capture =
      restorer.size === 0 ? { meta, text: articleText(doc, { skip: (el) => el.localName === UI_HOST_TAG }), captured: created } : undefined;

    saving = true;
    show({ button: { at, busy: true }, notice: undefined });
    const answer = await ask({ type: 'highlights/save', draft, capture });
    saving = false;
    if (refreshAfterSave) {
      refreshAfterSave = false;
      queueMicrotask(() => void refresh());
    }
    if (!answer.ok) {
      show({ button: undefined, notice: { message: answer.error.message } });
      return { ok: false, reason: 'failed', message: answer.error.message };
    }
    const { highlight, pageError } = answer.value;
    const painted = rangeOf(snapshot, span.start, span.end, doc);
    if (painted) restorer.addPainted(highlight, painted);
    else void restorer.add(highlight);
    doc.getSelection()?.removeAllRanges();
    hover.forgetCounts();
    show({
      button: undefined,
      card: { highlight, at },
      notice: pageError
        ? { message: `Highlight saved, but the page's text could not be kept with it. ${pageError.message}` }
        : undefined,
    });
    return { ok: true, highlight };
  }

  // ── The card of a saved highlight ──────────────────────────────────────────────────

  async function editCard(edit: HighlightEdit): Promise<void> {
    const card = state.card;
    if (!card) return;
    const answer = await ask({ type: 'highlights/update', id: card.highlight.id, edit });
    if (!answer.ok) {
      if (state.card?.highlight.id === card.highlight.id) show({ card: { ...state.card, error: answer.error.message } });
      return;
    }
    restorer.update(answer.value);
    if (edit.color) lastColor = edit.color;
    if (state.card?.highlight.id === answer.value.id) show({ card: { ...state.card, highlight: answer.value, error: undefined } });
  }

  async function deleteCard(): Promise<void> {
    const card = state.card;
    if (!card) return;
    const answer = await ask({ type: 'highlights/delete', id: card.highlight.id });
    if (!answer.ok) {
      show({ card: { ...card, error: answer.error.message } });
      return;
    }
    restorer.remove(answer.value.id);
    deleted = answer.value;
    hover.forgetCounts();
    if (undoTimer !== undefined) clearTimeout(undoTimer);
    undoTimer = setTimeout(() => {
      deleted = undefined;
      show({ undo: undefined });
    }, UNDO_MS);
    show({ card: undefined, undo: { message: 'Highlight deleted' } });
  }

  async function undoDelete(): Promise<void> {
    const highlight = deleted;
    if (undoTimer !== undefined) clearTimeout(undoTimer);
    deleted = undefined;
    show({ undo: undefined });
    if (!highlight) return;
    const answer = await ask({ type: 'highlights/restore', highlight });
    if (!answer.ok) {
      show({ notice: { message: `The highlight could not be put back. ${answer.error.message}` } });
      return;
    }
    hover.forgetCounts();
    if (answer.value.url === pageUrl) await restorer.add(answer.value);
  }

  function paintedRanges(): Array<[string, Range]> {
    return [...painter.entries()].map(([id, painted]) => [id, painted.range]);
  }

  function onClick(event: MouseEvent): void {
    if (ui.owns(event) || event.button !== 0) return;
    const selection = doc.getSelection();
    if (selection && !selection.isCollapsed) return;
    // The page's own controls keep their clicks, even inside a highlighted passage.
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('a[href], button, input, textarea, select, label, summary, [contenteditable]')) return;
    const id = hitTest(doc, { x: event.clientX, y: event.clientY }, paintedRanges());
    const highlight = id !== undefined ? restorer.get(id) : undefined;
    if (highlight) show({ card: { highlight, at: { x: event.clientX, y: event.clientY } }, hover: undefined });
    else if (state.card) show({ card: undefined });
  }

  // ── Wiring ─────────────────────────────────────────────────────────────────────────

  const router = createRouter<unknown>();
  router.on('highlights/from-selection', (message: Message<'highlights/from-selection'>) => saveSelection(message.via));
  router.on('highlights/changed', (message: Message<'highlights/changed'>) => {
    if (message.url === pageUrl) void refresh();
  });
  const onMessage = (message: unknown, sender: unknown) => router.dispatch(message, sender);
  browser.runtime.onMessage.addListener(onMessage);

  ctx.addEventListener(doc, 'mouseup', (event) => {
    if (ui.owns(event)) return;
    // After the browser has updated the selection for this mouseup.
    setTimeout(offerButton, 0);
  });
  ctx.addEventListener(doc, 'keyup', (event) => {
    if (ui.owns(event)) return;
    if (event.shiftKey || event.key === 'Shift') setTimeout(offerButton, 0);
    if (event.key === 'Escape' && state.button) show({ button: undefined });
  });
  ctx.addEventListener(doc, 'selectionchange', () => {
    if (state.button && !saving && !highlightableRange(doc)) show({ button: undefined });
  });
  ctx.addEventListener(doc, 'click', onClick);
  ctx.addEventListener(
    doc,
    'mousemove',
    (event) => {
      if (!ui.owns(event)) hover.pointerMoved({ x: event.clientX, y: event.clientY });
    },
    { passive: true },
  );
  ctx.addEventListener(
    window,
    'scroll',
    () => {
      if (state.hover) show({ hover: undefined });
      if (state.button && !saving) offerButton();
    },
    { capture: true, passive: true },
  );
  const followAddress = (): void => {
    const url = normalizeUrl(location.href);
    if (url === pageUrl) return;
    pageUrl = url;
    show({ button: undefined, card: undefined, hover: undefined });
    void restorer.reset([]).then(loadPage);
  };
  ctx.addEventListener(window, 'wxt:locationchange', followAddress);
  // WXT watches through the Navigation API where there is one, whose events do not reach
  // a content script's isolated world for the page's own pushState: look once a second too.
  ctx.setInterval(followAddress, 1_000);

  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    if (undoTimer !== undefined) clearTimeout(undoTimer);
    hover.dispose();
    restorer.dispose();
    painter.dispose();
    ui.remove();
  });

  void loadPage();
  return { saveRange: (range) => saveSelection('button', range) };
}
