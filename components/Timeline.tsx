import type { Timeline as TimelineData } from '../lib/search/timeline';
import type { Fact } from '../lib/types';
import { citationOf } from '../lib/export/citation';
import { formatFigure, formatPeriod, formatPeriodKey } from './format';
import { t } from './i18n';
import { SafeLink } from './SafeLink';

export interface TimelineProps {
  /** From lib/search timelineOf. */
  timeline: TimelineData;
  /** Called when the user picks a fact (to show its highlight). */
  onSelectFact?: (fact: Fact) => void;
}

function FactLine({ fact, span, onSelect }: { fact: Fact; span?: string; onSelect?: (fact: Fact) => void }) {
  const c = citationOf(fact.source);
  const figure = formatFigure(fact.value, fact.unit, fact.action, fact.qualifier, fact.figureText);
  return (
    <li class="ql-fact__source">
      {onSelect ? (
        <button type="button" class="ql-button" onClick={() => onSelect(fact)}>
          {figure}
        </button>
      ) : (
        <strong>{figure}</strong>
      )}
      {span && <span class="ql-muted">{span}</span>}
      <SafeLink href={fact.source.url} label={t('fact_open_source', [c.title || c.outlet])}>
        {c.outlet}
      </SafeLink>
    </li>
  );
}

/** Campaign facts by period, each with its figure, span and source. */
export function Timeline({ timeline, onSelectFact }: TimelineProps) {
  const { groups, undated } = timeline;
  if (groups.length === 0 && undated.length === 0) return <p class="ql-muted">{t('timeline_empty')}</p>;
  return (
    <section class="ql-section" aria-label={t('timeline_heading')}>
      <ol class="ql-list">
        {groups.map((g) => (
          <li key={g.key}>
            <h3 class="ql-timeline__period">
              <time dateTime={g.unit === 'quarter' ? undefined : g.key}>{formatPeriodKey(g.key)}</time>
            </h3>
            <ul class="ql-list">
              {g.entries.map((e) => {
                const span =
                  e.basis === 'published'
                    ? `${e.from} (${t('timeline_published_basis')})`
                    : formatPeriod({ from: e.from, to: e.to });
                return <FactLine key={e.fact.id} fact={e.fact} span={span} onSelect={onSelectFact} />;
              })}
            </ul>
          </li>
        ))}
        {undated.length > 0 && (
          <li>
            <h3 class="ql-timeline__period">{t('timeline_undated')}</h3>
            <ul class="ql-list">
              {undated.map((f) => (
                <FactLine key={f.id} fact={f} onSelect={onSelectFact} />
              ))}
            </ul>
          </li>
        )}
      </ol>
    </section>
  );
}
