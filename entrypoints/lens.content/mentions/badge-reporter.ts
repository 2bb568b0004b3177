import type { ContentToBackground, MentionCount, Sender } from '@/lib/messages';

export interface BadgeReporterOptions {
  /** The content script's sender to the background. */
  messenger: Sender<ContentToBackground>;
  count: () => MentionCount;
  url: () => string;
  /** The top document's load time (see FrameMentions.pageLoad). */
  pageLoad?: () => number | undefined;
  setTimer: (fn: () => void, ms: number) => void;
  now: () => number;
  onError: (error: unknown) => void;
}

export interface BadgeReporter {
  /** The count may have changed: tell the background if it did (at most every THROTTLE_MS). */
  changed(): void;
  /** Tell the background the count now, changed or not (page restored, address changed). */
  resend(): void;
  /** This frame is leaving (a frame of the page navigated away or removed): its mentions no longer count. */
  gone(): void;
}

// Often enough to follow a live page within a second, rarely enough not to flood the worker.
const THROTTLE_MS = 250;

/**
 * Tells the background how many mentions the page has, so it can set the toolbar
 * badge. Sends only when the count differs from the last one sent, and never more
 * often than every THROTTLE_MS: the last change in a burst is always sent.
 */
export function createBadgeReporter(options: BadgeReporterOptions): BadgeReporter {
  let lastSent: string | null = null;
  let lastSentAt = -Infinity;
  let timerSet = false;

  function send(force: boolean, count = options.count()): void {
    const url = options.url();
    const key = JSON.stringify([count.total, count.byEntity, url]);
    if (!force && key === lastSent) return;
    lastSent = key;
    lastSentAt = options.now();
    options.messenger
      .send({ type: 'mentions/changed', url, total: count.total, byEntity: count.byEntity, pageLoad: options.pageLoad?.() })
      .then((answer) => {
        if (answer.ok) return;
        // Not delivered: send it again next time, even if nothing changed by then.
        lastSent = null;
        options.onError(answer.error.message);
      });
  }

  return {
    changed() {
      if (timerSet) return;
      const wait = lastSentAt + THROTTLE_MS - options.now();
      if (wait <= 0) return send(false);
      timerSet = true;
      options.setTimer(() => {
        timerSet = false;
        send(false);
      }, wait);
    },
    resend: () => send(true),
    gone: () => send(true, { total: 0, byEntity: {} }),
  };
}
