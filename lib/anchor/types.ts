/** How a stored highlight was found again on a page's text. */
export type AnchorMethod =
  /** The stored TextPositionSelector still points at the exact quote. */
  | 'position'
  /** The exact quote (possibly with different whitespace) was found elsewhere. */
  | 'quote'
  /** An approximate match of the quote, vouched for by its context. */
  | 'fuzzy';

/** Where a highlight lies in the current text: UTF-16 offsets, `end` exclusive. */
export interface AnchorResult {
  start: number;
  end: number;
  method: AnchorMethod;
}
