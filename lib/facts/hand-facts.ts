import type { Fact, FigureUnit, Highlight, Period } from '../types';
import { findQuantities } from './quantities';

/**
 * Facts the user made or mended. A hand-made fact (origin 'hand') is the user's own: no
 * re-extraction removes it. A correction names the fields it changed (`corrected`), and
 * re-extraction of the same figure keeps those fields as the user set them.
 */

/** What the user gives for a fact extraction missed. */
export interface HandFactInput {
  value: number;
  figureText?: string;
  unit?: FigureUnit;
  action?: string;
  qualifier?: string;
  period?: Period;
}

/** The fields a correction may change (and so may be named in `corrected`). */
export const CORRECTABLE = ['text', 'value', 'unit', 'qualifier', 'action', 'figureText', 'date', 'period', 'entities'] as const;
type Correctable = (typeof CORRECTABLE)[number];

/** A new fact on `highlight`, as the user stated it, sourced like the highlight. */
export function handFact(highlight: Highlight, input: HandFactInput, id: string, now: number): Fact {
  return {
    id,
    highlightId: highlight.id,
    text: highlight.quote,
    value: input.value,
    ...(input.unit && { unit: input.unit }),
    ...(input.qualifier && { qualifier: input.qualifier }),
    ...(input.action && { action: input.action }),
    figureText: input.figureText?.trim() || String(input.value),
    ...(input.period && (input.period.from || input.period.to) && { period: { ...input.period } }),
    entities: [...highlight.entities],
    source: highlight.page,
    origin: 'hand',
    created: now,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields `edit` changes on `fact`, added to those it had already corrected. */
export function correctedFields(fact: Fact, edit: Partial<Pick<Fact, Correctable>>): string[] {
  const changed = CORRECTABLE.filter((k) => k in edit && !same(edit[k], fact[k]));
  return [...new Set([...(fact.corrected ?? []), ...changed])];
}

/**
 * The facts of a highlight after its quote was read again (new text taken, a better
 * extractor): the fresh extraction, with each figure the user corrected keeping the
 * corrected fields (matched by id, which derives from the highlight and the figure's
 * order, or else by the figure as written), the user's unlinks kept, and every
 * hand-made fact kept as it is.
 */
export function mergeReextracted(previous: readonly Fact[], extracted: readonly Fact[]): Fact[] {
  const byId = new Map(previous.filter((f) => f.origin !== 'hand').map((f) => [f.id, f]));
  const byText = new Map(previous.filter((f) => f.origin !== 'hand').map((f) => [f.figureText, f]));
  const merged = extracted.map((fresh) => {
    const old = byId.get(fresh.id) ?? byText.get(fresh.figureText);
    if (!old) return fresh;
    const kept: Partial<Fact> = {};
    for (const k of old.corrected ?? []) if ((CORRECTABLE as readonly string[]).includes(k)) Object.assign(kept, { [k]: old[k as Correctable] });
    return {
      ...fresh,
      ...kept,
      ...(old.corrected?.length && { corrected: [...old.corrected] }),
      ...(old.unlinked?.length && { unlinked: [...old.unlinked] }),
    };
  });
  return [...merged, ...previous.filter((f) => f.origin === 'hand')];
}

/**
 * The figure a user typed into the "add a fact" form, read as extraction reads figures
 * ("66,600", "1.4 million", "6.66万", "６７，０００", "more than 500"): the value, the
 * figure as written and its hedge. Undefined unless the whole entry is one figure.
 */
export function parseHandFigure(typed: string): Pick<HandFactInput, 'value' | 'figureText' | 'qualifier'> | undefined {
  const text = typed.normalize('NFKC').trim();
  const found = findQuantities(text);
  if (found.length !== 1) return undefined;
  const q = found[0]!;
  if (q.leadStart !== 0 || q.tailEnd !== text.length || !Number.isFinite(q.value)) return undefined;
  return { value: q.value, figureText: text.slice(q.start, q.end), ...(q.qualifier && { qualifier: q.qualifier }) };
}
