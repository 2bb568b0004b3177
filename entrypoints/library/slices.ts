/**
 * Work on ten thousand highlights done a slice at a time, so that no task of the page
 * runs longer than a frame: each job does a little while `timeLeft()` says so (at least
 * one step per call) and says when it is done; the page paints and takes input between
 * slices.
 */

/** A piece of work that can stop and go on: true once it is done. */
export type Job = (timeLeft: () => boolean) => boolean;

/** Work per slice: well under the 50 ms of a long task, and under a 60 Hz frame. */
export const SLICE_MS = 8;

/** The next task (after the browser has had a chance to paint and handle input). */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A job that calls `step` on each item in turn. */
export function eachItem<T>(items: readonly T[], step: (item: T) => void): Job {
  let i = 0;
  return (timeLeft) => {
    while (i < items.length) {
      step(items[i++]!);
      if (!timeLeft()) break;
    }
    return i >= items.length;
  };
}

/** Runs the jobs in order, a slice of `budgetMs` per task; resolves when all are done. */
export async function runInSlices(
  jobs: readonly Job[],
  { budgetMs = SLICE_MS, now = () => performance.now(), yieldTask = nextTask }: { budgetMs?: number; now?: () => number; yieldTask?: () => Promise<void> } = {},
): Promise<void> {
  let k = 0;
  while (k < jobs.length) {
    const start = now();
    const timeLeft = () => now() - start < budgetMs;
    while (k < jobs.length && jobs[k]!(timeLeft)) k++;
    if (k < jobs.length) await yieldTask();
  }
}
