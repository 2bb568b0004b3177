import type { EntityEntry, SenseRule, SurfaceForm } from '../lexicon';
import { foldString } from '../text';

/** Terms the user watches for, under an id of their own (or a built-in id, to add variants to it). */
export interface UserTerms {
  id: string;
  /** Every variant the user wants found; each is matched like a built-in form. */
  terms: readonly string[];
  label?: string;
  description?: string;
  /** #rrggbb; a colour from USER_COLORS when absent. */
  color?: string;
  /**
   * Whether capitals must be capitals (see CaseRule `capitals`). When absent, a term
   * written as an acronym (two or more capitals, no lower-case: "NPC", "SAMR") keeps its
   * case, since in lower case it is usually another word; anything else matches in any case.
   */
  caseSensitive?: boolean;
  /**
   * The terms are also ordinary words or other bodies' acronyms: a use counts only where
   * its passage or page supports it: another of the entry's terms or its label nearby or
   * elsewhere on the page, or, for an acronym, a definition that spells it out as one of them.
   */
  ambiguous?: boolean;
}

/** Colours for user terms that have none, distinct from the built-in entities' hues. */
export const USER_COLORS: readonly string[] = ['#ad7f58', '#7d8fa3', '#12a594', '#e54666', '#978365', '#6e56cf'];

const ACRONYM = /^(?=(?:[^A-Z]*[A-Z]){2})[^a-z]*$/;

function caseRuleFor(term: string, caseSensitive: boolean | undefined): SurfaceForm['case'] {
  if (caseSensitive === true) return 'capitals';
  if (caseSensitive === false) return 'any';
  return ACRONYM.test(term) ? 'capitals' : 'any';
}

/** The user's terms as lexicon entries, so the matcher treats them exactly like built-in forms. */
export function userTermsToEntries(userTerms: readonly UserTerms[]): EntityEntry[] {
  return userTerms.map((u, index) => ({
    id: u.id,
    label: { en: u.label ?? u.id, zh: u.label ?? u.id },
    description: { en: u.description ?? '', zh: u.description ?? '' },
    color: u.color ?? USER_COLORS[index % USER_COLORS.length]!,
    forms: u.terms.map((text) => ({
      text,
      case: caseRuleFor(text, u.caseSensitive),
      ...(u.ambiguous ? { sense: userSense(u) } : {}),
    })),
  }));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What supports an ambiguous user term: the entry's names, matched the way cue words
 * are (folded, lower-case, simplified). The word itself never counts as its own support.
 */
function userSense(u: UserTerms): SenseRule {
  const names = [...new Set([...u.terms, ...(u.label ? [u.label] : [])].map((t) => foldString(t.trim(), true)).filter((t) => t !== ''))]
    .sort((a, b) => b.length - a.length);
  const pattern = names.map(escape).join('|');
  const label = u.label ?? u.id;
  return {
    meaning: label,
    near: [],
    cues: [{ sense: 'entity', label: `its other names (${names.join(', ')})`, words: new RegExp(pattern, 'gi') }],
    foldPassage: true,
    pageEntities: [],
    fallback: 'other',
    acronym: { entityExpansion: new RegExp(pattern, 'i') },
  };
}
