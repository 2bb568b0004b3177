export interface NoticeBarProps {
  message: string;
  onDismiss: () => void;
}

/** A message the user must see (a save that failed), until they dismiss it. */
export function NoticeBar({ message, onDismiss }: NoticeBarProps) {
  return (
    <div class="ql-bar ql-bar--error" role="alert">
      <span>{message}</span>
      <button type="button" class="ql-bar__close" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
