import type { EntityId } from '@/lib/types';
import type { EntityNamer } from '../popup/entity-names';
import { lt } from './strings';

export interface EntityNavItem {
  id: EntityId;
  highlights: number;
  facts: number;
}

export interface EntityNavProps {
  items: readonly EntityNavItem[];
  current: EntityId | undefined;
  name: EntityNamer;
  color: (id: EntityId) => string | undefined;
  onPick: (id: EntityId | undefined) => void;
}

/** The names the user's highlights mention: each opens the view of everything about it. */
export function EntityNav({ items, current, name, color, onPick }: EntityNavProps) {
  return (
    <nav aria-label={lt('names_heading')} class="library-names">
      <h2 class="ql-section__heading">{lt('names_heading')}</h2>
      <ul class="ql-list">
        <li>
          <button type="button" class="library-names__item" aria-current={current === undefined ? 'true' : undefined} onClick={() => onPick(undefined)}>
            <span>{lt('all_names')}</span>
          </button>
        </li>
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              class="library-names__item"
              aria-current={current === item.id ? 'true' : undefined}
              onClick={() => onPick(item.id)}
            >
              <span class="library-names__swatch" style={{ background: color(item.id) ?? 'var(--ql-border)' }} aria-hidden="true" />
              <span class="library-names__label">{name(item.id).label}</span>
              <span class="library-names__count">
                {item.highlights === 1 ? lt('count_highlight_one') : lt('count_highlights', [item.highlights])} ·{' '}
                {item.facts === 1 ? lt('count_fact_one') : lt('count_facts', [item.facts])}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
