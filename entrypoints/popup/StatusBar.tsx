import { Notice, type NoticeTone } from '@/components/Notice';

/** What happened last, and the one thing the user can do about it (undo). */
export interface Status {
  tone: NoticeTone;
  text: string;
  action?: { label: string; run: () => void };
}

/**
 * The page's status line: always in the document as a live region, so a screen reader
 * hears each new status (a region added together with its text is often not read).
 */
export function StatusBar({ status, onDismiss }: { status?: Status; onDismiss: () => void }) {
  return (
    <div class="ql-status" aria-live="polite">
      {status && (
        <Notice tone={status.tone}>
          <div class="ql-status__row">
            <span>{status.text}</span>
            {status.action && (
              <button
                type="button"
                class="ql-button ql-button--primary"
                onClick={() => {
                  const run = status.action?.run;
                  onDismiss();
                  run?.();
                }}
              >
                {status.action.label}
              </button>
            )}
          </div>
        </Notice>
      )}
    </div>
  );
}
