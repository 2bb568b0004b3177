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
  /**
   * Resolves in a task just after the page's next rendering update, when its style is
   * computed: the first visibility check on a page not yet styled (a long page right after
   * load, a class that restyled everything) would otherwise compute the whole page's style
   * inside our own task — hundreds of ms on 3 M characters, the page's work in our slice.
   * In a hidden document, which does not render, only once it is shown.
   */
  afterRendering(): Promise<void>;
}

interface PostTaskScheduler {
  yield(): Promise<void>;
}

// A frame that does not come this soon (rendering throttled: a frame scrolled far out of
// view, a display:none frame) is not waited for any longer.
const FRAME_WAIT_MS = 1_000;

/** The next task, ahead of timers (setTimeout(0) is clamped to 4 ms once nested). */
function nextTask(): Promise<void> {
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export function createSlicer(ctx: ContentScriptContext, budgetMs = 8, doc: Document = document): Slicer {
  const scheduler = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler;
  const shown = (): Promise<void> =>
    doc.visibilityState !== 'hidden'
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const onChange = () => {
            if (doc.visibilityState === 'hidden') return;
            doc.removeEventListener('visibilitychange', onChange);
            resolve();
          };
          doc.addEventListener('visibilitychange', onChange);
        });
  return {
    budgetMs,
    now: () => performance.now(),
    // scheduler.yield() resumes ahead of other queued tasks; a MessageChannel message is the next best.
    yield: typeof scheduler?.yield === 'function' ? () => scheduler.yield!() : nextTask,
    stopped: () => ctx.isInvalid,
    async afterRendering() {
      await shown();
      // A requestAnimationFrame callback runs just before the frame's style and layout;
      // a task queued from it runs once that frame is done.
      await new Promise<void>((resolve) => {
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          resolve();
        };
        ctx.requestAnimationFrame(finish);
        ctx.setTimeout(finish, FRAME_WAIT_MS);
      });
      await nextTask();
    },
  };
}
