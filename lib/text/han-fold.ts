/**
 * Traditional and variant Han characters folded to the simplified character that leads
 * their group, one UTF-16 code unit to one, for matching: a user's term 防火长城 then
 * finds 防火長城 on a Taiwanese page, and 網信辦 finds a page that mixes 网信辦, the way
 * the built-in names (listed in both scripts) already do.
 *
 * The groups are the library search's Unihan-derived table (lib/search/han-variants.ts),
 * read here as data so that search and detection fold alike. Members outside the Basic
 * Multilingual Plane are left out: they are two code units and the matcher folds one to one.
 */
import { HAN_EXTRA_GROUPS, HAN_VARIANT_GROUPS } from '../search/han-variants';

/** [variant, lead] pairs of code units. */
export function hanFoldPairs(): Array<[number, number]> {
  const lead = new Map<number, number>();
  const bmp = (group: string) => Array.from(group).filter((ch) => ch.length === 1).map((ch) => ch.charCodeAt(0));
  for (const line of HAN_VARIANT_GROUPS) {
    for (const group of line.split(' ')) {
      const [first, ...rest] = bmp(group);
      if (first === undefined) continue;
      for (const c of rest) lead.set(c, first);
    }
  }
  // Extra groups join two existing groups: every member of the second folds to the first's lead.
  for (const group of HAN_EXTRA_GROUPS) {
    const [first, ...rest] = bmp(group);
    if (first === undefined) continue;
    const target = lead.get(first) ?? first;
    for (const c of rest) {
      const old = lead.get(c) ?? c;
      if (old === target) continue;
      for (const [k, v] of lead) if (v === old) lead.set(k, target);
      lead.set(old, target);
    }
  }
  return [...lead];
}
