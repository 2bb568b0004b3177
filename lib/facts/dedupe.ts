import type { FactCandidate } from '../types';

/**
 * Drops facts a page prints twice (a caption under two photos, a headline repeated as
 * the first line): same sentence, whitespace aside, and the same figures. The first one
 * is kept, so offsets point at the first occurrence.
 */
export function dedupeFacts(facts: readonly FactCandidate[]): FactCandidate[] {
  const seen = new Set<string>();
  const kept: FactCandidate[] = [];
  for (const fact of facts) {
    const key = JSON.stringify([
      fact.text.replace(/\s+/g, ' ').trim(),
      fact.figures.map((f) => [f.value, f.unit ?? null, f.qualifier ?? null]),
    ]);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(fact);
  }
  return kept;
}
