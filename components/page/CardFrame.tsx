import { useRef } from 'preact/hooks';
import type { ViewportPoint } from './floating';
import { usePlacement } from './use-placement';

/** Where the card's frame comes from, and how the content script links to it. */
export interface CardFrameSlot {
  /** The card frame's address (the extension page, with its token). */
  src: string;
  /** Called with the frame element once it is in place, and with null when it goes. */
  attach: (frame: HTMLIFrameElement | null) => void;
}

// The card's own width (page-layer.css) and a first height until the frame tells its own.
const WIDTH = 300;
const FIRST_HEIGHT = 260;
// The frame's border (page-layer.css, border-box): the card inside gets the height it asked for.
const BORDER = 1;

/**
 * The card of a saved highlight, held in a frame of the extension's origin (see
 * entrypoints/card-frame): placed beside its passage like the card itself, as tall as
 * the card inside says it is. The frame is put in place with the Highlight button and
 * stays, hidden, between cards: a card then opens with focus in its note at once, and
 * no key the user types after saving can reach the page while a frame loads.
 */
// Where a frame waits while no card is open: loaded, out of sight, out of the tab order.
const AWAY: ViewportPoint = { x: -10_000, y: -10_000 };

export function CardFrame({ slot, at, height }: { slot: CardFrameSlot; at?: ViewportPoint; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const placed = usePlacement(ref, at ?? AWAY);
  // A new card opens at the last card's height (cards differ little), not at a guess: each
  // resize of the frame is a moment when Chromium may send a click to the page instead.
  const h = (height ?? FIRST_HEIGHT) + 2 * BORDER;
  const shown = at !== undefined;
  return (
    <div
      ref={ref}
      class="ql-card-frame"
      hidden={!shown}
      style={{ left: `${shown ? placed.left : AWAY.x}px`, top: `${shown ? placed.top : AWAY.y}px`, width: `${WIDTH}px`, height: `${h}px` }}
    >
      <iframe ref={slot.attach} src={slot.src} title="Highlight" style={{ width: `${WIDTH}px`, height: `${h}px` }} />
    </div>
  );
}
