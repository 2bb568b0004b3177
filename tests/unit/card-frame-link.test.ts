import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCardFrameLink } from '../../entrypoints/lens.content/highlights/card-frame-link';
import type { CardFrameMessage, FromCardFrame, ToCardFrame } from '../../lib/messages';

const ORIGIN = 'chrome-extension://abcdefghijklmnop';
const highlight = { id: 'h1', quote: 'Weibo closed 1,200 accounts.', note: '', tags: [], color: 'yellow' as const };

/**
 * The content script's end of the card frame, over a real MessageChannel, with a stand-in
 * for the frame element and for the page's document (which only says where focus is).
 */
function linked() {
  const page = { body: { name: 'body' }, activeElement: null as unknown };
  let load: (() => void) | undefined;
  let port: MessagePort | undefined;
  const heard: Array<CardFrameMessage<ToCardFrame>> = [];
  const focus = vi.fn();
  const el = {
    ownerDocument: page,
    getRootNode: () => page,
    addEventListener: (type: string, listener: () => void) => type === 'load' && (load = listener),
    focus,
    contentWindow: {
      postMessage: (_hello: unknown, origin: string, ports: MessagePort[]) => {
        expect(origin).toBe(ORIGIN);
        port = ports[0]!;
        port.onmessage = (event) => heard.push(event.data as CardFrameMessage<ToCardFrame>);
      },
    },
  } as unknown as HTMLIFrameElement;
  const link = createCardFrameLink({
    pageUrl: `${ORIGIN}/card-frame.html`,
    origins: [ORIGIN],
    onEdit: vi.fn(),
    onDelete: vi.fn(),
    onResolveChange: vi.fn(),
    onShare: vi.fn(),
    onAddFact: vi.fn(async () => true),
    onClose: vi.fn(),
    onHeight: vi.fn(),
  });
  link.slot.attach(el);
  load!();
  const fromFrame = async (message: CardFrameMessage<FromCardFrame>) => {
    port!.postMessage(message);
    // A message crosses the channel in a task of its own.
    await new Promise((resolve) => setTimeout(resolve, 10));
  };
  const settled = () => new Promise((resolve) => setTimeout(resolve, 10));
  return { link, page, heard, focus, fromFrame, settled, port: () => port! };
}

afterEach(() => vi.restoreAllMocks());

describe('the card frame link: focus goes into the frame once its card is drawn', () => {
  it('sends the card with its focus request, and focuses the frame only when the frame says that card is drawn', async () => {
    const { link, heard, focus, fromFrame, settled } = linked();
    link.show({ highlight, focus: true });
    await settled();
    expect(heard.at(-1)).toMatchObject({ type: 'card/show', focus: true, highlight: { id: 'h1' } });
    // Keys pressed now go to the page, where Escape closes the card: the frame is not focused yet.
    expect(focus).not.toHaveBeenCalled();
    await fromFrame({ type: 'card/drawn', id: 'h1' });
    expect(focus).toHaveBeenCalledTimes(1);
    expect(focus).toHaveBeenCalledWith({ preventScroll: true });
    // Spent once: a later update (an edit saved) or a second report moves nothing.
    link.show({ highlight: { ...highlight, note: 'n' }, focus: false });
    await fromFrame({ type: 'card/drawn', id: 'h1' });
    expect(focus).toHaveBeenCalledTimes(1);
    expect(heard.at(-1)).toMatchObject({ type: 'card/show', focus: false });
  });

  it('does not focus a card closed, or replaced by another, before it was drawn', async () => {
    const closed = linked();
    closed.link.show({ highlight, focus: true });
    closed.link.hide();
    await closed.fromFrame({ type: 'card/drawn', id: 'h1' });
    expect(closed.focus).not.toHaveBeenCalled();

    const replaced = linked();
    replaced.link.show({ highlight, focus: true });
    replaced.link.show({ highlight: { ...highlight, id: 'h2' }, focus: false });
    await replaced.fromFrame({ type: 'card/drawn', id: 'h1' });
    expect(replaced.focus).not.toHaveBeenCalled();
  });

  it('leaves focus where the user put it in the page meanwhile', async () => {
    const { link, page, focus, fromFrame } = linked();
    link.show({ highlight, focus: true });
    page.activeElement = { name: 'the page’s search field' };
    await fromFrame({ type: 'card/drawn', id: 'h1' });
    expect(focus).not.toHaveBeenCalled();
  });

  it('takes focus from the page’s body (nothing focused there)', async () => {
    const { link, page, focus, fromFrame } = linked();
    page.activeElement = page.body;
    link.show({ highlight, focus: true });
    await fromFrame({ type: 'card/drawn', id: 'h1' });
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it('ignores a drawn report that is not a message of the frame', async () => {
    const { link, focus, port, settled } = linked();
    link.show({ highlight, focus: true });
    port().postMessage({ type: 'card/drawn', id: 42 });
    await settled();
    expect(focus).not.toHaveBeenCalled();
  });
});
