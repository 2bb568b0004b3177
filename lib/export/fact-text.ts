import type { Fact } from '../types';

/** "more than 67,000 accounts closed (6.66萬)": the figure as a phrase for lists and cells. */
export function describeFigure(fact: Fact): string {
  const number = new Intl.NumberFormat('en', { maximumFractionDigits: 6 }).format(fact.value);
  const words = [fact.qualifier, number, fact.unit, fact.action].filter(Boolean).join(' ');
  return fact.figureText && fact.figureText !== number ? `${words} (${fact.figureText})` : words;
}

/** "2023-03-10 – 2023-05-22", one day, or an open end; empty when the fact has no date. */
export function describePeriod(fact: Fact): string {
  const { from, to } = fact.period ?? {};
  if (from && to) return from === to ? from : `${from} – ${to}`;
  if (from) return `from ${from}`;
  if (to) return `until ${to}`;
  return fact.date ?? '';
}
