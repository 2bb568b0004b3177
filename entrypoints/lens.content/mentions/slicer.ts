import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Cuts long work into slices so that no task of ours blocks the page for long. */
export interface Slicer {
  /** Work this long, then yield to the page (well under the 50 ms of a "long task"). */
  readonly budgetMs: number;
  now(): number;
  /** Lets the page run (input, rendering) before we continue. */
  yield(): Promise<void>;
  /** True once the content script is invalidated (extension reloaded or updated). */
  stopped(): boolean;
}

interface PostTaskScheduler {
  yield(): Promise<void>;
}

export function createSlicer(ctx: ContentScriptContext, budgetMs = 8): Slicer {
  const scheduler = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler;
  return {
    budgetMs,
    now: () => performance.now(),
    // scheduler.yield() resumes ahead of other queued tasks; a MessageChannel message is
    // the next best (setTimeout(0) is clamped to 4 ms once nested).
    yield:
      typeof scheduler?.yield === 'function'
        ? () => scheduler.yield!()
        : () =>
            new Promise<void>((resolve) => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                channel.port1.close();
                resolve();
              };
              channel.port2.postMessage(null);
            }),
    stopped: () => ctx.isInvalid,
  };
}
