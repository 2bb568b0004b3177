/**
 * A sentence shortened around its figure, for a source line: the words on either side
 * that say what the figure counts and who acted, not the whole paragraph. Cuts fall on
 * spaces in English and anywhere in Chinese, and are marked with "…".
 */
export function excerptAround(sentence: string, figure: string, max = 120): string {
  const flat = sentence.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const at = Math.max(0, flat.indexOf(figure.replace(/\s+/g, ' ')));
  // Two fifths before the figure, the rest after: the verb and the noun usually follow it in
  // English and precede it in Chinese, so both sides get room.
  let start = Math.max(0, Math.min(at - Math.floor(max * 0.4), flat.length - max));
  let end = Math.min(flat.length, start + max);
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    if (space !== -1 && space < at && space - start < 15) start = space + 1;
  }
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > at + figure.length && end - space < 15) end = space;
  }
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}
