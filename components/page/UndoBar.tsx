export interface UndoBarProps {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}

/** "Highlight deleted · Undo": a short-lived bar at the bottom of the viewport. */
export function UndoBar({ message, onUndo, onDismiss }: UndoBarProps) {
  return (
    <div class="ql-bar" role="status">
      <span>{message}</span>
      <button type="button" class="ql-bar__action" onClick={onUndo}>
        Undo
      </button>
      <button type="button" class="ql-bar__close" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
