/** The toolbar badge for a number of mentions (★ DESIGN.md): empty for none, "999+" above 999. */
export function badgeText(total: number): string {
  if (!Number.isFinite(total) || total <= 0) return '';
  return total > 999 ? '999+' : String(Math.floor(total));
}
