import type { ScanRun } from './page-scanner';

/**
 * The User Timing entries we leave, read by the page benchmark (a page sees nothing
 * else of us): the first full scan of the page, and any later run that read at least
 * BIG_RUN_CHARS (a whole new view), each with its figures in `detail`. Small runs leave
 * none, so a live page's timeline does not fill up with ours.
 */
export const FIRST_SCAN_MEASURE = 'qinglang-lens:first-scan';
export const BIG_SCAN_MEASURE = 'qinglang-lens:scan';
const BIG_RUN_CHARS = 1_000_000;

/** Returns the function to call when a run settles, with the page's mention total then. */
export function createScanMeasures(performance: Performance): (run: ScanRun, mentions: number) => void {
  let first = true;
  return (run, mentions) => {
    if (!first && run.characters < BIG_RUN_CHARS) return;
    performance.measure(first ? FIRST_SCAN_MEASURE : BIG_SCAN_MEASURE, {
      start: run.startedAt,
      end: run.endedAt,
      detail: {
        mentions,
        slices: run.slices,
        longestSliceMs: run.longestSliceMs,
        characters: run.characters,
        yieldedMs: run.yieldedMs,
        readMs: run.readMs,
        detectMs: run.detectMs,
        markMs: run.markMs,
      },
    });
    first = false;
  };
}
