/**
 * The rows of a virtual list that overlap [from, to) (px from the list's top), given
 * `tops`: tops[i] is where row i starts and tops[length] where the last one ends.
 * Two binary searches, so scrolling ten thousand rows costs a few dozen comparisons.
 */
export function visibleRange(tops: ArrayLike<number>, from: number, to: number): { start: number; end: number } {
  const rows = tops.length - 1;
  if (rows <= 0) return { start: 0, end: 0 };
  // The first row that ends after `from`.
  let lo = 0;
  let hi = rows;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tops[mid + 1]! > from) hi = mid;
    else lo = mid + 1;
  }
  const start = Math.min(lo, rows - 1);
  // The first row that starts at or after `to`.
  lo = start;
  hi = rows;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tops[mid]! >= to) hi = mid;
    else lo = mid + 1;
  }
  return { start, end: Math.max(lo, start + 1) };
}
