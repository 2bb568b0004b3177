import { useId } from 'preact/hooks';
import type { PrivateWindowPolicy } from '@/lib/settings';
import { ot } from './strings';

export interface PrivacySectionProps {
  policy: PrivateWindowPolicy;
  /** Whether the browser lets the extension run in private windows at all (undefined: unknown). */
  browserAllows: boolean | undefined;
  save: (policy: PrivateWindowPolicy) => void;
}

/** Nothing is stored from private windows unless the user says so here. */
export function PrivacySection({ policy, browserAllows, save }: PrivacySectionProps) {
  const id = useId();
  const choice = (value: PrivateWindowPolicy, label: string, hint: string) => (
    <label class="options-choice options-choice--hinted">
      <input type="radio" name={`${id}-private`} checked={policy === value} aria-describedby={`${id}-${value}`} onChange={() => save(value)} />
      <span>
        {label}
        <span class="ql-muted options-hint" id={`${id}-${value}`}>
          {hint}
        </span>
      </span>
    </label>
  );
  return (
    <fieldset class="options-fieldset">
      <legend class="ql-visually-hidden">{ot('private_heading')}</legend>
      {choice('never-store', ot('private_never'), ot('private_never_hint'))}
      {choice('allow', ot('private_allow'), ot('private_allow_hint'))}
      {browserAllows !== undefined && (
        <p class="ql-muted options-hint">{browserAllows ? ot('private_browser_on') : ot('private_browser_off')}</p>
      )}
    </fieldset>
  );
}
