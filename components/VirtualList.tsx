import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { visibleRange } from './virtual-range';

export interface VirtualListProps<T> {
  items: readonly T[];
  /** A stable key per item: heights measured once are remembered by it. */
  keyOf: (item: T) => string;
  render: (item: T, index: number) => ComponentChildren;
  /** Height to assume for an item not yet measured (px). */
  estimate?: number;
  /** How far beyond the window to render, above and below (px): keeps keyboard focus and fast scrolling ahead. */
  overscan?: number;
  /** Rows to render before the window's size is known (first paint, tests without layout). */
  initialRows?: number;
  label?: string;
  class?: string;
}

/** What a row was drawn from, and what it drew. */
interface DrawnRow<T> {
  item: T;
  index: number;
  render: VirtualListProps<T>['render'];
  node: ComponentChildren;
}

/**
 * A list that puts only the items near the window into the document, so ten thousand
 * highlights render as fast as thirty. The page keeps scrolling the document (no inner
 * scroll box): space above and below the rendered items is padding computed from the
 * heights measured so far (estimated until then), and a ResizeObserver corrects them as
 * items render or change size (an edit form opening). Each item says its place in the
 * whole list (aria-setsize / aria-posinset), so a screen reader announces "3 of 10,000".
 */
export function VirtualList<T>({
  items,
  keyOf,
  render,
  estimate = 160,
  overscan = 800,
  initialRows = 30,
  label,
  class: className,
}: VirtualListProps<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  const heights = useRef(new Map<string, number>());
  const [, setMeasured] = useState(0);
  const [view, setView] = useState<{ top: number; height: number } | undefined>();
  // The rows drawn last, by key (see below): where a row measured stands in the list.
  const drawnRows = useRef(new Map<string, DrawnRow<T>>());

  // Where each row starts, from the heights measured so far (the estimate until then):
  // summed over the whole list when the list changes, and moved by the difference when a
  // drawn row's height is measured, not summed again (over ten thousand items, a few
  // milliseconds each time, two or three times in a keystroke's frame).
  const offsets = useRef<{ items: readonly T[]; estimate: number; tops: Float64Array }>();
  if (offsets.current?.items !== items || offsets.current.estimate !== estimate) {
    const sums = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) sums[i + 1] = sums[i]! + (heights.current.get(keyOf(items[i]!)) ?? estimate);
    offsets.current = { items, estimate, tops: sums };
  }
  const tops = offsets.current.tops;

  const readWindow = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const doc = list.ownerDocument;
    const win = doc.defaultView;
    const height = win?.innerHeight ?? 0;
    if (!height) return;
    // Where the window is, relative to the top of the list.
    const top = -list.getBoundingClientRect().top;
    setView((v) => (v && Math.abs(v.top - top) < 1 && v.height === height ? v : { top, height }));
  }, []);

  useEffect(() => {
    const win = listRef.current?.ownerDocument.defaultView;
    if (!win) return;
    readWindow();
    win.addEventListener('scroll', readWindow, { passive: true });
    win.addEventListener('resize', readWindow);
    return () => {
      win.removeEventListener('scroll', readWindow);
      win.removeEventListener('resize', readWindow);
    };
  }, [readWindow]);

  // A new list (a keystroke's results, another filter) is drawn first as far as the window
  // shows it; the rows beyond, kept ready for scrolling, follow in a task after that frame
  // is painted (an effect's), so the results a reader waits for are not held behind them.
  // The same list changed (an item edited: same length, same first item) keeps its rows,
  // and any focus in them.
  const shape = `${items.length}:${items.length > 0 ? keyOf(items[0]!) : ''}`;
  const drawnShape = useRef(shape);
  const [, widen] = useState(0);
  const renewed = drawnShape.current !== shape;
  useEffect(() => {
    if (!renewed) return;
    drawnShape.current = shape;
    widen((n) => n + 1);
  });
  const around = view && renewed ? 0 : overscan;

  const { start, end } = view
    ? visibleRange(tops, view.top - around, view.top + view.height + around)
    : { start: 0, end: Math.min(items.length, initialRows) };

  // Measure what rendered; a changed height moves everything below it.
  const observer = useRef<ResizeObserver>();
  useLayoutEffect(() => {
    const list = listRef.current;
    const RO = list?.ownerDocument.defaultView?.ResizeObserver;
    if (!list || !RO) return;
    const ro = (observer.current ??= new RO((entries) => {
      let changed = false;
      for (const entry of entries) {
        const el = entry.target as HTMLElement;
        const key = el.dataset.key;
        const h = el.offsetHeight;
        if (key === undefined || h <= 0 || heights.current.get(key) === h) continue;
        heights.current.set(key, h);
        changed = true;
        const at = offsets.current;
        const row = drawnRows.current.get(key);
        // Rows are drawn with the offsets of their list, so a drawn row's place is in them.
        if (at && row) {
          const grown = h - (at.tops[row.index + 1]! - at.tops[row.index]!);
          for (let i = row.index + 1; i < at.tops.length; i++) at.tops[i]! += grown;
        } else {
          // A row drawn by an earlier render, gone since: the offsets are summed again.
          offsets.current = undefined;
        }
      }
      if (changed) setMeasured((n) => n + 1);
    }));
    ro.disconnect();
    for (const child of Array.from(list.children)) ro.observe(child);
  });
  useEffect(() => () => observer.current?.disconnect(), []);

  // A row drawn before for the same item, place and render function is handed back as it
  // was drawn: Preact skips what it drew already, so when the list draws again for its own
  // reasons (heights measured, a scroll) only the rows new to it are rendered.
  const kept = new Map<string, DrawnRow<T>>();
  const total = tops[items.length] ?? 0;
  const rows = [];
  for (let i = start; i < end; i++) {
    const item = items[i]!;
    const key = keyOf(item);
    const before = drawnRows.current.get(key);
    const row = before && before.item === item && before.index === i && before.render === render ? before : { item, index: i, render, node: render(item, i) };
    kept.set(key, row);
    rows.push(
      <li key={key} data-key={key} aria-setsize={items.length} aria-posinset={i + 1} class="ql-virtual__row">
        {row.node}
      </li>,
    );
  }
  drawnRows.current = kept;
  return (
    <ul
      ref={listRef}
      class={`ql-list ql-virtual${className ? ` ${className}` : ''}`}
      aria-label={label}
      style={{ paddingTop: `${tops[start] ?? 0}px`, paddingBottom: `${Math.max(0, total - (tops[end] ?? total))}px` }}
    >
      {rows}
    </ul>
  );
}
