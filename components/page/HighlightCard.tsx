import { useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../../lib/types';
import type { CardEdit, ChangeChoice } from '../../lib/highlight-service/types';
import type { HandFactInput } from '../../lib/facts/hand-facts';
import { AddFactForm } from '../AddFactForm';
import { ChangedSinceSaved } from '../ChangedSinceSaved';
import type { ViewportPoint } from './floating';
import { t } from '../i18n';
import { colourName, HIGHLIGHT_PAINT } from './highlight-colors';
import { quotePreview } from './quote-preview';
import { formatTags, parseTags } from './tags';
import { usePlacement } from './use-placement';
import { useFocusOnOpen } from './use-focus-on-open';
import type { ShareState } from '../../lib/sharing/types';

/** Sharing in the card, when the user connected a group: the group and where this highlight stands (lib/messages/card-frame). */
export type { CardShare } from '../../lib/messages/card-frame';
import type { CardShare } from '../../lib/messages/card-frame';

/** The parts of a highlight the card shows and edits. */
export type { CardHighlight } from '../../lib/messages/card-frame';
import type { CardHighlight } from '../../lib/messages/card-frame';

/** What the card changes: the highlight messages' edit (note, tags, colour). */
export type HighlightEdit = CardEdit;

export interface HighlightCardProps {
  highlight: CardHighlight;
  at: ViewportPoint;
  /** A message about the last save, shown in the card (e.g. the disk is full). */
  error?: string;
  onChange: (edit: HighlightEdit) => void;
  onDelete: () => void;
  onClose: () => void;
  /** Move focus into the card when it opens (after a save, or opened from the keyboard). */
  focusOnOpen?: boolean;
  share?: CardShare;
  /** "Share with <group>", or Retry after a failure. */
  onShare?: () => void;
  /** The user's answer to a change since saved; without it the change is only shown. */
  onResolveChange?: (choice: ChangeChoice) => void;
  /** Adds a fact by hand; resolves true once stored. Without it there is no form. */
  onAddFact?: (input: HandFactInput) => Promise<boolean>;
}

const QUOTE_PREVIEW_CHARS = 280;

/**
 * The card of one saved highlight: its quote, a note, tags and a colour, and a delete
 * button. Colour changes apply at once; note and tags when the field loses focus or the
 * user presses Save, so typing does not send a message per key.
 */
export function HighlightCard({
  highlight,
  at,
  error,
  onChange,
  onDelete,
  onClose,
  focusOnOpen = false,
  share,
  onShare,
  onResolveChange,
  onAddFact,
}: HighlightCardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  // Into the note, where a reader goes next; never scrolling the page to get there.
  useFocusOnOpen(noteRef, focusOnOpen, highlight.id);
  const { left, top } = usePlacement(ref, at);
  const [note, setNote] = useState(highlight.note);
  const [tags, setTags] = useState(formatTags(highlight.tags));

  // Another tab or an undo may change the highlight while the card is open.
  useEffect(() => setNote(highlight.note), [highlight.id, highlight.note]);
  useEffect(() => setTags(formatTags(highlight.tags)), [highlight.id, highlight.tags.join('\u0000')]);

  const commit = () => {
    const edit: HighlightEdit = {};
    if (note !== highlight.note) edit.note = note;
    const parsed = parseTags(tags);
    if (parsed.join('\u0000') !== highlight.tags.join('\u0000')) edit.tags = parsed;
    if (Object.keys(edit).length > 0) onChange(edit);
  };

  const quote = quotePreview(highlight.quote, QUOTE_PREVIEW_CHARS);

  return (
    <div
      ref={ref}
      class="ql-card"
      role="dialog"
      aria-label={t('card_label')}
      style={{ left: `${left}px`, top: `${top}px` }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          commit();
          onClose();
        }
      }}
    >
      <blockquote class="ql-card__quote" style={{ borderColor: HIGHLIGHT_PAINT[highlight.color] }}>
        {quote}
      </blockquote>
      {highlight.orphaned && (
        <p class="ql-card__warning">{t('card_orphaned')}</p>
      )}
      {highlight.changed && <ChangedSinceSaved class="ql-card__changed" changed={highlight.changed} onResolve={onResolveChange} />}
      <div class="ql-card__colors" role="radiogroup" aria-label={t('card_colours')}>
        {HIGHLIGHT_COLORS.map((color: HighlightColor) => (
          <button
            key={color}
            type="button"
            role="radio"
            aria-checked={color === highlight.color}
            aria-label={colourName(color)}
            title={colourName(color)}
            class="ql-card__swatch"
            style={{ background: HIGHLIGHT_PAINT[color] }}
            onClick={() => color !== highlight.color && onChange({ color })}
          />
        ))}
      </div>
      <label class="ql-card__field">
        <span>{t('highlight_note')}</span>
        <textarea
          ref={noteRef}
          rows={3}
          value={note}
          placeholder={t('card_note_placeholder')}
          onInput={(event) => setNote(event.currentTarget.value)}
          onBlur={commit}
        />
      </label>
      <label class="ql-card__field">
        <span>{t('highlight_tags')}</span>
        <input
          type="text"
          value={tags}
          placeholder={t('card_tags_placeholder')}
          onInput={(event) => setTags(event.currentTarget.value)}
          onBlur={commit}
          onKeyDown={(event) => event.key === 'Enter' && commit()}
        />
      </label>
      {onAddFact && <AddFactForm onAdd={onAddFact} />}
      {error && (
        <p class="ql-card__error" role="alert">
          {error}
        </p>
      )}
      {share && <CardShareLine share={share} onShare={onShare} />}
      <div class="ql-card__actions">
        <button type="button" class="ql-card__delete" onClick={onDelete}>
          {t('highlight_delete')}
        </button>
        <button
          type="button"
          class="ql-card__done"
          onClick={() => {
            commit();
            onClose();
          }}
        >
          {t('card_done')}
        </button>
      </div>
    </div>
  );
}

/** Where the highlight stands with the group: a Share button, or shared / waiting / failed with Retry. */
function CardShareLine({ share, onShare }: { share: CardShare; onShare?: () => void }) {
  const { group, state } = share;
  if (!state) {
    return (
      <p class="ql-card__share">
        <button type="button" class="ql-card__share-button" onClick={onShare}>
          {t('share_with', [group])}
        </button>
      </p>
    );
  }
  if (state.state === 'shared') {
    return (
      <p class="ql-card__share" data-share="shared">
        {t('share_shared', [group])}
      </p>
    );
  }
  if (state.state === 'waiting') {
    return (
      <p class="ql-card__share" data-share="waiting" role="status">
        {t('share_waiting', [group])} {state.reason ?? ''}
      </p>
    );
  }
  return (
    <p class="ql-card__share" data-share="failed" role="alert">
      {t('share_failed', [group])} {state.reason}{' '}
      <button type="button" class="ql-card__share-button" onClick={onShare}>
        {t('share_retry')}
      </button>
    </p>
  );
}
