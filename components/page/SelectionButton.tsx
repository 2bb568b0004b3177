import { useRef } from 'preact/hooks';
import type { ViewportPoint } from './floating';
import { usePlacement } from './use-placement';

export interface SelectionButtonProps {
  /** Viewport point at the end of the user's selection. */
  at: ViewportPoint;
  /** True while the save is on its way to the background. */
  busy?: boolean;
  onSave: () => void;
  /** Offered when the selection lies in a sentence that states a campaign figure. */
  onSaveFact?: () => void;
}

/**
 * The small buttons that appear next to a selection: Highlight, and Save fact when the
 * selection lies in a fact sentence. They must never take the selection away: a
 * mousedown on a button normally moves focus and collapses the page's selection, so the
 * default is prevented and the click alone acts. From the keyboard, Tab reaches them
 * (highlights/index.ts moves focus here) and Escape goes back to the page.
 */
export function SelectionButton({ at, busy = false, onSave, onSaveFact }: SelectionButtonProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { left, top } = usePlacement(ref, at);
  return (
    <div ref={ref} class="ql-selection" role="group" aria-label="Highlight the selection" style={{ left: `${left}px`, top: `${top}px` }}>
      <button
        type="button"
        class="ql-selection-button"
        aria-label="Highlight"
        title="Highlight (Alt+Shift+H)"
        aria-keyshortcuts="Alt+Shift+H"
        disabled={busy}
        onMouseDown={(event) => event.preventDefault()}
        onClick={(event) => {
          event.preventDefault();
          if (!busy) onSave();
        }}
      >
        <span class="ql-selection-button__mark" aria-hidden="true" />
        {busy ? 'Saving…' : 'Highlight'}
      </button>
      {onSaveFact && !busy && (
        <button
          type="button"
          class="ql-selection-button ql-selection-button--fact"
          title="Save the whole sentence as a highlight, with its campaign figures"
          onMouseDown={(event) => event.preventDefault()}
          onClick={(event) => {
            event.preventDefault();
            onSaveFact();
          }}
        >
          Save fact
        </button>
      )}
    </div>
  );
}
