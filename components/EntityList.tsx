import { useId } from 'preact/hooks';
import type { EntityId } from '../lib/types';
import { t } from './i18n';

export interface EntityListItem {
  id: EntityId;
  /** Display name ("Cyberspace Administration of China (CAC)"). */
  label: string;
  /** Mentions on the page. */
  count: number;
  /** One line saying what it is. */
  description?: string;
}

export interface EntityListProps {
  entities: readonly EntityListItem[];
  /** Called with the entity whose next mention the page should scroll to. */
  onSelect?: (id: EntityId) => void;
}

/** The entities found on the page, each with its count; activating one moves to its next mention. */
export function EntityList({ entities, onSelect }: EntityListProps) {
  const listId = useId();
  if (entities.length === 0) return <p class="ql-muted">{t('entities_empty')}</p>;
  return (
    <ul class="ql-list" aria-label={t('entities_heading')}>
      {entities.map((e) => {
        const count = e.count === 1 ? t('entity_mention_one') : t('entity_mentions', [e.count]);
        const descriptionId = `${listId}-${e.id}`;
        const hintId = `${listId}-${e.id}-hint`;
        // The name is what the button shows ("Weibo 2 mentions"), so speech users can say
        // it; what it does and the description are read after it, as its description.
        return (
          <li key={e.id}>
            <button
              type="button"
              class="ql-entity"
              aria-describedby={e.description ? `${hintId} ${descriptionId}` : hintId}
              onClick={() => onSelect?.(e.id)}
            >
              <span class="ql-entity__label">{e.label}</span>
              <span class="ql-entity__count">{count}</span>
              {e.description && (
                <span class="ql-entity__description" id={descriptionId} aria-hidden="true">
                  {e.description}
                </span>
              )}
            </button>
            <span id={hintId} hidden>
              {t('entity_show_next', [e.label])}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
