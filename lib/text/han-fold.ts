/**
 * Traditional and variant Han characters folded to the simplified character that leads
 * their group. One table for detection and for the library search, so both fold alike:
 * a user's term 防火长城 then finds 防火長城 on a Taiwanese page, and 網信辦 finds a page
 * that mixes 网信辦, the way the built-in names (listed in both scripts) already do.
 *
 * The groups are a Unihan-derived table (lib/search/han-variants.ts), read here as data.
 */
import { HAN_EXTRA_GROUPS, HAN_VARIANT_GROUPS } from '../search/han-variants';

/**
 * Each character that folds → the first character of its group, counting only the
 * characters `keep` accepts (detection folds one UTF-16 code unit to one, so it keeps
 * the Basic Multilingual Plane only; a group whose first member it drops is led by the
 * next).
 */
export function hanLeads(keep: (ch: string) => boolean = () => true): Map<string, string> {
  const lead = new Map<string, string>();
  // One pass over each line's characters, without splitting it into arrays: the library
  // and the content script build this table before their first screen, where a
  // split-and-destructure version cost 10–30 ms.
  for (const line of HAN_VARIANT_GROUPS) {
    let first: string | undefined;
    for (const ch of line) {
      if (ch === ' ') first = undefined;
      else if (!keep(ch)) continue;
      else if (first === undefined) first = ch;
      else lead.set(ch, first);
    }
  }
  // Extra groups join whole existing groups, so every member of either folds alike.
  for (const group of HAN_EXTRA_GROUPS) {
    let target: string | undefined;
    for (const ch of group) {
      if (!keep(ch)) continue;
      if (target === undefined) {
        target = lead.get(ch) ?? ch;
        continue;
      }
      const old = lead.get(ch) ?? ch;
      // Stryker disable next-line ConditionalExpression: equivalent; skipping an already joined group only saves time.
      if (old === target) continue;
      for (const [k, v] of lead) if (v === old) lead.set(k, target);
      lead.set(old, target);
    }
  }
  return lead;
}

/** [variant, lead] pairs of code units, for detection's one-to-one fold tables. */
export function hanFoldPairs(): Array<[number, number]> {
  return Array.from(hanLeads((ch) => ch.length === 1), ([variant, lead]) => [variant.charCodeAt(0), lead.charCodeAt(0)]);
}
