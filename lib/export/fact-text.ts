import type { Fact } from '../types';

// One formatter for every figure of an export (or of a library screen): making one costs far more than using it.
let english: Intl.NumberFormat | undefined;
const number = (value: number) => (english ??= new Intl.NumberFormat('en', { maximumFractionDigits: 6 })).format(value);

/**
 * "more than 67,000 accounts closed": the figure as a phrase, in the data's own words
 * (the English interface uses the same ones, so a unit is never "leads" in one place and
 * "clues" in another).
 */
export function describeFigure(fact: Fact): string {
  return [fact.qualifier, number(fact.value), fact.unit, fact.action].filter(Boolean).join(' ');
}

/** The figure as the source wrote it ("6.66萬"), when that differs from the number shown; else empty. */
export function writtenFigure(fact: Fact): string {
  const written = fact.figureText.trim();
  return written && written !== number(fact.value) && written !== String(fact.value) ? written : '';
}

/** "2023-03-10 – 2023-05-22", one day, or an open end; empty when the fact has no date. */
export function describePeriod(fact: Fact): string {
  const { from, to } = fact.period ?? {};
  if (from && to) return from === to ? from : `${from} – ${to}`;
  if (from) return `from ${from}`;
  if (to) return `until ${to}`;
  return fact.date ?? '';
}

/**
 * One line per fact: "more than 66,600 accounts closed · 2023-03-10 – 2023-05-22 · as
 * written 6.66萬" — each part once, separated, never nested in parentheses.
 */
export function describeFact(fact: Fact): string {
  const written = writtenFigure(fact);
  return [describeFigure(fact), describePeriod(fact), written && `as written ${written}`].filter(Boolean).join(' · ');
}

/** A highlight's facts, each once (the same id, or the same figure, unit, action and period, counts once). */
export function distinctFacts(facts: readonly Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = JSON.stringify([f.value, f.unit, f.action, f.qualifier, f.period?.from, f.period?.to, f.date]);
    if (seen.has(f.id) || seen.has(key)) return false;
    seen.add(f.id).add(key);
    return true;
  });
}
