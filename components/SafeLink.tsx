import type { ComponentChildren } from 'preact';
import { safeHttpUrl } from '../lib/import/safe-url';
import { t } from './i18n';

export interface SafeLinkProps {
  href: string | undefined;
  children: ComponentChildren;
  /** Accessible name when the visible text alone is not enough. */
  label?: string;
  class?: string;
}

/**
 * A link to a source page that opens in a new tab. Only http and https addresses
 * become links: javascript:, data: and anything else are shown as plain text that
 * cannot be clicked. rel="noreferrer" keeps the opened page from reaching back to
 * the extension page (window.opener) or learning its address.
 */
export function SafeLink({ href, children, label, class: className }: SafeLinkProps) {
  const safe = safeHttpUrl(href);
  if (!safe) {
    return (
      <span class={`ql-link-disabled ${className ?? ''}`.trim()} title={t('link_unavailable')}>
        {children}
      </span>
    );
  }
  return (
    <a href={safe} target="_blank" rel="noreferrer noopener" class={className} aria-label={label}>
      {children}
    </a>
  );
}
