export { createHighlightService, type HighlightService, type HighlightServiceOptions, type StoreSource } from './service';
export { registerHighlightHandlers, type HighlightHandlerOptions } from './handlers';
export {
  createSelectionTrigger,
  HIGHLIGHT_COMMAND,
  HIGHLIGHT_MENU_ID,
  HIGHLIGHT_MENU_TITLE,
  type SelectionTrigger,
} from './selection-trigger';
export { factsOfQuote, entitiesOf } from './facts-of-quote';
export type { CardEdit, ChangeChoice, HighlightDraft, MovedPassage, PageCapture, SaveReceipt, TextPart } from './types';
export { CAPTURE_PART_CHARS } from './types';
