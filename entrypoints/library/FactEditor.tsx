import { useId, useState } from 'preact/hooks';
import { actionChoices, ChoiceField, PeriodFields, word } from '@/components/FactFields';
import { t } from '@/components/i18n';
import { correctedFields } from '@/lib/facts';
import type { FactEdit } from '@/lib/store';
import { FIGURE_UNITS, type Fact, type FigureUnit } from '@/lib/types';
import { lt } from './strings';

const QUALIFIERS = ['more than', 'nearly', 'around', 'at least', 'up to', 'less than'] as const;

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
    // Name what the user changed, so re-extraction keeps it (lib/facts mergeReextracted).
    edit.corrected = correctedFields(fact, edit);
    onSave(fact.id, edit);
  };

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
        <ChoiceField
          label={lt('fact_unit')}
          value={unit}
          onChange={setUnit}
          // The unit's word, and what it covers: "platforms — websites, apps, …", "posts — pieces of content, …".
          choices={FIGURE_UNITS.map((u) => ({ value: u, text: lt('unit_examples', [t(`unit_${u}`), lt(`unit_examples_${u}`)]) }))}
          none={fact.unit ? undefined : lt('fact_none')}
        />
        <ChoiceField
          label={lt('fact_qualifier')}
          value={qualifier}
          onChange={setQualifier}
          choices={QUALIFIERS.map((q) => ({ value: q, text: word('qualifier_', q) }))}
          none={lt('fact_none')}
        />
        <ChoiceField label={lt('fact_action')} value={action} onChange={setAction} choices={actionChoices(fact.action)} none={lt('fact_none')} />
        <PeriodFields labels={{ from: lt('fact_from'), to: lt('fact_to') }} from={from} to={to} onFrom={setFrom} onTo={setTo} />
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

export interface CorrectFactsProps {
  facts: readonly Fact[];
  /** Open from the start (the timeline sent the user to one of these facts). */
  open?: boolean;
  onSave: (id: string, edit: FactEdit) => void;
}

/**
 * "Correct these figures": a disclosure with one editor per fact. The editors are made
 * only once it is opened, so a list of thousands of facts does not build thousands of forms.
 */
export function CorrectFacts({ facts, open = false, onSave }: CorrectFactsProps) {
  const [shown, setShown] = useState(open);
  return (
    <details class="library-fact__correct" open={open} onToggle={(e) => setShown(e.currentTarget.open)}>
      <summary>{lt('correct_facts')}</summary>
      {(shown || open) &&
        facts.map((f) => <FactEditor key={`${f.id}:${f.value}:${f.unit}:${f.period?.from}:${f.period?.to}`} fact={f} onSave={onSave} />)}
    </details>
  );
}
