import { useId, useState } from 'preact/hooks';
import { parseHandFigure, type HandFactInput } from '../lib/facts';
import { FIGURE_UNITS, type FigureUnit } from '../lib/types';
import { actionChoices, ChoiceField, PeriodFields } from './FactFields';
import { t } from './i18n';

/** Asked at render, not at import: the page sets its locale after its modules load. */
const unitChoices = () => FIGURE_UNITS.map((u) => ({ value: u, text: t(`unit_${u}`) }));

export interface AddFactFormProps {
  /** Called with the fact as the user stated it; resolves true once it is stored (the form then empties). */
  onAdd: (input: HandFactInput) => Promise<boolean> | boolean;
  /** Open from the start (otherwise a disclosure the user opens). */
  open?: boolean;
}

/**
 * "Add a fact" for a figure extraction missed: the figure as written (read the way
 * extraction reads figures, so "1.4 million" and "6.66万" keep their precision), its
 * unit and action, and the period it covers. A disclosure, so a card or a list of
 * highlights does not grow a form per item until asked.
 */
export function AddFactForm({ onAdd, open = false }: AddFactFormProps) {
  const id = useId();
  const [shown, setShown] = useState(open);
  const [figure, setFigure] = useState('');
  const [unit, setUnit] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const read = parseHandFigure(figure);
    if (!read) return setProblem(t('add_fact_figure_invalid'));
    if (from && to && from > to) return setProblem(t('add_fact_period_invalid'));
    setProblem(undefined);
    const input: HandFactInput = {
      ...read,
      ...(unit && { unit: unit as FigureUnit }),
      ...(action && { action }),
      ...((from || to) && { period: { ...(from && { from }), ...(to && { to }) } }),
    };
    setBusy(true);
    try {
      if (await onAdd(input)) {
        setFigure('');
        setFrom('');
        setTo('');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="ql-add-fact" open={open} onToggle={(e) => setShown(e.currentTarget.open)}>
      <summary>{t('add_fact')}</summary>
      {(shown || open) && (
        <form class="ql-add-fact__form" onSubmit={(e) => void submit(e)} aria-label={t('add_fact_label')}>
          <label>
            {t('add_fact_figure')}
            <input
              class="ql-input"
              value={figure}
              placeholder={t('add_fact_figure_hint')}
              onInput={(e) => setFigure(e.currentTarget.value)}
              aria-describedby={problem ? `${id}-problem` : undefined}
              aria-invalid={problem === t('add_fact_figure_invalid') || undefined}
            />
          </label>
          <ChoiceField label={t('add_fact_unit')} value={unit} onChange={setUnit} choices={unitChoices()} none={t('add_fact_none')} />
          <ChoiceField label={t('add_fact_action')} value={action} onChange={setAction} choices={actionChoices()} none={t('add_fact_none')} />
          <PeriodFields labels={{ from: t('add_fact_from'), to: t('add_fact_to') }} from={from} to={to} onFrom={setFrom} onTo={setTo} />
          {problem && (
            <p class="ql-add-fact__problem" id={`${id}-problem`} role="alert">
              {problem}
            </p>
          )}
          <button type="submit" class="ql-button ql-button--primary" disabled={busy}>
            {t('add_fact_save')}
          </button>
        </form>
      )}
    </details>
  );
}
