import { useLayoutEffect, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { placeInViewport, type ViewportPoint } from './floating';

/**
 * Where to put a fixed-position box anchored at `point`: measured after render, so the
 * box can flip above the point or shift left when it would leave the viewport.
 */
export function usePlacement(ref: RefObject<HTMLElement>, point: ViewportPoint): { left: number; top: number } {
  const [placed, setPlaced] = useState({ left: point.x, top: point.y });
  useLayoutEffect(() => {
    const el = ref.current;
    const view = el?.ownerDocument.defaultView;
    if (!el || !view) return;
    const rect = el.getBoundingClientRect();
    const next = placeInViewport(point, rect, { width: view.innerWidth, height: view.innerHeight });
    if (next.left !== placed.left || next.top !== placed.top) setPlaced(next);
  }, [point.x, point.y, point.top]);
  return placed;
}
