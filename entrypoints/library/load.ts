/**
 * How the library page reads the store: the newest highlights first, a screenful found
 * through the creation index, so the page shows something at once; then every highlight
 * in batches, letting the page paint and take input between them. Page records (with
 * their kept article text, up to 200,000 characters each) are not read at all: each
 * highlight carries its page's metadata, and an export reads the pages when asked.
 */
import type { LensStore, StoreResult } from '@/lib/store';
import type { Highlight } from '@/lib/types';

export type LibraryQueries = Pick<LensStore, 'recentHighlights' | 'highlightBatch' | 'allPages' | 'getPage'>;

/** Highlights on the first screen when the window's height is not known: more than a tall window shows. */
export const FIRST_SCREEN = 40;

/** A highlight in the library's list is rarely shorter than this (px): how many a window holds at most. */
export const ITEM_HEIGHT_AT_LEAST = 160;

/**
 * Highlights on the first screen of a window `height` px tall: twice what it shows, so a
 * first scroll finds more while the rest is read. Each one costs a step of the database's
 * cursor before anything is drawn.
 */
export function firstScreenSize(height: number): number {
  return height > 0 ? Math.max(8, 2 * Math.ceil(height / ITEM_HEIGHT_AT_LEAST)) : FIRST_SCREEN;
}

/** The newest highlights, asked for before the views' code loaded (main.tsx), and how many were asked. */
export interface AskedFirstScreen {
  size: number;
  read: Promise<StoreResult<Highlight[]>>;
}

export interface StagedLoad {
  /** Highlights shown on the first screen, newest first. */
  firstScreen?: number;
  /** Highlights read at a time afterwards. */
  batch?: number;
  /** Lets the page paint and take input; called after the first screen is shown and between batches. */
  pause?: () => Promise<void>;
  /** Told each batch as it is read (before all are shown), to start work on it early. */
  onBatch?: (batch: Highlight[]) => void;
}

/** The next frame has been painted (or, without frames, the next task). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const raf = (globalThis as { requestAnimationFrame?: (fn: () => void) => void }).requestAnimationFrame;
    if (raf) raf(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

/**
 * Reads the library in two stages, telling `show` each time: first the newest
 * highlights (`complete` already when there are no more), then all of them. With
 * `skipFirstScreen` (a reload while everything is on screen) only the second.
 */
export async function loadInStages(
  store: LibraryQueries,
  show: (highlights: Highlight[], complete: boolean) => void,
  {
    firstScreen = FIRST_SCREEN,
    batch = 250,
    pause = afterPaint,
    onBatch,
    skipFirstScreen = false,
    asked,
  }: StagedLoad & {
    skipFirstScreen?: boolean;
    /** The first screen, asked for already (the page asks before its views have loaded). */
    asked?: AskedFirstScreen;
  } = {},
): Promise<StoreResult<void>> {
  if (!skipFirstScreen) {
    // Fewer than were asked for: that is all there is.
    const size = asked?.size ?? firstScreen;
    const recent = await (asked?.read ?? store.recentHighlights(size));
    if (!recent.ok) return recent;
    if (recent.value.length < size) {
      show(recent.value, true);
      return { ok: true, value: undefined };
    }
    show(recent.value, false);
    await pause();
  }
  const all: Highlight[] = [];
  for (let after: string | undefined; ; ) {
    const next = await store.highlightBatch(batch, after);
    if (!next.ok) return next;
    all.push(...next.value);
    onBatch?.(next.value);
    if (next.value.length < batch) break;
    after = next.value[next.value.length - 1]!.id;
    await pause();
  }
  show(all, true);
  return { ok: true, value: undefined };
}

/**
 * `next` with every highlight that did not change since `previous` replaced by its
 * earlier object, so what was computed for it (its search entry) is kept. A change a
 * user makes moves `updated` forward; the orphaned and changed-since-saved marks, set as
 * pages are re-read, do not, so they are compared too.
 */
export function keepUnchanged(previous: readonly Highlight[], next: readonly Highlight[]): Highlight[] {
  if (previous.length === 0) return [...next];
  const before = new Map(previous.map((h) => [h.id, h] as const));
  return next.map((h) => {
    const old = before.get(h.id);
    return old && old.updated === h.updated && Boolean(old.orphaned) === Boolean(h.orphaned) && JSON.stringify(old.changed) === JSON.stringify(h.changed) ? old : h;
  });
}
