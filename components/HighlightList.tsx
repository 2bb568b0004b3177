import { useId } from 'preact/hooks';
import type { Highlight } from '../lib/types';
import { HighlightItem, type HighlightChanges, type HighlightItemProps } from './HighlightItem';
import { t } from './i18n';

export interface HighlightListProps {
  highlights: readonly Highlight[];
  onSave?: (id: string, changes: HighlightChanges) => void;
  onDelete?: (id: string) => void;
  showPage?: boolean;
  onResolveChange?: HighlightItemProps['onResolveChange'];
  /** Shown when there are none; a default invites the user to select text. */
  emptyText?: string;
}

/** Saved highlights, with those no longer found on the page in a section of their own. */
export function HighlightList({ highlights, onSave, onDelete, showPage, emptyText, onResolveChange }: HighlightListProps) {
  const headingId = useId();
  if (highlights.length === 0) return <p class="ql-muted">{emptyText ?? t('highlights_empty')}</p>;
  const anchored = highlights.filter((h) => !h.orphaned);
  const orphaned = highlights.filter((h) => h.orphaned);
  const item = (h: Highlight) => (
    <li key={h.id}>
      <HighlightItem highlight={h} onSave={onSave} onDelete={onDelete} showPage={showPage} onResolveChange={onResolveChange} />
    </li>
  );
  return (
    <div>
      {anchored.length > 0 && <ul class="ql-list">{anchored.map(item)}</ul>}
      {orphaned.length > 0 && (
        <section class="ql-section" aria-labelledby={headingId}>
          <h3 class="ql-section__heading" id={headingId}>
            {t('orphaned_heading')}
          </h3>
          <p class="ql-muted">{t('orphaned_hint')}</p>
          <ul class="ql-list">{orphaned.map(item)}</ul>
        </section>
      )}
    </div>
  );
}
