/**
 * The fields a fact is stated with, shared by "Add a fact" (page card, library) and the
 * library's fact editor, so the two forms cannot drift apart in their lists or labels.
 */
import { ACTIONS } from '../lib/facts';
import { isMessageKey, t } from './i18n';

/** The interface word for a normalised word ('dealt with' → action_dealt_with), or the word itself. */
export function word(prefix: string, value: string): string {
  const key = `${prefix}${value.replace(/\s+/g, '_')}`;
  return isMessageKey(key) ? t(key) : value;
}

export interface Choice {
  value: string;
  text: string;
}

export interface ChoiceFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  choices: readonly Choice[];
  /** The words of the empty choice ("—"); without it there is none. */
  none?: string;
}

/** A labelled list to choose one word from, optionally none. */
export function ChoiceField({ label, value, onChange, choices, none }: ChoiceFieldProps) {
  return (
    <label>
      {label}
      <select class="ql-input" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {none !== undefined && <option value="">{none}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.text}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface PeriodFieldsProps {
  labels: { from: string; to: string };
  from: string;
  to: string;
  onFrom: (value: string) => void;
  onTo: (value: string) => void;
}

/** The period a figure covers, from and to, as dates (either may stay empty). */
export function PeriodFields({ labels, from, to, onFrom, onTo }: PeriodFieldsProps) {
  return (
    <>
      <label>
        {labels.from}
        <input type="date" class="ql-input" value={from} onChange={(e) => onFrom(e.currentTarget.value)} />
      </label>
      <label>
        {labels.to}
        <input type="date" class="ql-input" value={to} onChange={(e) => onTo(e.currentTarget.value)} />
      </label>
    </>
  );
}

/** Every action a figure can report, with its words; `also` keeps one outside the list that a fact already has. */
export function actionChoices(also?: string): Choice[] {
  return [...ACTIONS, ...(also && !(ACTIONS as readonly string[]).includes(also) ? [also] : [])].map((a) => ({ value: a, text: word('action_', a) }));
}
