/**
 * The messages between a page's content script and the card frame: the extension page
 * (entrypoints/card-frame) that holds a saved highlight's card, note and tags fields
 * included, so that what the user types there is the frame's keystrokes, never the
 * page's (key and input events do not leave the frame's own document).
 *
 * They travel over a MessageChannel the content script hands the frame once it loaded,
 * posted to the frame's own (extension) origin with a random token the frame finds in
 * its address: the page cannot reach the port, and cannot pass itself off as the
 * content script. Each side checks what arrives against these schemas all the same.
 */
import * as v from 'valibot';
import { HighlightFieldsSchema } from '../schema/highlight';
import type { Highlight } from '../types';
import type { CardEdit, ChangeChoice } from '../highlight-service/types';
import type { HandFactInput } from '../facts/hand-facts';
import type { ShareState } from '../sharing/types';
import { cardEdit, handFactInput } from './schemas';

/** The parts of a highlight the card shows and edits. */
export type CardHighlight = Pick<Highlight, 'id' | 'quote' | 'note' | 'tags' | 'color'> & Partial<Pick<Highlight, 'orphaned' | 'changed'>>;

/** Sharing in the card: the connected group's name and where this highlight stands. */
export interface CardShare {
  group: string;
  state?: ShareState;
}

/** Sent by the content script only (the frame takes nothing else): what the card shows. */
export type ToCardFrame = {
  /** Shows (or updates) the card; `focus`: move focus into its note as it opens; `share`: only while a group is connected. */
  'card/show': { highlight: CardHighlight; error?: string; focus: boolean; share?: CardShare };
  /** The answer to the frame's `card/add-fact` of the same `request`: stored or not. */
  'card/fact-added': { request: number; ok: boolean };
  /** No card is open: the frame shows nothing (it stays loaded, hidden, for the next). */
  'card/hide': Record<never, never>;
};

/** Sent by the card frame only (the content script takes these from its port, nowhere else). */
export type FromCardFrame = {
  /** The user changed note, tags or colour. */
  'card/edit': { edit: CardEdit };
  'card/delete': Record<never, never>;
  /** The user chose what to do about a passage that changed on the page since it was saved. */
  'card/resolve-change': { choice: ChangeChoice };
  /** Share with the group (or try again after a failure). */
  'card/share': Record<never, never>;
  /** A fact stated by hand; answered by `card/fact-added` with the same `request`. */
  'card/add-fact': { request: number; fact: HandFactInput };
  /** Done, or Escape inside the card. */
  'card/close': Record<never, never>;
  /** The card's height in CSS pixels, so its frame fits it. */
  'card/size': { height: number };
  /**
   * The card shown with `focus` is drawn, its note ready: only now does the content script
   * move focus into the frame, so no key lands on a frame with no card in it yet.
   */
  'card/drawn': { id: string };
};

export type CardFrameMessage<M> = { [K in keyof M]: { type: K } & M[K] }[keyof M];

const cardHighlight: v.GenericSchema<unknown, CardHighlight> = v.object({
  ...v.pick(HighlightFieldsSchema, ['id', 'quote', 'note', 'tags', 'color', 'orphaned', 'changed']).entries,
});

type Schemas<M> = { [K in keyof M]: v.GenericSchema<unknown, M[K]> };

const request = v.pipe(v.number(), v.integer(), v.minValue(0));

const shareState: v.GenericSchema<unknown, ShareState> = v.variant('state', [
  v.object({ state: v.literal('shared'), remoteId: v.string(), at: v.number() }),
  v.object({ state: v.literal('waiting'), remoteId: v.optional(v.string()), attempts: v.number(), nextTry: v.number(), reason: v.optional(v.string()) }),
  v.object({ state: v.literal('failed'), remoteId: v.optional(v.string()), reason: v.string() }),
]);

export const TO_CARD_FRAME: Schemas<ToCardFrame> = {
  'card/show': v.object({
    highlight: cardHighlight,
    error: v.optional(v.string()),
    focus: v.boolean(),
    share: v.optional(v.object({ group: v.string(), state: v.optional(shareState) })),
  }),
  'card/fact-added': v.object({ request, ok: v.boolean() }),
  'card/hide': v.object({}),
};

export const FROM_CARD_FRAME: Schemas<FromCardFrame> = {
  'card/edit': v.object({ edit: cardEdit }),
  'card/delete': v.object({}),
  'card/resolve-change': v.object({ choice: v.picklist(['keep', 'take']) }),
  'card/share': v.object({}),
  'card/add-fact': v.object({ request, fact: handFactInput }),
  'card/close': v.object({}),
  'card/size': v.object({ height: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(10_000)) }),
  'card/drawn': v.object({ id: v.string() }),
};

/** `data` as a message of `table`, checked; undefined for anything else. */
export function readCardFrameMessage<M>(table: Schemas<M>, data: unknown): CardFrameMessage<M> | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const type = (data as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(table, type)) return undefined;
  const parsed = v.safeParse(table[type as keyof M], data);
  return parsed.success ? ({ ...(parsed.output as object), type } as CardFrameMessage<M>) : undefined;
}

/** The first message the content script posts to the frame's window, with the port. */
export interface CardFrameHandshake {
  kind: 'card-frame';
  /** The token of the frame's address (its hash): proves the sender put the frame there. */
  token: string;
}

export function isHandshake(data: unknown, token: string): boolean {
  return typeof data === 'object' && data !== null && (data as CardFrameHandshake).kind === 'card-frame' && (data as CardFrameHandshake).token === token && token.length >= 16;
}
