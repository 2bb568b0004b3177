import { h, render } from 'preact';
import { PageLayer, type PageLayerActions, type PageLayerState } from '@/components/page/PageLayer';
import layerCss from '@/components/page/page-layer.css?inline';

/** The tag of our one element in the page: a custom name no page styles by accident. */
export const UI_HOST_TAG = 'qinglang-lens-ui';

// Keys typed in our note field must not reach the page's shortcuts ("j" for next story),
// and clicks in our card must not reach its "click outside closes the menu" handlers.
const ISOLATED_EVENTS = [
  'keydown', 'keyup', 'keypress', 'input', 'beforeinput',
  'mousedown', 'mouseup', 'click', 'dblclick', 'pointerdown', 'pointerup', 'contextmenu',
  'focusin', 'focusout', 'selectstart', 'wheel',
];

export interface UiHost {
  readonly host: HTMLElement;
  /** Replaces what is shown. */
  render(state: PageLayerState): void;
  /** True when the event came from inside our UI (the page sees it retargeted to the host). */
  owns(event: Event): boolean;
  remove(): void;
}

/**
 * Our only element in the page: a zero-size host with a closed shadow root, so the
 * page's CSS and scripts cannot reach the UI and our CSS cannot reach the page. It is
 * created on first use, not on load, so pages the user only reads carry nothing of ours.
 */
export function createUiHost(doc: Document, actions: PageLayerActions): UiHost {
  let host: HTMLElement | undefined;
  let container: HTMLElement | undefined;

  const ensure = (): HTMLElement => {
    if (host?.isConnected && container) return container;
    host = doc.createElement(UI_HOST_TAG);
    // Inline and !important so that no page rule (`* { display: block }`) gives the host a box.
    host.setAttribute(
      'style',
      'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important;',
    );
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = layerCss;
    container = doc.createElement('div');
    container.className = 'ql-root';
    shadow.append(style, container);
    for (const type of ISOLATED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
    (doc.body ?? doc.documentElement).append(host);
    return container;
  };

  return {
    get host() {
      ensure();
      return host!;
    },
    render(state) {
      const empty = !state.button && !state.card && !state.hover && !state.undo && !state.notice;
      if (empty && !host) return;
      render(h(PageLayer, { state, actions }), ensure());
    },
    owns(event) {
      return host !== undefined && event.composedPath().includes(host);
    },
    remove() {
      if (container) render(null, container);
      host?.remove();
      host = undefined;
      container = undefined;
    },
  };
}
