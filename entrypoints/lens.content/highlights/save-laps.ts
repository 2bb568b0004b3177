/** What a save measures of itself: the stretches it holds the page's main thread between two pauses. */
export interface Laps {
  /** Gives the page its turn (a macrotask later), ending the current stretch. */
  pause(): Promise<void>;
  /** Waits for `promise` (an answer from the background): the stretch ends before, a new one starts after. */
  around<T>(promise: Promise<T>): Promise<T>;
  /** Ends the save: leaves a `qinglang-lens:save` User Timing entry with its longest stretch. */
  done(): void;
}

export const SAVE_MEASURE = 'qinglang-lens:save';

/**
 * The laps of one save. The page's longest task is what the reader feels; the longest
 * stretch of our own code within a save is the part of it that is ours, and the save
 * benchmark reads it from the `qinglang-lens:save` entry (as the page benchmark reads
 * the scan's slices), since on a busy machine the page's tasks also hold others' work.
 */
export function createLaps(now: () => number = () => performance.now()): Laps {
  const started = now();
  let lapStart = started;
  let longest = 0;
  let stretches = 0;
  const end = () => {
    longest = Math.max(longest, now() - lapStart);
    stretches++;
  };
  return {
    pause() {
      end();
      return new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
        lapStart = now();
      });
    },
    around(promise) {
      end();
      return promise.finally(() => {
        lapStart = now();
      });
    },
    done() {
      end();
      try {
        performance.measure(SAVE_MEASURE, { start: started, detail: { longestStretchMs: longest, stretches } });
      } catch {
        // User Timing is a measurement aid; a page that replaced `performance` loses only it.
      }
    },
  };
}
