import { pageNames, type PageNames } from './page-names';

/** One settled scan's figures (the page bench reads them). */
export interface ScanRecord {
  kind: 'first-scan' | 'scan';
  startedAt: number;
  durationMs: number;
  detail: Record<string, number>;
}

/**
 * What the browser tests and the page bench read of us. It lives on the content
 * script's own global, in its isolated world, which the page's scripts cannot see (the
 * tests reach it over CDP): nothing of it is in the page's timeline, DOM or registry.
 */
export interface Inspection {
  names: PageNames;
  /** The first full scan and every later one that read a whole new view. */
  scans: ScanRecord[];
  /** Every save's longest stretch of our own code between two pauses (the save bench reads it). */
  saves: Array<{ startedAt: number; longestStretchMs: number; stretches: number; longestSteps: string[] }>;
  /** The saved highlights drawn now: colour and range, in no order. */
  saved: () => Array<[string, Range]>;
  /**
   * How often the saved-highlight overlay was placed, and its longest placing (ms): whole,
   * and our own part of it (without bringing the page's pending layout up to date).
   */
  overlay: { layouts: number; longestMs: number; longestOwnMs: number };
  /** Teammates' highlights drawn now: author and text. */
  team: () => Array<[author: string, text: string]>;
  /** The teammate's name shown above the passage under the pointer, if any. */
  teamLabel: () => string | undefined;
}

export const inspection: Inspection = { names: pageNames, scans: [], saves: [], saved: () => [], overlay: { layouts: 0, longestMs: 0, longestOwnMs: 0 }, team: () => [], teamLabel: () => undefined };
(globalThis as { __lensInspection?: Inspection }).__lensInspection = inspection;
