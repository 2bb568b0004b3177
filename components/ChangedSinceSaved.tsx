import type { ChangeChoice } from '../lib/highlight-service/types';
import type { Highlight } from '../lib/types';
import { t } from './i18n';

export interface ChangedSinceSavedProps {
  changed: NonNullable<Highlight['changed']>;
  /** The user's answer; without it the line is shown alone (a view that cannot write). */
  onResolve?: (choice: ChangeChoice) => void;
  /** Class of the line, so the page card and the extension pages can each style it. */
  class?: string;
}

/**
 * "Changed since saved": the page now states other figures where the user saved a
 * passage, old → new as written, and the two answers. Shown until the user answers; a
 * change they kept is not shown (the highlight's `changed.kept`).
 */
export function ChangedSinceSaved({ changed, onResolve, class: className = 'ql-changed' }: ChangedSinceSavedProps) {
  if (changed.kept) return null;
  return (
    <div class={className} role="note">
      <p>{t('highlight_changed', [changed.was.join(', ') || '—', changed.now.join(', ') || '—'])}</p>
      {onResolve && (
        <div class="ql-changed__actions">
          <button type="button" class="ql-button" title={t('change_keep_hint')} onClick={() => onResolve('keep')}>
            {t('change_keep')}
          </button>
          <button type="button" class="ql-button" title={t('change_take_hint')} onClick={() => onResolve('take')}>
            {t('change_take')}
          </button>
        </div>
      )}
    </div>
  );
}
