/**
 * How many objects and arrays a JSON text opens, counted up to `limit` without
 * parsing it. JSON.parse of a file made of millions of tiny objects ("[{},{},…]")
 * takes a gigabyte of memory and most of a minute well inside any byte limit, so
 * the count is checked first; one pass over the characters is cheap by comparison.
 * Brackets inside strings do not count. Returns limit + 1 as soon as it is passed.
 */
export function countContainers(text: string, limit: number): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++count > limit) return count;
    }
  }
  return count;
}
