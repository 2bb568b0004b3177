import { excerptAround, type FactGroup, type RelatedReason } from '../lib/facts';
import { citationOf } from '../lib/export/citation';
import { formatFigure, formatPeriod } from './format';
import { t, type MessageKey } from './i18n';
import { SafeLink } from './SafeLink';

export interface FactGroupListProps {
  /** Linked facts (lib/facts linkFacts), in the order to show them (newest first in the popup). */
  groups: readonly FactGroup[];
  /** Called to take one report out of a group it was wrongly linked into. */
  onUnlink?: (factId: string, groupId: string) => void;
  emptyText?: string;
  /** Why each group is shown, by group id (lib/facts rankRelated): "same campaign", "same period". */
  reasons?: Readonly<Record<string, readonly RelatedReason[]>>;
  /** Facts that are a teammate's (shared to the group), by fact id: their author, shown beside the source. */
  teamAuthors?: Readonly<Record<string, string>>;
}

const reasonText = (r: RelatedReason) => t(`reason_${r.replace(/\s+/g, '_')}` as MessageKey);

/**
 * One fact, several sources: each group shows its figure once, with the hedge and the
 * precision its most precise source wrote ("more than 66,600", "1.4 million"), and its
 * period; then every outlet that reported it, once per article, with the article's
 * title, date, a link to it and its sentence shortened around the figure.
 */
export function FactGroupList({ groups, onUnlink, emptyText, reasons, teamAuthors }: FactGroupListProps) {
  if (groups.length === 0) return <p class="ql-muted">{emptyText ?? t('facts_empty')}</p>;
  return (
    <ul class="ql-list">
      {groups.map((g) => {
        const period = formatPeriod(g.period);
        const headingId = `ql-fact-${g.id}`;
        const sources = g.facts.length === 1 ? t('fact_source_one') : t('fact_sources', [g.facts.length]);
        return (
          <li key={g.id}>
            <article class="ql-fact" aria-labelledby={headingId}>
              <p class="ql-fact__figure" id={headingId}>
                {formatFigure(g.value, g.unit, g.action, g.qualifier, g.figureText)}
                {period && <span class="ql-muted"> · {period}</span>}
              </p>
              {reasons?.[g.id]?.length ? (
                <p class="ql-muted ql-fact__why">{t('fact_why', [reasons[g.id]!.map(reasonText).join(' · ')])}</p>
              ) : null}
              <p class="ql-muted">{sources}</p>
              <ul class="ql-fact__sources">
                {g.facts.map((f) => {
                  const c = citationOf(f.source);
                  return (
                    <li key={f.id} class="ql-fact__source">
                      {teamAuthors?.[f.id] !== undefined && <span class="ql-tag ql-fact__team">{t('fact_team_source', [teamAuthors[f.id]!])}</span>}
                      <strong>{c.outlet}</strong>
                      <SafeLink href={f.source.url} label={t('fact_open_source', [c.title || c.outlet])}>
                        {c.title || f.source.url}
                      </SafeLink>
                      {c.date && <span class="ql-muted">{c.date}</span>}
                      <q class="ql-fact__excerpt">{excerptAround(f.text, f.figureText)}</q>
                      {onUnlink && g.facts.length > 1 && (
                        <button
                          type="button"
                          class="ql-button"
                          aria-label={t('fact_unlink_label', [c.outlet])}
                          onClick={() => onUnlink(f.id, g.id)}
                        >
                          {t('fact_unlink')}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </article>
          </li>
        );
      })}
    </ul>
  );
}
