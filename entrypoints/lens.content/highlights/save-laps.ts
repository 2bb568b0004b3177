import { inspection } from '../page/inspection';

/** What a save measures of itself: the stretches it holds the page's main thread between two pauses. */
export interface Laps {
  /** Gives the page its turn (a macrotask later), ending the current stretch. */
  pause(): Promise<void>;
  /** Waits for `promise` (an answer from the background): the stretch ends before, a new one starts after. */
  around<T>(promise: Promise<T>): Promise<T>;
  /** Names the step that ends here (the bench says which steps made up the longest stretch). */
  step(name: string): void;
  /** Ends the save: records its longest stretch in our inspection (never in the page's timeline). */
  done(): void;
}

/**
 * The laps of one save. The page's longest task is what the reader feels; the longest
 * stretch of our own code within a save is the part of it that is ours, and the save
 * benchmark reads it from `inspection.saves` in our own world (as the page benchmark
 * reads the scans): a User Timing entry would be in the page's timeline, where its
 * scripts could hear that a passage was saved, since on a busy machine the page's tasks also hold others' work.
 */
export function createLaps(now: () => number = () => performance.now()): Laps {
  const started = now();
  let lapStart = started;
  let longest = 0;
  let stretches = 0;
  /** The steps of the stretch under way, and of the longest one so far: "name ms". */
  let steps: string[] = [];
  let stepStart = started;
  let longestSteps: string[] = [];
  const end = () => {
    const t = now();
    if (t - lapStart > longest) {
      longest = t - lapStart;
      longestSteps = [...steps, `rest ${(t - stepStart).toFixed(1)}`];
    }
    steps = [];
    stretches++;
  };
  const begin = () => {
    lapStart = now();
    stepStart = lapStart;
  };
  return {
    pause() {
      end();
      return new Promise((resolve) => setTimeout(resolve, 0)).then(begin);
    },
    around(promise) {
      end();
      return promise.finally(begin);
    },
    step(name) {
      const t = now();
      steps.push(`${name} ${(t - stepStart).toFixed(1)}`);
      stepStart = t;
    },
    done() {
      end();
      inspection.saves.push({ startedAt: started, longestStretchMs: longest, stretches, longestSteps });
      // A bench reads the last few; a long reading session must not grow this without end.
      if (inspection.saves.length > 100) inspection.saves.shift();
    },
  };
}
