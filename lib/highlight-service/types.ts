/**
 * The shapes of the highlight messages, derived from the stored ones (lib/types,
 * lib/store/types) rather than restated, so a field added to a highlight reaches the
 * draft, the edit and the schema that checks them in one place.
 */
import type { Highlight, PageMeta } from '../types';
import type { HighlightEdit, StoredPage, StoreError } from '../store/types';

/**
 * What the content script knows of a new highlight; the background adds its url (from
 * the page), entities, facts and `updated`. `id` is a client-generated random UUID (see
 * the content script's new-id.ts) and `created` the moment the user saved, so a retried
 * save sends the same id and time and is never saved twice.
 */
export type HighlightDraft = Pick<Highlight, 'id' | 'page' | 'selectors' | 'quote' | 'note' | 'tags' | 'color' | 'created'>;

/**
 * The page as it was when its first highlight was made, for citing it after it changes
 * or goes. A long text comes in parts: the save carries the first part and the whole
 * text's `length`, and the rest follows in `pages/text-part` messages (TextPart).
 */
export type PageCapture = { meta: PageMeta; length?: number } & Required<Pick<StoredPage, 'text' | 'captured'>>;

/**
 * One later part of a page's captured text: `offset` is where it goes in the whole, of
 * `length` characters. A part at offset 0 begins the text again (after a worker restart
 * forgot the parts before).
 */
export type TextPart = { url: string; offset: number; length: number } & Required<Pick<StoredPage, 'text' | 'captured'>>;

/**
 * Characters of a captured page text per message. Sending a message copies it on the
 * page's main thread: 200,000 characters took 48–66 ms in one go on our test machine,
 * 50,000 about 5; a part of 32,000 keeps each send well inside the 50 ms budget.
 */
export const CAPTURE_PART_CHARS = 32_000;

/** A saved highlight, and what went wrong keeping its page's text if anything did (the highlight is saved all the same). */
export interface SaveReceipt {
  highlight: Highlight;
  pageError?: StoreError;
  /**
   * True when the page already held this passage (the same quote at the same place,
   * saved from another tab or an earlier click): `highlight` is that one, unchanged.
   */
  existing?: boolean;
}

/** What the user edits on a highlight's card: a store edit, without the flag only re-anchoring sets. */
export type CardEdit = Omit<HighlightEdit, 'orphaned'>;

/** A saved passage that re-anchoring found at text other than its quote (or back at its quote while marked changed). */
export interface MovedPassage {
  id: string;
  /** The page's text where the passage was found. */
  text: string;
}

/** The user's answer to a change since saved. */
export type ChangeChoice = 'keep' | 'take';
