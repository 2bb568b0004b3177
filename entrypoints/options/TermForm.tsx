import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { SettingProblem, TermDraft } from '@/lib/settings';
import { ot, problemText } from './strings';

export interface TermFormProps {
  /** What the form starts with: empty for a new term, the term's values when editing. */
  initial: TermDraft;
  /** Set when editing, for the heading. */
  editing?: string;
  /** Saves the draft; answers with the problems that kept it from being saved (none: saved). */
  onSubmit: (draft: TermDraft) => Promise<SettingProblem[]>;
  onCancel?: () => void;
}

/** Adds or edits one of the user's terms: a name, its variants, a colour. */
export function TermForm({ initial, editing, onSubmit, onCancel }: TermFormProps) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<SettingProblem[]>([]);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setDraft(initial);
    setProblems([]);
    if (editing) nameRef.current?.focus();
  }, [initial, editing]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = await onSubmit(draft);
    setProblems(found);
    if (found.length === 0 && !editing) setDraft({ label: '', variants: '', color: initial.color });
  };

  return (
    <form class="options-term-form" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h4 class="options-term-form__heading" id={`${id}-heading`}>
        {editing ? ot('edit_heading', [editing]) : ot('add_heading')}
      </h4>
      <label>
        {ot('term_name')}
        <input
          ref={nameRef}
          class="ql-input"
          value={draft.label}
          placeholder={ot('term_name_hint')}
          onInput={(e) => setDraft({ ...draft, label: e.currentTarget.value })}
        />
      </label>
      <label>
        {ot('term_variants')}
        <textarea
          class="ql-input"
          rows={3}
          value={draft.variants}
          aria-describedby={`${id}-hint`}
          onInput={(e) => setDraft({ ...draft, variants: e.currentTarget.value })}
        />
      </label>
      <p class="ql-muted options-hint" id={`${id}-hint`}>
        {ot('term_variants_hint')}
      </p>
      <label class="options-inline">
        <input
          type="checkbox"
          checked={draft.ambiguous === true}
          aria-describedby={`${id}-ambiguous-hint`}
          onChange={(e) => setDraft({ ...draft, ambiguous: e.currentTarget.checked })}
        />
        {ot('term_ambiguous')}
      </label>
      <p class="ql-muted options-hint" id={`${id}-ambiguous-hint`}>
        {ot('term_ambiguous_hint')}
      </p>
      <label class="options-inline">
        {ot('term_color')}
        <input type="color" value={draft.color} onInput={(e) => setDraft({ ...draft, color: e.currentTarget.value })} />
      </label>
      {problems.length > 0 && (
        <ul class="options-problems" role="alert">
          {problems.map((p, i) => (
            <li key={i}>{problemText(p)}</li>
          ))}
        </ul>
      )}
      <div class="options-actions">
        <button type="submit" class="ql-button ql-button--primary">
          {editing ? ot('term_save') : ot('term_add')}
        </button>
        {onCancel && (
          <button type="button" class="ql-button" onClick={onCancel}>
            {ot('term_cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
