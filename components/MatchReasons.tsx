import type { MatchReason } from '../lib/search';
import { t } from './i18n';

export interface MatchReasonsProps {
  reasons: readonly MatchReason[] | undefined;
  /** Display name of an entity id. */
  entityLabel: (id: string) => string;
}

/** "Found because: mentions CAC · figure 6.7萬": why a search found an item that may not contain the words typed. */
export function MatchReasons({ reasons, entityLabel }: MatchReasonsProps) {
  if (!reasons || reasons.length === 0) return null;
  const said = [
    ...new Set(reasons.map((r) => (r.kind === 'entity' ? t('match_entity', [entityLabel(r.id)]) : t('match_figure', [r.text])))),
  ];
  return (
    <p class="ql-muted ql-match">
      {t('match_reasons')}: {said.join(' · ')}
    </p>
  );
}
