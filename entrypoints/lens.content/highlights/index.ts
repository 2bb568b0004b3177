/**
 * Highlights on the page: making one (floating button, keyboard command, context menu),
 * painting the saved ones in the user's colours, their card (note, tags, colour, delete
 * with undo), the entity hover card, and restoring them when the page loads or changes.
 * The page's DOM is left alone: paint goes through CSS.highlights and the UI lives in
 * one closed shadow root.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { describeWithin } from '../../../lib/anchor';
import { rangeOf, type PiecedSnapshot, type TextSpan } from '../../../lib/dom';
import { CONTENT_DELIVERIES, createRouter, fail, ok, type Failure, type Result, type ToContent } from '../../../lib/messages';
import { readPageMeta } from '../../../lib/page-meta';
import { normalizeUrl } from '../../../lib/url';
import type { Highlight, HighlightColor } from '../../../lib/types';
import { CAPTURE_PART_CHARS, type ChangeChoice, type HighlightDraft } from '../../../lib/highlight-service/types';
import type { HandFactInput } from '../../../lib/facts/hand-facts';
import type { PageLayerState } from '../../../components/page/PageLayer';
import type { ViewportPoint } from '../../../components/page/floating';
import type { HighlightEdit } from '../../../components/page/HighlightCard';
import { ask } from '../page/messaging';
import { articleTextOf, highlightableRange, pageSnapshotInSlices, stillAsRead, trimmedSpan } from './page-text';
import { savedPassageAt } from './saved-passage';
import { createLaps, type Laps } from './save-laps';
import { HighlightPainter } from './highlight-painter';
import { Restorer } from './restorer';
import { hitTest, type Point } from '../page/hit-test';
import { createEntityHover } from '../mentions/hover-card';
import { newHighlightId } from './new-id';
import { createUiHost } from '../page/ui-host';
import { createCardFrameLink } from './card-frame-link';
import { isForeignUi } from '../page/foreign-ui';
import { pageNames } from '../page/page-names';
import { inspection } from '../page/inspection';
import { onAddressChange } from '../page/address';
import { startTeamHighlights } from './team-highlights';

// Long enough to read "Highlight deleted" and reach Undo, short enough not to linger.
const UNDO_MS = 10_000;

type Via = 'button' | 'command' | 'context-menu';

/** What other parts of the content script may ask of the highlights module. */
export interface HighlightsHandle {
  /** Saves a range of the page as a highlight, as the floating button saves the selection. */
  saveRange(range: Range): Promise<Result<Highlight>>;
  /** Whether a range overlaps a saved highlight painted on the page. */
  isSaved(range: Range): boolean;
}

export interface HighlightsOptions {
  /** The fact sentence a selection lies in, if any: Save fact is offered beside Highlight. */
  factFor?: (range: Range) => Range | undefined;
}

