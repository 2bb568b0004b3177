import type { Facets, HighlightFilter } from '../lib/search/filter';
import { t } from './i18n';

export interface FilterBarProps {
  /** What can be chosen (lib/search facetsOf over all highlights). */
  facets: Facets;
  value: HighlightFilter;
  onChange: (next: HighlightFilter) => void;
  /** Display name of an entity id; the id itself when absent. */
  entityLabel?: (id: string) => string;
}

interface ChoiceProps {
  label: string;
  options: Facets['entities'];
  selected: readonly string[] | undefined;
  onPick: (values: string[]) => void;
  display?: (value: string) => string;
}

/** One select per kind of filter: "Any" or one value. */
function Choice({ label, options, selected, onPick, display = (v) => v }: ChoiceProps) {
  return (
    <label>
      {label}
      <select
        class="ql-input"
        value={selected?.[0] ?? ''}
        onChange={(e) => onPick(e.currentTarget.value ? [e.currentTarget.value] : [])}
      >
        <option value="">{t('filter_any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {t('filter_count', [display(o.value), o.count])}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Filters by entity, site, tag and date range, saying which date the range applies to
 * (publication, by default, or the day saved); every change is reported whole.
 */
export function FilterBar({ facets, value, onChange, entityLabel }: FilterBarProps) {
  const set = (patch: Partial<HighlightFilter>) => onChange({ ...value, ...patch });
  const active = Boolean(value.entities?.length || value.sites?.length || value.tags?.length || value.from || value.to);
  return (
    <fieldset class="ql-filters">
      <legend class="ql-visually-hidden">{t('filter_heading')}</legend>
      <Choice
        label={t('filter_entity')}
        options={facets.entities}
        selected={value.entities}
        onPick={(entities) => set({ entities })}
        display={entityLabel}
      />
      <Choice label={t('filter_site')} options={facets.sites} selected={value.sites} onPick={(sites) => set({ sites })} />
      <Choice label={t('filter_tag')} options={facets.tags} selected={value.tags} onPick={(tags) => set({ tags })} />
      <label>
        {t('filter_date_of')}
        <select
          class="ql-input"
          value={value.dateOf ?? 'published'}
          onChange={(e) => set({ dateOf: e.currentTarget.value === 'saved' ? 'saved' : 'published' })}
        >
          <option value="published">{t('filter_date_published')}</option>
          <option value="saved">{t('filter_date_saved')}</option>
        </select>
      </label>
      <label>
        {t('filter_from')}
        <input
          type="date"
          class="ql-input"
          value={value.from ?? ''}
          max={value.to}
          onChange={(e) => set({ from: e.currentTarget.value || undefined })}
        />
      </label>
      <label>
        {t('filter_to')}
        <input
          type="date"
          class="ql-input"
          value={value.to ?? ''}
          min={value.from}
          onChange={(e) => set({ to: e.currentTarget.value || undefined })}
        />
      </label>
      {active && (
        <button
          type="button"
          class="ql-button"
          onClick={() => onChange({ ...value, entities: [], sites: [], tags: [], from: undefined, to: undefined })}
        >
          {t('filter_clear')}
        </button>
      )}
    </fieldset>
  );
}
