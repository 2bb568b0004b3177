import type { ShareState } from '../lib/sharing';
import { t } from './i18n';

/** What a list of highlights needs to offer sharing: the group, where each stands, and the two actions. */
export interface ShareProps {
  /** The connected group's name. */
  group: string;
  states: Readonly<Record<string, ShareState>>;
  onShare(id: string): void;
  onRetry(id: string): void;
}

/**
 * "Share with <group>", or where the highlight stands: shared, waiting (with why, when a
 * try failed), or failed with the server's sentence and Retry.
 */
export function ShareControl({ id, name, share }: { id: string; name: string; share: ShareProps }) {
  const state = share.states[id];
  if (!state) {
    return (
      <button type="button" class="ql-button ql-share__button" aria-label={t('share_with_label', [share.group, name])} onClick={() => share.onShare(id)}>
        {t('share_with', [share.group])}
      </button>
    );
  }
  if (state.state === 'shared') {
    return (
      <p class="ql-muted ql-share" data-share="shared">
        {t('share_shared', [share.group])}
      </p>
    );
  }
  if (state.state === 'waiting') {
    return (
      <p class="ql-muted ql-share" data-share="waiting" role="status">
        {t('share_waiting', [share.group])}
        {state.reason && <span> {state.reason}</span>}
      </p>
    );
  }
  return (
    <div class="ql-share" data-share="failed" role="alert">
      <p class="ql-share__reason">
        {t('share_failed', [share.group])} {state.reason}
      </p>
      <button type="button" class="ql-button" aria-label={t('share_retry_label', [name])} onClick={() => share.onRetry(id)}>
        {t('share_retry')}
      </button>
    </div>
  );
}
