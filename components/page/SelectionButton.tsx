import { useRef } from 'preact/hooks';
import type { ViewportPoint } from './floating';
import { usePlacement } from './use-placement';

export interface SelectionButtonProps {
  /** Viewport point at the end of the user's selection. */
  at: ViewportPoint;
  /** True while the save is on its way to the background. */
  busy?: boolean;
  onSave: () => void;
}

/**
 * The small button that appears next to a selection. It must never take the selection
 * away: a mousedown on a button normally moves focus and collapses the page's
 * selection, so the default is prevented and the click alone acts.
 */
export function SelectionButton({ at, busy = false, onSave }: SelectionButtonProps) {
  const ref = useRef<HTMLButtonElement>(null);
  const { left, top } = usePlacement(ref, at);
  return (
    <button
      ref={ref}
      type="button"
      class="ql-selection-button"
      style={{ left: `${left}px`, top: `${top}px` }}
      aria-label="Highlight with Qinglang Lens"
      title="Highlight with Qinglang Lens (Alt+Shift+H)"
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
  );
}
