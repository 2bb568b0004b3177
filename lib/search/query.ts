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

/**
 * Whether `query` says enough to be searched. A lone Latin letter or digit names nothing
 * and is in nearly every highlight (one "c" matched 9,669 of the library bench's 10,000),
 * so the list stays as it is until the next key; a Han character is a word (网, 抖) and is
 * searched at once.
 */
export function searchable(query: string): boolean {
  const folded = foldForSearch(query);
  return folded !== '' && !/^[a-z0-9]$/.test(folded);
}
