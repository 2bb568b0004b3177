import type { LinkedGroup } from './link-files';
import type { ScanResult } from './scan-article';

/**
 * One JSON object per line. U+2028/U+2029 are legal inside JSON strings but end a line
 * for many line-oriented readers (and for JavaScript before ES2019), so they are escaped.
 */
export function toJsonLine(file: string, result: ScanResult): string {
  // The four fields of the ★ contract, whatever else a mention carries (a reason for hover cards).
  const mentions = result.mentions.map(({ entity, start, end, text }) => ({ entity, start, end, text }));
  return jsonLine({ file, mentions, facts: result.facts });
}

/** The last line of `scan --json --link`: the groups of figures linked across files. */
export function toGroupsLine(groups: readonly LinkedGroup[]): string {
  return jsonLine({ groups });
}

function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The readable form of the linked groups, after the per-file summaries. */
export function groupsSummary(groups: readonly LinkedGroup[]): string {
  if (groups.length === 0) return 'linked across files: none';
  const lines = [`linked across files: ${groups.length}`];
  for (const g of groups) {
    lines.push(`  • ${[g.qualifier, g.value.toLocaleString('en-US'), g.unit, g.action].filter(Boolean).join(' ')}`);
    for (const s of g.sources) lines.push(`    ${s.file} “${s.text}” at ${s.start}`);
  }
  return lines.join('\n');
}

/** The readable summary: counts per entity, then each fact with its figures. */
export function toSummary(file: string, result: ScanResult): string {
  const counts = new Map<string, number>();
  for (const m of result.mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  const lines = [`${file}`];
  if (counts.size === 0) lines.push('  no mentions');
  else {
    const total = result.mentions.length;
    lines.push(`  ${total} mention${total === 1 ? '' : 's'}: ` +
      [...counts].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ${n}`).join(', '));
  }
  if (result.facts.length === 0) lines.push('  no facts');
  for (const fact of result.facts) {
    const figures = fact.figures
      .map((f) => [f.qualifier, f.value.toLocaleString('en-US'), f.unit].filter(Boolean).join(' '))
      .join('; ');
    const when = fact.period
      ? ` [${fact.period.from ?? '…'} – ${fact.period.to ?? '…'}]`
      : fact.date ? ` [${fact.date}]` : '';
    lines.push(`  • ${figures}${when} (${fact.entities.join(', ') || 'no entity'})`);
    lines.push(`    “${fact.text.replace(/\s+/g, ' ').trim()}”`);
  }
  return lines.join('\n');
}
