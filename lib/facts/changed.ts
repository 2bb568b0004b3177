import type { Fact } from '../types';

/**
 * Changed since saved: a passage re-anchored approximately (the page's text moved under
 * it) may now state other figures — "67,000" became "66,600". The comparison is of the
 * figures extracted from the saved quote (not those the user added by hand) with the
 * figures extracted from the text found now, as written, in order.
 */
export interface FigureChange {
  /** The figures as the saved quote wrote them. */
  was: string[];
  /** The figures as the text found now writes them. */
  now: string[];
}

const written = (figures: readonly string[]) => figures.map((f) => f.normalize('NFKC').replace(/\s+/g, ' ').trim());

/**
 * The change, or undefined when the figures are the same. `nowFigures` are the figure
 * texts extracted from the text found (as lib/facts extractFacts gives them).
 */
export function figureChange(saved: readonly Fact[], nowFigures: readonly string[]): FigureChange | undefined {
  const was = written(saved.filter((f) => f.origin !== 'hand').map((f) => f.figureText));
  const now = written(nowFigures);
  if (was.length === now.length && was.every((w, i) => w === now[i])) return undefined;
  return { was, now };
}
