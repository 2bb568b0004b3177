import { useMemo } from 'preact/hooks';
import { linkFacts } from '../lib/facts';
import { teamFactsForLinking, type TeamView } from '../lib/sharing';
import type { Fact } from '../lib/types';
import { FactGroupList } from './FactGroupList';
import { formatDateTime } from './format';
import { t } from './i18n';
import { Notice } from './Notice';
import { SafeLink } from './SafeLink';
import { TagList } from './TagList';

export interface TeamListProps {
  view: TeamView & { group: string };
  /** The user's own facts to link the team's figures with (this page's and the related ones). */
  ownFacts: readonly Fact[];
  onRefresh(): void;
  busy?: boolean;
  /** Shown when the team has nothing (default: nothing on this page). */
  emptyText?: string;
  /** Show the page each highlight is on, linked (the library's copies of the whole group). */
  showPage?: boolean;
}

/**
 * "From your team": teammates' highlights on this page, read-only, with who wrote them,
 * and their figures linked with the user's own (marked as the team's). Nothing here is
 * stored with the user's highlights or exported.
 */
export function TeamList({ view, ownFacts, onRefresh, busy = false, emptyText, showPage = false }: TeamListProps) {
  const { facts, authors } = useMemo(() => teamFactsForLinking(view.highlights), [view.highlights]);
  const groups = useMemo(
    () => (facts.length === 0 ? [] : linkFacts([...facts, ...ownFacts]).filter((g) => g.facts.some((f) => f.id in authors))),
    [facts, ownFacts, authors],
  );
  return (
    <div class="ql-team">
      {view.error && <Notice tone="warning">{view.error.message}</Notice>}
      {view.highlights.length === 0 ? (
        <p class="ql-muted">{emptyText ?? t('team_empty', [view.group])}</p>
      ) : (
        <ul class="ql-list">
          {view.highlights.map((h) => (
            <li key={h.remoteId}>
              <article class="ql-highlight ql-highlight--team" data-team-author={h.author}>
                <blockquote class="ql-highlight__quote">{h.quote}</blockquote>
                <p class="ql-muted ql-team__author">{t('team_by', [h.author])}</p>
                {showPage && (
                  <p class="ql-muted ql-highlight__source">
                    <SafeLink href={h.url}>{h.title || h.url}</SafeLink>
                  </p>
                )}
                {h.note && <p class="ql-highlight__note">{h.note}</p>}
                <TagList tags={h.tags} />
              </article>
            </li>
          ))}
        </ul>
      )}
      {groups.length > 0 && (
        <>
          <h3 class="ql-section__heading">{t('team_facts')}</h3>
          <FactGroupList groups={groups} teamAuthors={authors} />
        </>
      )}
      <p class="ql-muted ql-team__when">
        {view.fetchedAt !== undefined && <span>{t('team_fetched', [formatDateTime(view.fetchedAt)])} </span>}
        <button type="button" class="ql-button" disabled={busy} onClick={onRefresh}>
          {t('team_refresh')}
        </button>
      </p>
    </div>
  );
}
