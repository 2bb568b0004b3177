import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/** How long a focus request waits for its field to become focusable (frames). */
const MAX_FRAMES = 120;

/**
 * Moves focus to `ref`'s element once, when the card opens with `wanted` (after a save,
 * or opened from the keyboard), never scrolling the page.
 *
 * One `focus()` is not enough in the card's frame: the page shows the frame and sends it
 * the card in the same task, and the frame's document may run the card's effects before
 * it has learnt that it is displayed; a field in a frame that is not rendered cannot take
 * focus, and the call fails without a word. So the request stands until the field holds
 * focus: tried again on each animation frame (which a frame not rendered does not get)
 * and when the window gains focus. It never pulls focus into a window that lacks it. It
 * is dropped as soon as the user put focus anywhere else, and after about two seconds of
 * frames.
 */
export function useFocusOnOpen(ref: RefObject<HTMLElement>, wanted: boolean, key: unknown): void {
  // As the card renders, not after paint: in the card's frame the page moves focus in as
  // soon as the card is drawn (card/drawn), and the note must be the one to take it.
  useLayoutEffect(() => {
    const el = ref.current;
    const doc = el?.ownerDocument;
    const view = doc?.defaultView;
    if (!wanted || !el || !doc || !view) return;
    // Where the card is drawn: its document, or a shadow root inside a page (whose
    // document's activeElement would be the root's host, not the field).
    const root = el.getRootNode() as Document | ShadowRoot;
    const active = () => root.activeElement;
    let frames = 0;
    let raf: number | undefined;
    const host = root instanceof doc.defaultView!.ShadowRoot ? root.host : undefined;
    const userMovedOn = () =>
      (active() !== null && active() !== doc.body && active() !== el) ||
      // Drawn in a shadow root: focus the user moved elsewhere in the page counts too.
      (host !== undefined && doc.activeElement !== null && doc.activeElement !== doc.body && doc.activeElement !== host);
    const stop = () => {
      if (raf !== undefined) view.cancelAnimationFrame(raf);
      view.removeEventListener('focus', attempt);
    };
    function attempt(): void {
      raf = undefined;
      if (userMovedOn()) return stop();
      // Only within a window that has focus: a field focused in a frame without it pulls
      // focus out of the page, wherever the user is. The page gives the card's frame
      // focus itself, once the card is drawn (card/drawn); this window's focus event follows.
      if (doc!.hasFocus()) {
        if (active() !== el) el!.focus({ preventScroll: true });
        if (active() === el) return stop();
      }
      if (++frames < MAX_FRAMES) raf = view!.requestAnimationFrame(attempt);
    }
    view.addEventListener('focus', attempt);
    attempt();
    return stop;
  }, [key]);
}
