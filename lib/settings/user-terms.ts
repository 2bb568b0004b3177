import { USER_COLORS } from '../detect/user-terms';
import { ENTITY_IDS } from '../types';
import { BUILTIN_ENTITIES } from '../lexicon';
import { isHexColor } from './colors';
import { problem, type SettingProblem } from './problems';
import type { UserTerm } from './types';

export { TERM_LIMITS } from '../schema/limits';
import { TERM_LIMITS } from '../schema/limits';

/** What the user typed for a term: a name, the variants (one a line or comma-separated), a colour. */
export interface TermDraft {
  label: string;
  variants: string;
  color: string;
}

/** Variants typed one a line or separated by commas (either width), 、 or semicolons, each once. */
export function parseVariants(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\n,，、;；]+/)) {
    const variant = raw.replace(/\s+/g, ' ').trim();
    if (variant !== '' && !out.includes(variant)) out.push(variant);
  }
  return out;
}

/** Characters, not UTF-16 units: 𠀀 is one. */
const length = (s: string) => [...s].length;
const sameText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * Every built-in form's text, to tell the user a variant is already watched: adding
 * "微博" as their own term would take it away from Weibo.
 */
function builtinOwner(variant: string): string | undefined {
  for (const entity of BUILTIN_ENTITIES) {
    if (entity.forms.some((f) => sameText(f.text, variant))) return entity.label.en;
  }
  return undefined;
}

/**
 * Why a drafted term cannot be saved (empty when it can). `others` are the user's other
 * terms (without the one being edited), against which labels and variants must be new.
 */
export function termProblems(draft: TermDraft, others: readonly UserTerm[]): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const label = draft.label.trim();
  if (label === '') problems.push(problem('label_missing', 'Give the term a name.'));
  else if (length(label) > TERM_LIMITS.label) {
    problems.push(problem('label_too_long', `The name is longer than ${TERM_LIMITS.label} characters.`, String(TERM_LIMITS.label)));
  } else {
    const twin = others.find((o) => sameText(o.label, label));
    if (twin) problems.push(problem('label_taken', `You already watch a term called “${twin.label}”.`, twin.label));
  }

  const variants = parseVariants(draft.variants);
  if (variants.length === 0) problems.push(problem('no_variants', 'Write at least one word or name to look for.'));
  if (variants.length > TERM_LIMITS.variantsPerTerm) {
    problems.push(
      problem('too_many_variants', `A term can have at most ${TERM_LIMITS.variantsPerTerm} variants.`, String(TERM_LIMITS.variantsPerTerm)),
    );
  }
  for (const v of variants) {
    if (length(v) < TERM_LIMITS.variantMin) {
      // One character (一 letter, 一 汉字) would be marked all over every page.
      problems.push(problem('variant_too_short', `“${v}” is too short: a variant needs at least ${TERM_LIMITS.variantMin} characters.`, v));
    } else if (length(v) > TERM_LIMITS.variant) {
      problems.push(problem('variant_too_long', `A variant is longer than ${TERM_LIMITS.variant} characters.`, String(TERM_LIMITS.variant)));
    } else if (!/\p{L}/u.test(v)) {
      problems.push(problem('variant_no_letters', `“${v}” has no letters or characters to look for.`, v));
    } else {
      const other = others.find((o) => o.terms.some((t) => sameText(t, v)));
      const builtin = other ? undefined : builtinOwner(v);
      if (other) problems.push(problem('variant_taken', `“${v}” is already a variant of “${other.label}”.`, v, other.label));
      else if (builtin) problems.push(problem('variant_builtin', `“${v}” is already found as ${builtin}.`, v, builtin));
    }
  }
  if (!isHexColor(draft.color)) problems.push(problem('bad_color', 'Choose a colour.'));
  return problems;
}

/**
 * A new id for a term: `user-` and the name's Latin letters and digits, or `user-term`,
 * numbered when another term has it. Built-in ids are never produced (they lack the
 * prefix). A term removed and added again under the same name gets its old id back,
 * so the highlights that mention it are about it again.
 */
export function newTermId(label: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const slug = label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const base = `user-${slug || 'term'}`;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A colour for a new term: the first of USER_COLORS the user's terms do not use yet. */
export function nextTermColor(terms: readonly UserTerm[]): string {
  const used = new Set(terms.map((t) => t.color.toLowerCase()));
  return USER_COLORS.find((c) => !used.has(c.toLowerCase())) ?? USER_COLORS[terms.length % USER_COLORS.length]!;
}

/** The term a valid draft makes (call termProblems first). */
export function termFromDraft(draft: TermDraft, id: string): UserTerm {
  return { id, label: draft.label.trim(), terms: parseVariants(draft.variants), color: draft.color.toLowerCase() };
}

export type TermChange = { ok: true; terms: UserTerm[] } | { ok: false; problems: SettingProblem[] };

/** The list with a new term added, or why it cannot be. */
export function addTerm(terms: readonly UserTerm[], draft: TermDraft): TermChange {
  const problems = termProblems(draft, terms);
  if (terms.length >= TERM_LIMITS.terms) {
    problems.push(problem('too_many_terms', `You can watch at most ${TERM_LIMITS.terms} terms of your own.`, String(TERM_LIMITS.terms)));
  }
  if (problems.length > 0) return { ok: false, problems };
  const id = newTermId(draft.label, [...ENTITY_IDS, ...terms.map((t) => t.id)]);
  return { ok: true, terms: [...terms, termFromDraft(draft, id)] };
}

/** The list with one term changed (same id, so highlights that mention it keep their link). */
export function replaceTerm(terms: readonly UserTerm[], id: string, draft: TermDraft): TermChange {
  if (!terms.some((t) => t.id === id)) {
    return { ok: false, problems: [problem('unknown_term', 'This term is no longer in your watch-list.')] };
  }
  const problems = termProblems(
    draft,
    terms.filter((t) => t.id !== id),
  );
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, terms: terms.map((t) => (t.id === id ? termFromDraft(draft, id) : t)) };
}

/** What a term looks like in the form that edits it. */
export function draftOf(term: UserTerm): TermDraft {
  return { label: term.label, variants: term.terms.join('\n'), color: term.color };
}
