import { useMemo, useState } from 'preact/hooks';
import type { Locale } from '@/components/i18n';
import { BUILTIN_ENTITIES } from '@/lib/lexicon';
import {
  addTerm,
  draftOf,
  entityColor,
  nextTermColor,
  replaceTerm,
  type LensSettings,
  type SettingProblem,
  type TermDraft,
  type UserTerm,
} from '@/lib/settings';
import type { EntityId } from '@/lib/types';
import { TermForm } from './TermForm';
import { ot } from './strings';

export interface WatchListProps {
  settings: LensSettings;
  locale: Locale;
  /** Stores a change; answers with a sentence when it failed. */
  save: (patch: Partial<LensSettings>) => Promise<string | undefined>;
  /** Offers to take back the last removal. */
  onRemoved: (term: UserTerm, undo: () => void) => void;
  onAdded: (term: UserTerm) => void;
}

const storeFailure = (message: string): SettingProblem[] => [{ code: 'unknown_term', params: [], message }];

/** The built-in names (on/off, colour) and the user's own terms (add, edit, remove, on/off). */
export function WatchList({ settings, locale, save, onRemoved, onAdded }: WatchListProps) {
  const [editing, setEditing] = useState<string | undefined>();
  const disabled = new Set(settings.disabledEntities);
  const blank = useMemo<TermDraft>(
    () => ({ label: '', variants: '', color: nextTermColor(settings.userTerms) }),
    [settings.userTerms],
  );
  const editedTerm = settings.userTerms.find((t) => t.id === editing);
  const editDraft = useMemo(() => (editedTerm ? draftOf(editedTerm) : undefined), [editedTerm]);

  const toggle = (id: EntityId, on: boolean) =>
    save({ disabledEntities: on ? settings.disabledEntities.filter((x) => x !== id) : [...disabled, id] });

  const setColor = (id: EntityId, color: string | undefined) => {
    const colors = { ...settings.colors };
    if (color) colors[id] = color;
    else delete colors[id];
    return save({ colors });
  };

  const add = async (draft: TermDraft): Promise<SettingProblem[]> => {
    const change = addTerm(settings.userTerms, draft);
    if (!change.ok) return change.problems;
    const failed = await save({ userTerms: change.terms });
    if (failed) return storeFailure(failed);
    onAdded(change.terms[change.terms.length - 1]!);
    return [];
  };

  const edit = async (draft: TermDraft): Promise<SettingProblem[]> => {
    if (!editing) return [];
    const change = replaceTerm(settings.userTerms, editing, draft);
    if (!change.ok) return change.problems;
    const failed = await save({ userTerms: change.terms });
    if (failed) return storeFailure(failed);
    setEditing(undefined);
    return [];
  };

  const remove = async (term: UserTerm) => {
    const before = settings;
    const failed = await save({
      userTerms: settings.userTerms.filter((t) => t.id !== term.id),
      disabledEntities: settings.disabledEntities.filter((x) => x !== term.id),
    });
    if (!failed) {
      if (editing === term.id) setEditing(undefined);
      onRemoved(term, () => void save({ userTerms: before.userTerms, disabledEntities: before.disabledEntities }));
    }
  };

  return (
    <>
      <h3 class="options-subheading">{ot('builtin_heading')}</h3>
      <ul class="ql-list options-entities">
        {BUILTIN_ENTITIES.map((e) => {
          const label = e.label[locale];
          const custom = Object.hasOwn(settings.colors, e.id);
          return (
            <li key={e.id} class="options-entity">
              <label class="options-entity__toggle">
                <input
                  type="checkbox"
                  aria-label={ot('spot_label', [label])}
                  checked={!disabled.has(e.id)}
                  onChange={(ev) => toggle(e.id, ev.currentTarget.checked)}
                />
                <span class="options-entity__name">{label}</span>
              </label>
              <p class="ql-muted options-entity__description">{e.description[locale]}</p>
              <div class="options-entity__color">
                <input
                  type="color"
                  aria-label={ot('color_label', [label])}
                  value={entityColor(settings, e.id)}
                  onChange={(ev) => setColor(e.id, ev.currentTarget.value)}
                />
                {custom && (
                  <button type="button" class="ql-button" aria-label={ot('color_reset_label', [label])} onClick={() => setColor(e.id, undefined)}>
                    {ot('color_reset')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>

      <h3 class="options-subheading">{ot('own_heading')}</h3>
      {settings.userTerms.length === 0 ? (
        <p class="ql-muted">{ot('own_empty')}</p>
      ) : (
        <ul class="ql-list options-entities">
          {settings.userTerms.map((term) => (
            <li key={term.id} class="options-entity">
              <label class="options-entity__toggle">
                <input
                  type="checkbox"
                  aria-label={ot('spot_label', [term.label])}
                  checked={!disabled.has(term.id)}
                  onChange={(ev) => toggle(term.id, ev.currentTarget.checked)}
                />
                <span class="options-entity__swatch" style={{ background: term.color }} aria-hidden="true" />
                <span class="options-entity__name">{term.label}</span>
              </label>
              <p class="ql-muted options-entity__description">{ot('own_variants', [term.terms.join(' · ')])}</p>
              <div class="options-actions">
                <button type="button" class="ql-button" aria-label={ot('own_edit_label', [term.label])} onClick={() => setEditing(term.id)}>
                  {ot('own_edit')}
                </button>
                <button type="button" class="ql-button ql-button--danger" aria-label={ot('own_remove_label', [term.label])} onClick={() => remove(term)}>
                  {ot('own_remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {editedTerm && editDraft ? (
        <TermForm initial={editDraft} editing={editedTerm.label} onSubmit={edit} onCancel={() => setEditing(undefined)} />
      ) : (
        <TermForm initial={blank} onSubmit={add} />
      )}
    </>
  );
}
