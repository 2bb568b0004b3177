import type { ComponentChildren } from 'preact';
import { t } from './i18n';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

export interface NoticeProps {
  tone?: NoticeTone;
  title?: string;
  children?: ComponentChildren;
  /** Extra lines, one list item each (import warnings). */
  details?: readonly string[];
  onDismiss?: () => void;
}

/**
 * A message in plain words. Errors are announced at once (role alert); the rest
 * politely (role status), so a screen reader does not interrupt the user for them.
 */
export function Notice({ tone = 'info', title, children, details, onDismiss }: NoticeProps) {
  return (
    <div class={`ql-notice ql-notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <p class="ql-notice__title">{title}</p>}
      {children && <div>{children}</div>}
      {details && details.length > 0 && (
        <ul class="ql-notice__list">
          {details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
      {onDismiss && (
        <button type="button" class="ql-button" onClick={onDismiss}>
          {t('notice_dismiss')}
        </button>
      )}
    </div>
  );
}

export interface RestrictedPageNoticeProps {
  onOpenLibrary?: () => void;
}

/** For browser pages and web stores, where no content script may run. */
export function RestrictedPageNotice({ onOpenLibrary }: RestrictedPageNoticeProps) {
  return (
    <Notice tone="info" title={t('notice_restricted_page')}>
      <p class="ql-muted">{t('notice_restricted_page_hint')}</p>
      {onOpenLibrary && (
        <button type="button" class="ql-button ql-button--primary" onClick={onOpenLibrary}>
          {t('open_library')}
        </button>
      )}
    </Notice>
  );
}
