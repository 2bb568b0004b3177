import type { Locale } from '@/components/i18n';
import { builtinEntity } from '@/lib/lexicon';
import type { UserTerm } from '@/lib/settings';
import type { EntityId } from '@/lib/types';

export interface EntityName {
  label: string;
  /** One sentence saying what it is; absent for the user's own terms. */
  description?: string;
}

export type EntityNamer = (id: EntityId) => EntityName;

/** The first sentence of a description, which is all a one-line list entry has room for. */
export function firstSentence(text: string): string {
  const end = text.search(/[。！？]|[.!?](?=\s|$)/);
  return end < 0 ? text.trim() : text.slice(0, end + 1).trim();
}

/**
 * Names of entities in the interface language: the lexicon's for built-in ones, the
 * user's own label for their terms, and the id itself for one that is no longer known
 * (a term since removed, still named by old highlights).
 */
export function entityNamer(locale: Locale, userTerms: readonly UserTerm[] = []): EntityNamer {
  return (id) => {
    const builtin = builtinEntity(id);
    if (builtin) return { label: builtin.label[locale], description: firstSentence(builtin.description[locale]) };
    const own = userTerms.find((t) => t.id === id);
    return own ? { label: own.label } : { label: id };
  };
}
