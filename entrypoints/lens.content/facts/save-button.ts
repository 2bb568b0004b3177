import type { Point } from '../page/hit-test';

/** The tag of the button's host: `qinglang-…`, so the scanners leave it out. */
export const FACT_BUTTON_TAG = 'qinglang-fact-ui';

export interface FactButtonActions {
  /** The button was pressed for what `show` was given. */
  onSave: (subject: unknown) => void;
  /** The pointer came onto the button, or left it. */
  onEnter: () => void;
  onLeave: () => void;
}

export interface FactButton {
  /** Shows the button just after `at` (the end of a sentence), for `subject`. */
  show(subject: unknown, at: Point): void;
  hide(): void;
  /** Whether a viewport point is on the button. */
  owns(point: Point): boolean;
  remove(): void;
}

const CSS_TEXT = `
:host { all: initial; }
button {
  font: 12px/1.3 system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif;
  padding: 2px 8px; margin: 0;
  border: 1px solid #c7ccd1; border-radius: 999px;
  background: #fff; color: #1f2933; cursor: pointer;
  box-shadow: 0 1px 3px rgb(0 0 0 / 0.15);
  white-space: nowrap;
}
button:hover, button:focus-visible { border-color: #3e63dd; color: #3e63dd; outline: none; }
`;

// Keys and clicks on the button are ours: the page's "click outside" handlers and the
// highlights module's click handler must not see them.
const ISOLATED_EVENTS = ['mousedown', 'mouseup', 'click', 'dblclick', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'contextmenu'];

/**
 * A small "Save fact" button floating next to a candidate sentence, in a closed shadow
 * root of its own (the page's CSS cannot restyle it). The host is the button's box, so
 * the page never lays out around it. Created on first use.
 */
export function createFactButton(doc: Document, actions: FactButtonActions): FactButton {
  let host: HTMLElement | undefined;
  let subject: unknown;

  const ensure = (): HTMLElement => {
    if (host?.isConnected) return host;
    host = doc.createElement(FACT_BUTTON_TAG);
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CSS_TEXT;
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'ql-fact-button';
    button.textContent = 'Save fact';
    button.title = 'Save this sentence as a highlight, with its campaign figures';
    button.addEventListener('click', () => {
      if (subject !== undefined) actions.onSave(subject);
    });
    shadow.append(style, button);
    for (const type of ISOLATED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
    host.addEventListener('mouseenter', () => actions.onEnter());
    host.addEventListener('mouseleave', () => actions.onLeave());
    (doc.body ?? doc.documentElement).append(host);
    return host;
  };

  const place = (el: HTMLElement, at: Point | undefined): void => {
    const position = at
      ? `left: ${Math.round(at.x + 4)}px !important; top: ${Math.round(at.y - 22)}px !important; display: block !important;`
      : 'display: none !important;';
    el.setAttribute('style', `all: initial !important; position: fixed !important; z-index: 2147483646 !important; ${position}`);
  };

  return {
    show(next, at) {
      subject = next;
      place(ensure(), at);
    },
    hide() {
      subject = undefined;
      if (host) place(host, undefined);
    },
    owns(point) {
      if (!host || subject === undefined) return false;
      const box = host.getBoundingClientRect();
      return point.x >= box.left && point.x <= box.right && point.y >= box.top && point.y <= box.bottom;
    },
    remove() {
      host?.remove();
      host = undefined;
      subject = undefined;
    },
  };
}
