import type { ViewportPoint } from './floating';
import { EntityHoverCard, type EntityHoverCardProps } from './EntityHoverCard';
import { HighlightCard, type CardHighlight, type CardShare, type HighlightEdit } from './HighlightCard';
import { NoticeBar } from './NoticeBar';
import { SelectionButton } from './SelectionButton';
import { UndoBar } from './UndoBar';
import { CardFrame, type CardFrameSlot } from './CardFrame';
import type { ChangeChoice } from '../../lib/highlight-service/types';
import type { HandFactInput } from '../../lib/facts/hand-facts';

/** Everything the extension shows on a page at one moment; absent parts are not drawn. */
export interface PageLayerState {
  /** `fact`: the selection lies in a fact sentence, so Save fact is offered too. */
  button?: { at: ViewportPoint; busy: boolean; fact?: boolean };
  /** `focus`: move focus into the card as it opens. */
  card?: { highlight: CardHighlight; at: ViewportPoint; error?: string; focus?: boolean; share?: CardShare };
  hover?: EntityHoverCardProps;
  undo?: { message: string };
  /**
   * The card's frame, kept in place (hidden while no card is open) and loaded before it is
   * needed; `height`: the last its card reported. The frame's, not a card's: a report that
   * comes while no card is open still holds for the next card it draws.
   */
  cardFrame?: { height?: number };
  notice?: { message: string };
}

export interface PageLayerActions {
  onSave: () => void;
  onSaveFact: () => void;
  onEdit: (edit: HighlightEdit) => void;
  onDelete: () => void;
  /** Share the card's highlight with the group (or try again). */
  onShare?: () => void;
  /** The user's answer to the card's passage changed since saved. */
  onResolveChange: (choice: ChangeChoice) => void;
  /** Adds a fact by hand to the card's highlight; resolves true once stored. */
  onAddFact: (input: HandFactInput) => Promise<boolean>;
  onCloseCard: () => void;
  onUndo: () => void;
  onDismissUndo: () => void;
  onDismissNotice: () => void;
  /**
   * Where the card goes when it is held in the extension's frame (on a web page: what is
   * typed into it must not reach the page's key listeners); without it, drawn in place.
   */
  cardFrame?: CardFrameSlot;
}

/** The in-page layer, rendered inside our shadow root. */
export function PageLayer({ state, actions }: { state: PageLayerState; actions: PageLayerActions }) {
  return (
    <>
      {state.button && (
        <SelectionButton
          at={state.button.at}
          busy={state.button.busy}
          onSave={actions.onSave}
          onSaveFact={state.button.fact ? actions.onSaveFact : undefined}
        />
      )}
      {actions.cardFrame && (state.card || state.cardFrame) && (
        <CardFrame slot={actions.cardFrame} at={state.card?.at} height={state.cardFrame?.height} />
      )}
      {state.card && !actions.cardFrame && (
        <HighlightCard
          key={state.card.highlight.id}
          highlight={state.card.highlight}
          at={state.card.at}
          error={state.card.error}
          focusOnOpen={state.card.focus}
          onChange={actions.onEdit}
          onDelete={actions.onDelete}
          onClose={actions.onCloseCard}
          share={state.card.share}
          onShare={actions.onShare}
          onResolveChange={actions.onResolveChange}
          onAddFact={actions.onAddFact}
        />
      )}
      {state.hover && <EntityHoverCard {...state.hover} />}
      {(state.undo || state.notice) && (
        <div class="ql-bars">
          {state.notice && <NoticeBar message={state.notice.message} onDismiss={actions.onDismissNotice} />}
          {state.undo && (
            <UndoBar message={state.undo.message} onUndo={actions.onUndo} onDismiss={actions.onDismissUndo} />
          )}
        </div>
      )}
    </>
  );
}