export function startHighlights(ctx: ContentScriptContext, { factFor }: HighlightsOptions = {}): HighlightsHandle {
  const doc = document;
  const painter = new HighlightPainter({ doc, tag: pageNames.tag('overlay') });
  inspection.saved = () => [...painter.entries()].map(([, { color, range }]) => [color, range]);
  // Teammates' passages: their own overlay host (own random tag), so the user's are never mixed with them.
  const team = startTeamHighlights(doc, pageNames.tag('team'));
  // This frame's own address, in a same-origin frame too: why, in page/frames.ts (highlightAddress).
  let pageUrl = normalizeUrl(location.href);
  let state: PageLayerState = {};
  let saving = false;
  /** Escape was pressed while a save was on its way, with no card open: the card it would open stays closed. */
  let cardDismissed = false;
  let lastColor: HighlightColor = 'yellow';
  let deleted: Highlight | undefined;
  let undoTimer: ReturnType<typeof setTimeout> | undefined;

  // The card's fields live in a frame of the extension's origin: keys typed into the note
  // go to that frame's document, never through the page's window (whose scripts could
  // listen for them in capture).
  const cardFramePage = browser.runtime.getURL('/card-frame.html');
  const cardFrame = createCardFrameLink({
    pageUrl: cardFramePage,
    origins: [new URL(cardFramePage).origin, ...(cardFramePage.startsWith('chrome-extension:') ? [`chrome-extension://${browser.runtime.id}`] : [])],
    onEdit: (edit) => void editCard(edit),
    onDelete: () => void deleteCard(),
    onResolveChange: (choice) => void resolveChange(choice),
    onShare: () => void shareCard(),
    onAddFact: (fact) => addFact(fact),
    onClose: () => closeCard(),
    // Kept even while no card is open (the frame may report its last card after it closed):
    // the frame's next card, if as tall, brings no report, and must find its height here.
    onHeight: (height) => {
      if (state.cardFrame?.height !== height) show({ cardFrame: { height } });
    },
  });

  const ui = createUiHost(doc, {
    cardFrame: cardFrame.slot,
    onSave: () => void saveSelection('button'),
    onSaveFact: () => {
      const range = highlightableRange(doc);
      const sentence = range && factFor?.(range);
      if (sentence) void saveSelection('button', sentence.cloneRange());
    },
    onEdit: (edit) => void editCard(edit),
    onDelete: () => void deleteCard(),
    onShare: () => void shareCard(),
    onResolveChange: (choice) => void resolveChange(choice),
    onAddFact: (input) => addFact(input),
    onCloseCard: () => closeCard(),
    onUndo: () => void undoDelete(),
    onDismissUndo: () => show({ undo: undefined }),
    onDismissNotice: () => show({ notice: undefined }),
  });

  function show(patch: Partial<PageLayerState>): void {
    const opened = patch.card && patch.card.highlight.id !== state.card?.highlight.id ? patch.card.highlight.id : undefined;
    const before = state.card;
    state = { ...state, ...patch };
    // The card's frame loads with the first Highlight button or card, and stays.
    if ((state.button || state.card) && !state.cardFrame) state.cardFrame = {};
    ui.render(state);
    const card = state.card;
    // The frame hears each new state of its card (and not its own height coming back, which is the frame's).
    if (card && card !== before) {
      cardFrame.show({ highlight: card.highlight, error: card.error, focus: card.focus === true, share: card.share });
    } else if (!card && before) cardFrame.hide();
    if (opened) void loadCardShare(opened);
  }

  /** Sharing in the card: asked when a card opens; nothing shown while no group is connected. */
  async function loadCardShare(id: string): Promise<void> {
    const answer = await ask({ type: 'sharing/status', ids: [id] });
    if (!answer.ok || !answer.value.group || state.card?.highlight.id !== id) return;
    show({ card: { ...state.card, share: { group: answer.value.group, state: answer.value.states[id] } } });
  }

  async function shareCard(): Promise<void> {
    const card = state.card;
    if (!card?.share) return;
    const id = card.highlight.id;
    const answer = await ask({ type: card.share.state?.state === 'failed' ? 'sharing/retry' : 'sharing/share', id });
    if (state.card?.highlight.id !== id) return;
    if (!answer.ok) return show({ card: { ...state.card, error: answer.error.message } });
    show({ card: { ...state.card, share: { group: card.share.group, state: answer.value ?? undefined } } });
  }

  const hover = createEntityHover({
    doc,
    registry: CSS.highlights,
    current: () => state.hover,
    show: (card) => show({ hover: card }),
    interfaceLanguage: () => browser.i18n?.getUILanguage?.() ?? navigator.language,
  });

  const restorer = new Restorer({
    doc,
    painter,
    report: ({ found, orphaned, moved }) => {
      const url = pageUrl;
      void ask({ type: 'highlights/anchored', url, found, orphaned, ...(moved.length > 0 && { moved }) }).then((answer) => {
        // Bookkeeping, not the user's action: the highlights stay painted; say why the flag is stale.
        if (!answer.ok) console.warn(`Qinglang Lens: could not record which highlights are missing: ${answer.error.message}`);
        // A passage marked (or no longer marked) changed since saved: its card says so from now on.
        else if (moved.length > 0 && answer.value.changed > 0 && url === pageUrl) void refresh();
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

  /** Where a card goes: under the passage, or above its first line; never on it when either side has room. */
  function besidePassage(range: Range): ViewportPoint | undefined {
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    const first = rects[0];
    const last = rects[rects.length - 1];
    if (!first || !last) return undefined;
    const top = Math.min(...rects.map((r) => r.top));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    return { x: Math.round(first.left), y: Math.round(bottom), top: Math.round(top) };
  }

  function offerButton(): void {
    if (saving) return;
    const range = highlightableRange(doc);
    const at = range && endOfRange(range);
    show({ button: at ? { at, busy: false, fact: Boolean(range && factFor?.(range)) } : undefined });
  }

  /** Closes the card and puts the reader back at its passage (a caret at its start), out of our UI. */
  function closeCard(): void {
    const card = state.card;
    if (!card) return;
    const hadFocus = ui.hasFocus();
    show({ card: undefined });
    const range = painter.rangeOf(card.highlight.id);
    if (!hadFocus || !range) return;
    (doc.activeElement as HTMLElement | null)?.blur?.();
    // Focus follows the caret: the next Tab goes on from the passage, not from the top.
    const selection = doc.getSelection();
    selection?.removeAllRanges();
    const caret = range.cloneRange();
    caret.collapse(true);
    selection?.addRange(caret);
  }

  async function saveSelection(via: Via, given?: Range): Promise<Result<Highlight>> {
    if (saving) return fail('refused', 'A highlight is already being saved.');
    const laps = createLaps();
    const range = given ?? highlightableRange(doc);
    if (!range || range.toString().trim() === '') return noSelection(via);
    const at = besidePassage(range) ?? { x: 16, y: 16 };

    // A passage saved already opens its card: never a second highlight of the same words.
    const savedId = savedPassageAt(range, paintedRanges());
    const saved = savedId !== undefined ? restorer.get(savedId) : undefined;
    if (saved) {
      doc.getSelection()?.removeAllRanges();
      show({ button: undefined, card: { highlight: saved, at }, notice: undefined });
      return ok(saved);
    }

    saving = true;
    cardDismissed = false;
    show({ button: { at, busy: true }, notice: undefined });
    laps.step('selection and button');
    try {
      return await saveRange(range, at, via, laps);
    } finally {
      laps.done();
      saving = false;
      if (refreshAfterSave) {
        refreshAfterSave = false;
        queueMicrotask(() => void refresh());
      }
    }
  }

  function noSelection(via: Via): Result<Highlight> {
    const message = 'Select some text on the page first, then highlight it.';
    if (via !== 'button') show({ notice: { message } });
    return fail('no-selection', message);
  }

  async function saveRange(range: Range, at: Point, via: Via, laps: Laps): Promise<Result<Highlight>> {
    // The page's text is read in slices (a large page read at once is a long task); a
    // page that changed under the selection meanwhile is read again.
    let snapshot: PiecedSnapshot | undefined;
    let span: TextSpan | null = null;
    for (let tries = 0; tries < 3 && !span; tries++) {
      const read = await pageSnapshotInSlices(doc, laps.pause);
      laps.step('read');
      const found = trimmedSpan(read, range);
      if (found && stillAsRead(read, found)) [snapshot, span] = [read, found];
      laps.step('span');
    }
    if (!snapshot || !span) {
      if (range.toString().trim() === '' || !range.startContainer.isConnected) {
        show({ button: undefined });
        return noSelection(via);
      }
      const message = 'The page kept changing while the highlight was being saved. Try again in a moment.';
      show({ button: undefined, notice: { message } });
      return fail('invalid', message);
    }
    // Each costly step below gets a task of its own: on a very large page each takes
    // milliseconds to tens of them (the page's metadata alone is a dozen queries over
    // the whole document), and together they would hold the page past 50 ms.
    await laps.pause();
    const meta = readPageMeta(doc, location.href);
    laps.step('meta');
    await laps.pause();
    const created = Date.now();
    const draft: HighlightDraft = {
      id: newHighlightId(),
      page: meta,
      selectors: describeWithin(snapshot.text, span.start, span.end),
      quote: snapshot.text.slice(span.start, span.end),
      note: '',
      tags: [],
      color: lastColor,
      created,
    };
    // With the page's first highlight, keep what the page said, for citing it later.
    const article = restorer.size === 0 ? articleTextOf(doc, snapshot) : undefined;
    // A long text goes in parts (sending copies it on this thread): the first with the save.
    const capture = article !== undefined ? { meta, text: article.slice(0, CAPTURE_PART_CHARS), length: article.length, captured: created } : undefined;
    laps.step('draft and article');
    await laps.pause();

    const answer = await laps.around(ask({ type: 'highlights/save', draft, capture }));
    if (!answer.ok) {
      show({ button: undefined, notice: { message: answer.error.message } });
      return answer;
    }
    const { highlight } = answer.value;
    let pageError: Pick<Failure, 'message'> | undefined = answer.value.pageError;
    if (!pageError && capture && article !== undefined && article.length > capture.text.length) {
      pageError = await keepRestOfText(meta.url, article, created, laps);
    }
    // The page had its turns since it was read: paint from the reading only if it still holds.
    const painted = stillAsRead(snapshot, span) ? rangeOf(snapshot, span.start, span.end, doc) : null;
    if (painted) restorer.addPainted(highlight, painted);
    else void restorer.add(highlight);
    laps.step('paint');
    doc.getSelection()?.removeAllRanges();
    hover.forgetCounts();
    laps.step('selection');
    show({
      button: undefined,
      // Into the card: the note is what a reader writes next (unless Escape said no card).
      ...(cardDismissed ? {} : { card: { highlight, at, focus: true } }),
      notice: pageError
        ? { message: `Highlight saved, but the page's text could not be kept with it. ${pageError.message}` }
        : undefined,
    });
    return ok(highlight);
  }

  /**
   * Sends the rest of a long page text after its first part, a part per task. The
   * background keeps the text once all of it came; if it restarted in between and lost
   * the first parts, the text is sent once more from its start.
   */
  async function keepRestOfText(url: string, article: string, captured: number, laps: Laps): Promise<Failure | undefined> {
    for (let from = CAPTURE_PART_CHARS, tries = 0; ; from = 0, tries++) {
      let failed: Failure | undefined;
      for (let offset = from; offset < article.length && !failed; offset += CAPTURE_PART_CHARS) {
        await laps.pause();
        const text = article.slice(offset, offset + CAPTURE_PART_CHARS);
        const answer = await laps.around(ask({ type: 'pages/text-part', url, captured, offset, length: article.length, text }));
        if (!answer.ok) failed = answer.error;
      }
      if (!failed || failed.kind !== 'invalid' || tries > 0) return failed;
    }
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

  /** Keep the saved text, or take the page's new text: a taken text is anchored afresh, at its new words. */
  async function resolveChange(choice: ChangeChoice): Promise<void> {
    const card = state.card;
    if (!card) return;
    const answer = await ask({ type: 'highlights/resolve-change', id: card.highlight.id, choice });
    if (!answer.ok) {
      if (state.card?.highlight.id === card.highlight.id) show({ card: { ...state.card, error: answer.error.message } });
      return;
    }
    if (choice === 'take') {
      restorer.remove(answer.value.id);
      await restorer.add(answer.value);
    } else restorer.update(answer.value);
    hover.forgetCounts();
    if (state.card?.highlight.id === answer.value.id) show({ card: { ...state.card, highlight: answer.value, error: undefined } });
  }

  async function addFact(input: HandFactInput): Promise<boolean> {
    const card = state.card;
    if (!card) return false;
    const answer = await ask({ type: 'facts/add', highlightId: card.highlight.id, fact: input });
    if (!answer.ok) {
      if (state.card?.highlight.id === card.highlight.id) show({ card: { ...state.card, error: answer.error.message } });
      return false;
    }
    restorer.update(answer.value);
    hover.forgetCounts();
    if (state.card?.highlight.id === answer.value.id) show({ card: { ...state.card, highlight: answer.value, error: undefined } });
    return true;
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
    ui.focus('.ql-bar button');
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
    const range = id !== undefined ? painter.rangeOf(id) : undefined;
    const at = (range && besidePassage(range)) ?? { x: event.clientX, y: event.clientY };
    if (highlight) show({ card: { highlight, at }, hover: undefined });
    else if (state.card) show({ card: undefined });
  }

  // ── Wiring ─────────────────────────────────────────────────────────────────────────

  const router = createRouter<ToContent, unknown>(CONTENT_DELIVERIES);
  router.on('highlights/from-selection', (message) => saveSelection(message.via));
  router.on('highlights/changed', (message) => {
    if (message.url === pageUrl) void refresh();
    return ok(undefined);
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
  });
  // Escape closes our card or button wherever focus is (inside the card's frame, the
  // frame does it, and the key never reaches the page). Tab, right after a
  // selection, goes to the Highlight button beside it instead of the page's next link:
  // one key, and nothing scrolls (the button floats beside the selection).
  ctx.addEventListener(
    doc,
    'keydown',
    (event) => {
      if (event.defaultPrevented) return;
      // On the page or on our own buttons alike (keys typed in the card's frame never reach
      // this document: the frame closes its card itself). During a save, the highlight is
      // saved, but the card the save would open stays closed.
      if (event.key === 'Escape') {
        if (state.card) closeCard();
        else if (saving) cardDismissed = true;
        else if (state.button) show({ button: undefined });
        return;
      }
      if (ui.owns(event)) return;
      if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
      if (!state.button || state.button.busy || !highlightableRange(doc)) return;
      if (ui.focus('.ql-selection-button')) event.preventDefault();
    },
    { capture: true },
  );
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
    void team.load(url);
  };
  onAddressChange(ctx, followAddress);

  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    if (undoTimer !== undefined) clearTimeout(undoTimer);
    hover.dispose();
    restorer.dispose();
    painter.dispose();
    team.dispose();
    ui.remove();
  });

  void loadPage();
  void team.load(pageUrl);
  return { saveRange: (range) => saveSelection('button', range), isSaved: (range) => painter.covers(range) };
}
