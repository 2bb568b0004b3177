import type { CardFrameSlot } from '@/components/page/CardFrame';
import { FROM_CARD_FRAME, readCardFrameMessage, type CardFrameHandshake, type CardFrameMessage, type FromCardFrame, type ToCardFrame } from '@/lib/messages';

export interface CardFrameLinkOptions {
  /** The card frame page's address (`runtime.getURL`, the per-session dynamic one in Chrome). */
  pageUrl: string;
  /**
   * The origins the frame's document may have. Chrome loads a dynamic-id address under
   * the extension's own origin (its id), so the handshake is offered to each; a window
   * of any other origin gets nothing.
   */
  origins: readonly string[];
  onEdit: (edit: FromCardFrame['card/edit']['edit']) => void;
  onDelete: () => void;
  onResolveChange: (choice: FromCardFrame['card/resolve-change']['choice']) => void;
  onShare: () => void;
  /** Adds a fact by hand to the card's highlight; true once stored. */
  onAddFact: (fact: FromCardFrame['card/add-fact']['fact']) => Promise<boolean>;
  onClose: () => void;
  /** The card inside the frame changed height (CSS pixels). */
  onHeight: (height: number) => void;
}

export interface CardFrameLink {
  /** What the page layer puts in the page: the frame's address and where it reports its element. */
  readonly slot: CardFrameSlot;
  /** Shows (or updates) the card in the frame; `focus` moves keyboard focus into it. */
  show(card: ToCardFrame['card/show']): void;
  /** The card closed: the frame forgets it (and waits, hidden, for the next). */
  hide(): void;
}

/**
 * The content script's end of the card frame (lib/messages/card-frame.ts): a random
 * token in the frame's address, a MessageChannel handed to the frame's window (posted to
 * its own origin only) once it loaded, and the card's state sent over it. The frame's
 * messages are checked against their schemas before anything acts on them.
 */
export function createCardFrameLink(options: CardFrameLinkOptions): CardFrameLink {
  const token = randomToken();
  const src = `${options.pageUrl}#${token}`;
  let frame: HTMLIFrameElement | null = null;
  /** One port per origin offered; the frame takes the first handshake it can read, the others go nowhere. */
  let ports: MessagePort[] = [];
  let last: ToCardFrame['card/show'] | undefined;
  /** The card sent with a focus request, until the frame says it is drawn. */
  let focusFor: string | undefined;

  /** Sends the card's state when the frame listens; a focus request is kept until then, and spent once. */
  const post = (): void => {
    if (ports.length === 0) return;
    if (!last) {
      const hide: CardFrameMessage<ToCardFrame> = { type: 'card/hide' };
      for (const port of ports) port.postMessage(hide);
      return;
    }
    const message: CardFrameMessage<ToCardFrame> = { type: 'card/show', ...last };
    for (const port of ports) port.postMessage(message);
    if (last.focus) {
      // Focus goes into the frame once it answers that the card is drawn (card/drawn).
      // Until then keys stay in the page, where Escape closes the card; a frame focused
      // before its card is drawn takes them on a bare body, where nothing hears them.
      // Later updates (a height, an edit saved) leave focus where the user put it.
      focusFor = last.highlight.id;
      last = { ...last, focus: false };
    }
  };

  /** The frame drew the card that asked for focus: focus goes in, unless the user put it elsewhere in the page meanwhile. */
  const drawn = (el: HTMLIFrameElement, id: string): void => {
    if (focusFor !== id || last?.highlight.id !== id) return;
    focusFor = undefined;
    const active = el.ownerDocument.activeElement;
    const root = el.getRootNode();
    const host = 'host' in root ? (root as ShadowRoot).host : undefined;
    if (active && active !== el.ownerDocument.body && active !== host) return;
    el.focus({ preventScroll: true });
  };

  const connect = (el: HTMLIFrameElement): void => {
    const win = el.contentWindow;
    if (el !== frame || !win) return;
    for (const port of ports) port.close();
    ports = [];
    const hear = (event: MessageEvent): void => {
      const message = readCardFrameMessage(FROM_CARD_FRAME, event.data);
      if (!message || el !== frame) return;
      if (message.type === 'card/edit') options.onEdit(message.edit);
      else if (message.type === 'card/delete') options.onDelete();
      else if (message.type === 'card/resolve-change') options.onResolveChange(message.choice);
      else if (message.type === 'card/share') options.onShare();
      else if (message.type === 'card/add-fact') {
        const { request } = message;
        void options.onAddFact(message.fact).then((ok) => {
          const answer: CardFrameMessage<ToCardFrame> = { type: 'card/fact-added', request, ok };
          if (el === frame) for (const port of ports) port.postMessage(answer);
        });
      }
      else if (message.type === 'card/close') options.onClose();
      else if (message.type === 'card/size') options.onHeight(message.height);
      else if (message.type === 'card/drawn') drawn(el, message.id);
    };
    const hello: CardFrameHandshake = { kind: 'card-frame', token };
    for (const origin of new Set(options.origins)) {
      const channel = new MessageChannel();
      channel.port1.onmessage = hear;
      ports.push(channel.port1);
      // To the extension's origin only: should the frame have been sent elsewhere, nothing goes with it.
      win.postMessage(hello, origin, [channel.port2]);
    }
    post();
  };

  const attach = (el: HTMLIFrameElement | null): void => {
    if (el === frame) return;
    frame = el;
    for (const port of ports) port.close();
    ports = [];
    if (el) el.addEventListener('load', () => connect(el), { once: true });
  };

  return {
    slot: { src, attach },
    show(card) {
      // A card asked with focus keeps asking until it was shown.
      last = { ...card, focus: card.focus || (last?.highlight.id === card.highlight.id && last.focus) };
      post();
    },
    hide() {
      last = undefined;
      focusFor = undefined;
      post();
    },
  };
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
