/**
 * The names we leave in the page — CSS highlight names, our elements' tags — made fresh
 * for each page load, of random letters with nothing of the product in them: a page's
 * script that lists `CSS.highlights` or walks the DOM sees that something painted it,
 * never that it was Qinglang Lens, and cannot keep a list of our names to look for.
 */

export interface PageNames {
  /** The CSS ident for `key` ('mention:cac', 'fact', 'reveal'), the same for the whole page load. */
  highlight(key: string): string;
  /** The key a name was made for, or undefined for a name that is not ours. */
  keyOf(name: string): string | undefined;
  /** A custom-element tag for `key` ('ui', 'overlay', 'fact-button'): two random words joined by '-'. */
  tag(key: string): string;
  /** Whether an element's local name is one of our tags. */
  isOurTag(localName: string): boolean;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function createPageNames(random: () => number = Math.random): PageNames {
  const byKey = new Map<string, string>();
  const keys = new Map<string, string>();
  const tags = new Map<string, string>();
  const tagSet = new Set<string>();
  const word = (length: number): string => {
    let out = '';
    for (let i = 0; i < length; i++) out += LETTERS[Math.floor(random() * LETTERS.length)];
    return out;
  };
  const fresh = (make: () => string, taken: (name: string) => boolean): string => {
    let name = make();
    while (taken(name)) name = make();
    return name;
  };
  return {
    highlight(key) {
      let name = byKey.get(key);
      if (!name) {
        name = fresh(() => word(10), (n) => keys.has(n));
        byKey.set(key, name);
        keys.set(name, key);
      }
      return name;
    },
    keyOf: (name) => keys.get(name),
    tag(key) {
      let tag = tags.get(key);
      if (!tag) {
        tag = fresh(() => `${word(5)}-${word(5)}`, (t) => tagSet.has(t));
        tags.set(key, tag);
        tagSet.add(tag);
      }
      return tag;
    },
    isOurTag: (localName) => tagSet.has(localName),
  };
}

/** This page load's names, shared by every part of the content script. */
export const pageNames: PageNames = createPageNames(cryptoRandom);

function cryptoRandom(): number {
  if (typeof crypto === 'undefined' || typeof crypto.getRandomValues !== 'function') return Math.random();
  return crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;
}
