import { inspection } from '../page/inspection';
import type { ScanRun } from './page-scanner';

/**
 * The figures of the first full scan of the page, and of any later run that read at
 * least BIG_RUN_CHARS (a whole new view), kept in our own world for the page benchmark
 * (page/inspection.ts). Not User Timing: the page's scripts read the performance
 * timeline, and our entries there would tell them we are here.
 */
const BIG_RUN_CHARS = 1_000_000;
// Enough for a benchmark; a live page never grows the list past it.
const KEPT = 20;

/** Returns the function to call when a run settles, with the page's mention total then. */
export function createScanMeasures(records = inspection.scans): (run: ScanRun, mentions: number) => void {
  let first = true;
  return (run, mentions) => {
    if (!first && run.characters < BIG_RUN_CHARS) return;
    records.push({
      kind: first ? 'first-scan' : 'scan',
      startedAt: run.startedAt,
      durationMs: run.endedAt - run.startedAt,
      detail: {
        mentions,
        slices: run.slices,
        longestSliceMs: run.longestSliceMs,
        characters: run.characters,
        yieldedMs: run.yieldedMs,
        renderWaitMs: run.renderWaitMs,
        readMs: run.readMs,
        detectMs: run.detectMs,
        markMs: run.markMs,
      },
    });
    if (records.length > KEPT) records.shift();
    first = false;
  };
}
