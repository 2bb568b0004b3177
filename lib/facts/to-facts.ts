import type { Fact, FactCandidate, PageMeta } from '../types';
import { findDates } from './dates';
import { findFigures } from './figures';
import { findNonFigureSpans } from './non-figures';

export interface FactContext {
  highlightId: string;
  source: PageMeta;
  /** ms since epoch */
  created: number;
  /** Makes a fresh id (crypto.randomUUID in the extension; a counter in tests). */
  newId: () => string;
}

/**
 * The stored facts of one candidate sentence: one Fact per figure, since each figure is
 * linked across outlets on its own. Each figure keeps its own action ("closed 67,000
 * accounts and removed 1.4 million posts" gives a 'closed' and a 'removed' fact).
 */
export function factsFromCandidate(candidate: FactCandidate, context: FactContext): Fact[] {
  const actions = figureActions(candidate);
  return candidate.figures.map((figure, i) => ({
    id: context.newId(),
    highlightId: context.highlightId,
    text: candidate.text,
    value: figure.value,
    ...(figure.unit && { unit: figure.unit }),
    ...(figure.qualifier && { qualifier: figure.qualifier }),
    ...((actions[i] ?? candidate.action) && { action: actions[i] ?? candidate.action }),
    figureText: figure.text,
    ...(candidate.date && { date: candidate.date }),
    ...(candidate.period && { period: { ...candidate.period } }),
    entities: [...candidate.entities],
    source: context.source,
    created: context.created,
  }));
}

/** Re-reads the sentence on its own to recover each figure's action. */
function figureActions(candidate: FactCandidate): Array<string | undefined> {
  const text = candidate.text;
  const excluded = [...findDates(text), ...findNonFigureSpans(text)];
  const found = findFigures(text, 0, text.length, excluded);
  return candidate.figures.map((figure) => found.find((f) => f.start === figure.start - candidate.start)?.action);
}
