import { foldForSearch } from './fold';

/**
 * Splits what the user typed into folded terms that must all match.
 * Words are separated by white space; "double quotes" (straight or curly, or
 * Chinese 「」) keep a phrase together. Chinese needs no spaces: 网信办 is one term
 * and matches inside any longer run of characters.
 */
export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  const pattern = /["“”「」『』]([^"“”「」『』]*)["“”「」『』]?|(\S+)/gu;
  for (const m of query.matchAll(pattern)) {
    const term = foldForSearch(m[1] ?? m[2] ?? '');
    if (term) terms.push(term);
  }
  return terms;
}
