import type { Fact, Highlight, Selector } from '../types';

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

/** Whether a highlight's change is one the user has still to decide on (not kept already). */
export const changeToDecide = (h: Pick<Highlight, 'changed'>): boolean => h.changed !== undefined && !h.changed.kept;

/**
 * The highlight after re-anchoring found its passage at `text`, whose figures (as
 * extracted) are `nowFigures`. Back at its own quote, any change is forgotten. At other
 * text with other figures, the change is recorded, unless it is the very text the user
 * already chose not to take. Other text with the same figures (a typo mended, a word
 * added) is no change a researcher needs to hear about. Returns `h` itself when nothing
 * changes, so the caller writes nothing.
 */
export function anchoredAt(h: Highlight, text: string, nowFigures: readonly string[]): Highlight {
  const { changed, ...rest } = h;
  if (text === h.quote) return changed ? rest : h;
  if (changed?.text === text) return h;
  const change = figureChange(h.facts, nowFigures);
  if (!change) return changed ? rest : h;
  return { ...h, changed: { text, ...change } };
}

/** "Keep saved text": the quote and its facts stay; this change is not raised again. */
export function keepSavedText(h: Highlight): Highlight {
  return h.changed && !h.changed.kept ? { ...h, changed: { ...h.changed, kept: true } } : h;
}

/**
 * "Take new text": the quote becomes the text found, its selectors follow (the same
 * context on either side, which is how the passage was found; the same start), and its
 * facts are `facts` — the new text's extraction merged with the user's own (see
 * mergeReextracted) by the caller, which owns extraction.
 */
export function takeFoundText(h: Highlight, facts: Fact[], entities: string[]): Highlight {
  if (!h.changed) return h;
  const text = h.changed.text;
  const selectors: Selector[] = h.selectors.map((s) =>
    s.type === 'TextQuoteSelector' ? { ...s, exact: text } : { ...s, end: s.start + text.length },
  );
  const { changed: _taken, ...rest } = h;
  return { ...rest, quote: text, selectors, facts, entities };
}
