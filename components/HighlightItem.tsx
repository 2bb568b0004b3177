import { useEffect, useRef, useState } from 'preact/hooks';
import { writtenFigure } from '../lib/export/fact-text';
import { isoDay, siteOf } from '../lib/search';
import type { Highlight } from '../lib/types';
import type { HandFactInput } from '../lib/facts';
import type { ChangeChoice } from '../lib/highlight-service/types';
import { AddFactForm } from './AddFactForm';
import { ChangedSinceSaved } from './ChangedSinceSaved';
import { formatFigure, formatPeriod, shorten } from './format';
import { t, type MessageKey } from './i18n';
import { SafeLink } from './SafeLink';
import { ShareControl, type ShareProps } from './ShareControl';
import { TagList } from './TagList';

/** What an edit changes. */
export interface HighlightChanges {
  note: string;
  tags: string[];
}

export interface HighlightItemProps {
  highlight: Highlight;
  /** Called with the edited note and tags when the user saves. */
  onSave?: (id: string, changes: HighlightChanges) => void;
  onDelete?: (id: string) => void;
  /** Show the outlet, publication date and page the highlight comes from (in the library; not needed in the popup for this page). */
  showPage?: boolean;
  /** Sharing, when the user connected a group (Options → Sharing). */
  share?: ShareProps;
  /** The user's answer to a change since saved (keep the saved text or take the new); without it the change is only shown. */
  onResolveChange?: (id: string, choice: ChangeChoice) => void;
  /** Adds a fact by hand; resolves true once stored. Without it there is no form. */
  onAddFact?: (id: string, input: HandFactInput) => Promise<boolean> | boolean;
}

/** "a, b,, c " → ["a", "b", "c"], each once. */
export function parseTags(input: string): string[] {
  return [...new Set(input.split(/[,，、;；\n]/).map((s) => s.trim()).filter(Boolean))];
}

/**
 * One saved passage: the quote, note, tags and facts, with edit and delete.
 * Every piece of page and user text is rendered as a text node.
 */
export function HighlightItem({ highlight: h, onSave, onDelete, showPage = false, share, onResolveChange, onAddFact }: HighlightItemProps) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(h.note);
  const [tags, setTags] = useState(h.tags.join(', '));
  const name = shorten(h.quote);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  // Where keyboard focus goes next: into the form that opened, or back to its Edit button.
  const focusNext = useRef<'form' | 'button' | undefined>(undefined);

  useEffect(() => {
    if (focusNext.current === 'form') noteRef.current?.focus();
    if (focusNext.current === 'button') editRef.current?.focus();
    focusNext.current = undefined;
  }, [editing]);

  const startEditing = () => {
    setNote(h.note);
    setTags(h.tags.join(', '));
    focusNext.current = 'form';
    setEditing(true);
  };
  const stopEditing = () => {
    focusNext.current = 'button';
    setEditing(false);
  };
  const save = (event: Event) => {
    event.preventDefault();
    onSave?.(h.id, { note: note.trim(), tags: parseTags(tags) });
    stopEditing();
  };

  return (
    <article
      class={`ql-highlight${h.orphaned ? ' ql-highlight--orphaned' : ''}`}
      data-color={h.color}
      aria-label={shorten(h.quote, 80)}
    >
      <span class="ql-visually-hidden">{t('highlight_colour', [t(`colour_${h.color}` as MessageKey)])}</span>
      <blockquote class="ql-highlight__quote">{h.quote}</blockquote>
      {h.changed && (
        <ChangedSinceSaved
          class="ql-highlight__changed"
          changed={h.changed}
          onResolve={onResolveChange && ((choice) => onResolveChange(h.id, choice))}
        />
      )}
      {showPage && (
        <p class="ql-muted ql-highlight__source">
          <span class="ql-highlight__outlet">{siteOf(h.page)}</span>
          {' · '}
          {isoDay(h.page.published) ? t('highlight_published', [isoDay(h.page.published)!]) : t('highlight_undated')}
          {' · '}
          <SafeLink href={h.url}>{h.page.title || h.url}</SafeLink>
        </p>
      )}
      {!editing && h.note && <p class="ql-highlight__note">{h.note}</p>}
      {!editing && <TagList tags={h.tags} />}
      {h.facts.length > 0 && (
        <ul class="ql-list" aria-label={t('highlight_facts')}>
          {h.facts.map((f) => {
            const period = formatPeriod(f.period, f.date);
            return (
              <li key={f.id}>
                <strong>{formatFigure(f.value, f.unit, f.action, f.qualifier, f.figureText)}</strong>
                {writtenFigure(f) && <span class="ql-muted"> · {t('fact_as_written', [writtenFigure(f)])}</span>}
                {period && <span class="ql-muted"> · {period}</span>}
                {f.origin === 'hand' && <span class="ql-muted"> · {t('fact_by_hand')}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {onAddFact && <AddFactForm onAdd={(input) => onAddFact(h.id, input)} />}
      {editing ? (
        <form
          class="ql-highlight__form"
          onSubmit={save}
          onKeyDown={(e) => {
            if (e.key === 'Escape') stopEditing();
          }}
        >
          <label>
            {t('highlight_note')}
            <textarea
              class="ql-input"
              rows={3}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
              ref={noteRef}
            />
          </label>
          <label>
            {t('highlight_tags')}
            <input
              class="ql-input"
              value={tags}
              placeholder={t('highlight_tags_hint')}
              onInput={(e) => setTags(e.currentTarget.value)}
            />
          </label>
          <div class="ql-highlight__actions">
            <button type="submit" class="ql-button ql-button--primary">
              {t('highlight_save')}
            </button>
            <button type="button" class="ql-button" onClick={stopEditing}>
              {t('highlight_cancel')}
            </button>
          </div>
        </form>
      ) : (
        (onSave || onDelete) && (
          <div class="ql-highlight__actions">
            {onSave && (
              <button
                type="button"
                class="ql-button"
                aria-label={t('highlight_edit_label', [name])}
                onClick={startEditing}
                ref={editRef}
              >
                {t('highlight_edit')}
              </button>
            )}
            {onDelete && (
              <button
                type="button"
                class="ql-button ql-button--danger"
                aria-label={t('highlight_delete_label', [name])}
                onClick={() => onDelete(h.id)}
              >
                {t('highlight_delete')}
              </button>
            )}
          </div>
        )
      )}
      {share && !editing && <ShareControl id={h.id} name={name} share={share} />}
    </article>
  );
}
