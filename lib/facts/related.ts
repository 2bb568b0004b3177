import type { EntityId, Fact } from '../types';
import { campaignNames } from './campaigns';
import { overlapping, spanOf, yearsOf } from './fact-years';
import type { FactGroup } from './types';

/**
 * Which facts from other pages the popup shows first, and why. "Related" is not "shares
 * an entity": an article about 2025 hot-search penalties wants the other reports of that
 * campaign and that year before 2023's account closures. In order of weight:
 *   1. the same campaign: a Qinglang sub-campaign both name (campaigns.ts);
 *   2. the same time: periods that overlap ("same period"), or else the same year;
 *   3. the same action and unit ("closed … accounts" with "closed … accounts");
 *   4. then the number of entities in common.
 * Ties keep the order given (newest first). Every entry says why it is shown.
 */
export type RelatedReason = 'same campaign' | 'same period' | 'same year' | 'same action and unit' | 'same names';

/** What the page being read is about: its own facts, the names it mentions, its title and date. */
export interface ReadingContext {
  facts: readonly Fact[];
  entities: readonly EntityId[];
  /** The page's title and any other text that may name a campaign. */
  text?: string;
  /** Publication date (ISO), when the page gives one. */
  published?: string;
}

export interface RankedGroup {
  group: FactGroup;
  reasons: RelatedReason[];
}

const yearOfIso = (iso: string | undefined) => (iso && /^\d{4}-/.test(iso) ? Number(iso.slice(0, 4)) : undefined);

interface Scored extends RankedGroup {
  score: number[];
  order: number;
}

export function rankRelated(groups: readonly FactGroup[], context: ReadingContext): RankedGroup[] {
  const hereCampaigns = new Set([
    ...campaignNames(context.text ?? ''),
    ...context.facts.flatMap((f) => campaignNames(`${f.text}\n${f.source.title}`)),
  ]);
  const hereSpans = context.facts.map(spanOf).filter((s) => s !== undefined);
  const hereYears = new Set(context.facts.flatMap(yearsOf));
  const published = yearOfIso(context.published);
  if (hereYears.size === 0 && published !== undefined) hereYears.add(published);
  const hereKinds = new Set(context.facts.map((f) => `${f.unit ?? ''}|${f.action ?? ''}`));
  const hereEntities = new Set(context.entities);

  const scored: Scored[] = groups.map((group, order) => {
    const reasons: RelatedReason[] = [];
    const campaign = group.facts.some((f) => campaignNames(`${f.text}\n${f.source.title}`).some((n) => hereCampaigns.has(n)));
    if (campaign) reasons.push('same campaign');
    const spans = group.facts.map(spanOf).filter((s) => s !== undefined);
    const samePeriod = spans.some((s) => hereSpans.some((h) => overlapping(s, h)));
    const sameYear = !samePeriod && group.facts.some((f) => yearsOf(f).some((y) => hereYears.has(y)));
    if (samePeriod) reasons.push('same period');
    else if (sameYear) reasons.push('same year');
    const sameKind = hereKinds.has(`${group.unit ?? ''}|${group.action ?? ''}`);
    if (sameKind) reasons.push('same action and unit');
    const shared = group.entities.filter((e) => hereEntities.has(e)).length;
    if (shared > 0) reasons.push('same names');
    const score = [campaign ? 1 : 0, samePeriod ? 2 : sameYear ? 1 : 0, sameKind ? 1 : 0, shared];
    return { group, reasons, score, order };
  });
  scored.sort((a, b) => {
    for (let i = 0; i < a.score.length; i++) if (a.score[i] !== b.score[i]) return b.score[i]! - a.score[i]!;
    return a.order - b.order;
  });
  return scored.map(({ group, reasons }) => ({ group, reasons }));
}
