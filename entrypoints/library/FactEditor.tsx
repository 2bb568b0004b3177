import { useId, useState } from 'preact/hooks';
import { isMessageKey, t } from '@/components/i18n';
import { ACTIONS } from '@/lib/facts';
import type { FactEdit } from '@/lib/store';
import type { Fact, FigureUnit } from '@/lib/types';
import { lt } from './strings';

const UNITS: readonly FigureUnit[] = ['accounts', 'posts', 'people', 'clues', 'days', 'platforms', 'cases', 'items'];
const QUALIFIERS = ['more than', 'nearly', 'around', 'at least', 'up to', 'less than'] as const;

/** The interface word for a normalised word ('dealt with' → action_dealt_with), or the word itself. */
function word(prefix: string, value: string): string {
  const key = `${prefix}${value.replace(/\s+/g, '_')}`;
  return isMessageKey(key) ? t(key) : value;
}

/** "67,000", "1.4e6", "６７０００" → a number; anything else → NaN. */
export function parseFigure(text: string): number {
  const plain = text.normalize('NFKC').replace(/[\s,_]/g, '');
  return /^\d+(\.\d+)?(e\d+)?$/i.test(plain) ? Number(plain) : Number.NaN;
}

export interface FactEditorProps {
  fact: Fact;
  onSave: (id: string, edit: FactEdit) => void;
}

/**
 * Corrects what extraction read from a sentence: the number, its unit, hedge and
 * action, and when it happened. A cleared field is stored as empty, which every view
 * shows as absent.
 */
export function FactEditor({ fact, onSave }: FactEditorProps) {
  const id = useId();
  const [value, setValue] = useState(String(fact.value));
  const [figureText, setFigureText] = useState(fact.figureText);
  const [unit, setUnit] = useState<string>(fact.unit ?? '');
  const [qualifier, setQualifier] = useState(fact.qualifier ?? '');
  const [action, setAction] = useState(fact.action ?? '');
  const [from, setFrom] = useState(fact.period?.from ?? '');
  const [to, setTo] = useState(fact.period?.to ?? '');
  const [date, setDate] = useState(fact.date ?? '');
  const [problem, setProblem] = useState<string | undefined>();

  const submit = (event: Event) => {
    event.preventDefault();
    const number = parseFigure(value);
    if (!Number.isFinite(number)) return setProblem(lt('fact_value_invalid'));
    if (from && to && from > to) return setProblem(lt('fact_period_invalid'));
    setProblem(undefined);
    const edit: FactEdit = {
      value: number,
      figureText: figureText.trim() || value.trim(),
      qualifier,
      action,
      date,
      period: { ...(from && { from }), ...(to && { to }) },
    };
    if (unit) edit.unit = unit as FigureUnit;
    onSave(fact.id, edit);
  };

  const actions = fact.action && !(ACTIONS as readonly string[]).includes(fact.action) ? [...ACTIONS, fact.action] : ACTIONS;
  return (
    <form class="library-fact-editor" onSubmit={submit} aria-label={lt('correct_fact_label', [fact.figureText, fact.source.site ?? fact.source.title])}>
      <p class="library-fact-editor__sentence">{fact.text}</p>
      <div class="library-fact-editor__fields">
        <label>
          {lt('fact_value')}
          <input class="ql-input" inputMode="decimal" value={value} onInput={(e) => setValue(e.currentTarget.value)} aria-describedby={problem ? `${id}-problem` : undefined} />
        </label>
        <label>
          {lt('fact_figure_text')}
          <input class="ql-input" value={figureText} onInput={(e) => setFigureText(e.currentTarget.value)} />
        </label>
        <label>
          {lt('fact_unit')}
          <select class="ql-input" value={unit} onChange={(e) => setUnit(e.currentTarget.value)}>
            {!fact.unit && <option value="">{lt('fact_none')}</option>}
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`unit_${u}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {lt('fact_qualifier')}
          <select class="ql-input" value={qualifier} onChange={(e) => setQualifier(e.currentTarget.value)}>
            <option value="">{lt('fact_none')}</option>
            {QUALIFIERS.map((q) => (
              <option key={q} value={q}>
                {word('qualifier_', q)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {lt('fact_action')}
          <select class="ql-input" value={action} onChange={(e) => setAction(e.currentTarget.value)}>
            <option value="">{lt('fact_none')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {word('action_', a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {lt('fact_from')}
          <input type="date" class="ql-input" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>
          {lt('fact_to')}
          <input type="date" class="ql-input" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </label>
        <label>
          {lt('fact_date')}
          <input type="date" class="ql-input" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
        </label>
      </div>
      {problem && (
        <p class="library-fact-editor__problem" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
      <button type="submit" class="ql-button ql-button--primary">
        {lt('fact_save')}
      </button>
    </form>
  );
}
