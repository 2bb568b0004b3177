const squeeze = (text: string): string => text.replace(/\s+/g, '');

/**
 * The id of the saved highlight whose passage is the one selected, if any: the same
 * text (blank aside: a triple-click takes the line break too) over the same place. A
 * passage saved already opens its card rather than becoming a second highlight.
 */
export function savedPassageAt(selected: Range, painted: Iterable<readonly [string, Range]>): string | undefined {
  const text = squeeze(selected.toString());
  if (text === '') return undefined;
  for (const [id, range] of painted) {
    if (range.collapsed || squeeze(range.toString()) !== text) continue;
    // Overlapping: the selection starts before the saved range ends and ends after it starts.
    const overlaps =
      selected.compareBoundaryPoints(Range.START_TO_END, range) > 0 && selected.compareBoundaryPoints(Range.END_TO_START, range) < 0;
    if (overlaps) return id;
  }
  return undefined;
}
