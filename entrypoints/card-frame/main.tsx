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

/** Facts added by hand waiting for the content script's answer, by request number. */
const adding = new Map<number, (ok: boolean) => void>();
let requests = 0;
const addFact = (fact: FromCardFrame['card/add-fact']['fact']): Promise<boolean> =>
  new Promise((resolve) => {
    const request = ++requests;
    adding.set(request, resolve);
    send({ type: 'card/add-fact', request, fact });
  });

/**
 * Keys that reached this frame before its card's note took focus: the content script
 * focuses the frame as it sends the card, and the user may type on before the card is
 * drawn and its note focused. They go into the note, after what the page kept
 * (`typed`, typed while the save was in flight).
 */
let early = '';
/** The card that took focus already: later updates of it (its note saved, say) leave focus where the user put it. */
let focusedCard: string | undefined;

const noteField = (): HTMLTextAreaElement | null => root.querySelector('textarea');

/** Puts `text` where the user is typing in the note, as typing would (the card hears an input event). */
function typeIntoNote(note: HTMLTextAreaElement, text: string): void {
  if (document.activeElement !== note) note.focus({ preventScroll: true });
  for (const key of text) {
    if (key === '\b') document.execCommand('delete');
    else document.execCommand('insertText', false, key);
  }
}

// A printable key while nothing in the frame has focus (the frame was just focused for
// a new card): into the note, or kept until the card is drawn.
window.addEventListener(
  'keydown',
  (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (document.activeElement && document.activeElement !== document.body) return;
    const key = event.key === 'Backspace' ? '\b' : [...event.key].length === 1 ? event.key : undefined;
    if (key === undefined) return;
    event.preventDefault();
    const note = noteField();
    if (note) typeIntoNote(note, key);
    else early = key === '\b' ? Array.from(early).slice(0, -1).join('') : early + key;
  },
  { capture: true },
);

function show(message: CardFrameMessage<ToCardFrame>): void {
  if (message.type === 'card/hide') {
    early = '';
    focusedCard = undefined;
    return render(null, root);
  }
  if (message.type === 'card/typed') {
    const note = noteField();
    if (note) typeIntoNote(note, message.text);
    else early += message.text;
    return;
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
  if (!message.focus || focusedCard === message.highlight.id) return;
  focusedCard = message.highlight.id;
  // Into the note at once (the card's own effect would do it a frame later, and keys typed
  // in between would go nowhere), with what was typed before it could take them.
  const note = noteField();
  const text = (message.typed ?? '') + early;
  early = '';
  if (note) typeIntoNote(note, text);
}

window.addEventListener('message', (event) => {
  // Only the content script that put this frame in the page knows the token of its address.
  if (port || event.source !== window.parent || !isHandshake(event.data, token) || !event.ports[0]) return;
  port = event.ports[0];
  send({ type: 'card/size', height: Math.ceil(document.documentElement.scrollHeight) });
  port.onmessage = (e) => {
    const message = readCardFrameMessage(TO_CARD_FRAME, e.data);
    if (message) show(message);
  };
});

// The frame is as tall as the card: its frame in the page follows.
new ResizeObserver(() => send({ type: 'card/size', height: Math.ceil(document.documentElement.scrollHeight) })).observe(document.body);
