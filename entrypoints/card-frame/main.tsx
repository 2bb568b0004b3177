import layerCss from '@/components/page/page-layer.css?inline';
import './card-frame.css';
import { render } from 'preact';
import { HighlightCard } from '@/components/page/HighlightCard';
import { getLocale, pickLocale, setLocale } from '@/components/i18n';
import { isHandshake, readCardFrameMessage, TO_CARD_FRAME, type CardFrameMessage, type FromCardFrame, type ToCardFrame } from '@/lib/messages';

/**
 * The card of a saved highlight, in a frame of the extension's own origin inside the
 * page's closed shadow root: the note and tags are typed here, so the page's scripts
 * (listening on their window and document, in capture) hear no key of it. It knows only
 * what the content script sends over the port it handed over (lib/messages/card-frame.ts).
 */
// The user's own card (note, tags, sharing) speaks the browser's language, like the popup.
setLocale(pickLocale(navigator.languages));
document.documentElement.lang = getLocale() === 'zh' ? 'zh-CN' : 'en';

const style = document.createElement('style');
style.textContent = layerCss;
document.head.append(style);

const token = location.hash.slice(1);
const root = document.getElementById('card')!;
let port: MessagePort | undefined;

const send = (message: CardFrameMessage<FromCardFrame>): void => port?.postMessage(message);

/** The card's own height: the body's, since the document is at least as tall as the frame and would never let it shrink. */
const cardHeight = (): number => Math.ceil(document.body.getBoundingClientRect().height);
/** Tells the page layer the card's height; nothing while no card is drawn (the frame keeps the last). */
const sendSize = (): void => {
  const height = cardHeight();
  if (height > 0) send({ type: 'card/size', height });
};

/** Facts added by hand waiting for the content script's answer, by request number. */
const adding = new Map<number, (ok: boolean) => void>();
let requests = 0;
const addFact = (fact: FromCardFrame['card/add-fact']['fact']): Promise<boolean> =>
  new Promise((resolve) => {
    const request = ++requests;
    adding.set(request, resolve);
    send({ type: 'card/add-fact', request, fact });
  });

/** Whether a card is drawn (between card/show and card/hide). */
let showing = false;

function show(message: CardFrameMessage<ToCardFrame>): void {
  if (message.type === 'card/hide') {
    showing = false;
    return render(null, root);
  }
  if (message.type === 'card/fact-added') {
    adding.get(message.request)?.(message.ok);
    adding.delete(message.request);
    return;
  }
  render(
    <HighlightCard
      key={message.highlight.id}
      highlight={message.highlight}
      at={{ x: 0, y: 0 }}
      error={message.error}
      focusOnOpen={message.focus}
      onChange={(edit) => send({ type: 'card/edit', edit })}
      onDelete={() => send({ type: 'card/delete' })}
      onResolveChange={(choice) => send({ type: 'card/resolve-change', choice })}
      share={message.share}
      onShare={() => send({ type: 'card/share' })}
      onAddFact={addFact}
      onClose={() => send({ type: 'card/close' })}
    />,
    root,
  );
  showing = true;
  // The note asked for focus as the card rendered (useFocusOnOpen); the page focuses the frame now.
  if (message.focus) send({ type: 'card/drawn', id: message.highlight.id });
}

// Escape on the frame's own body closes the card too: focus can reach the frame a moment
// before its note can take it (the frame is not displayed yet), and the card's own handler
// hears only keys inside the card. Inside it, that handler has the key (and the note).
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || !showing || event.defaultPrevented) return;
  if (document.activeElement !== null && document.activeElement !== document.body) return;
  send({ type: 'card/close' });
});

window.addEventListener('message', (event) => {
  // Only the content script that put this frame in the page knows the token of its address.
  if (port || event.source !== window.parent || !isHandshake(event.data, token) || !event.ports[0]) return;
  port = event.ports[0];
  sendSize();
  port.onmessage = (e) => {
    const message = readCardFrameMessage(TO_CARD_FRAME, e.data);
    if (message) show(message);
  };
});

// The frame is as tall as the card: its frame in the page follows.
new ResizeObserver(sendSize).observe(document.body);
