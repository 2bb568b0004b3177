import { useId } from 'preact/hooks';
import { t } from './i18n';

export interface SearchBoxProps {
  value: string;
  onInput: (query: string) => void;
  placeholder?: string;
  /** Set to focus the box when the page opens. */
  autoFocus?: boolean;
}

/** A search field in a search landmark; Escape clears it. */
export function SearchBox({ value, onInput, placeholder, autoFocus }: SearchBoxProps) {
  const inputId = useId();
  return (
    <form role="search" class="ql-search" onSubmit={(e) => e.preventDefault()}>
      <label class="ql-visually-hidden" for={inputId}>
        {t('search_label')}
      </label>
      <input
        id={inputId}
        type="search"
        class="ql-input"
        value={value}
        placeholder={placeholder ?? t('search_placeholder')}
        autoFocus={autoFocus}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            onInput('');
          }
        }}
      />
      {value && (
        <button type="button" class="ql-button" aria-label={t('search_clear')} onClick={() => onInput('')}>
          ×
        </button>
      )}
    </form>
  );
}
