/**
 * "Highlights changed" for the extension's own pages. The background tells tabs through
 * their content scripts; the side panel has none, so the background also posts on a
 * BroadcastChannel, which reaches every page of the extension's origin (a side panel, a
 * library tab) without the `tabs` permission or a connection to keep open.
 */
export const CHANGES_CHANNEL = 'qinglang-lens:highlights-changed';

export interface HighlightsChanged {
  /** Normalised page URLs whose highlights changed, or 'all' (an import, a delete-all). */
  urls: readonly string[] | 'all';
}

/** A tab's content script reported new mentions (its page was read, or changed). */
export interface TabMentionsChanged {
  tab: number;
}

export type PageChange = HighlightsChanged | TabMentionsChanged;

/** The tab whose mentions changed, for that kind of message; undefined for any other. */
export function changedTab(message: unknown): number | undefined {
  const tab = (message as Partial<TabMentionsChanged> | null)?.tab;
  return typeof tab === 'number' ? tab : undefined;
}

/** Posts that a tab's mentions changed; as for highlights, a missing channel fails nothing. */
export function announceTabMentions(channel: Pick<BroadcastChannel, 'postMessage'> | undefined, tab: number): void {
  try {
    channel?.postMessage({ tab } satisfies TabMentionsChanged);
  } catch (error) {
    console.warn('Qinglang Lens: could not tell the extension pages about a page’s mentions:', error);
  }
}

/** Posts a change; a channel that is closed or missing is no reason to fail a save. */
export function announceChange(channel: Pick<BroadcastChannel, 'postMessage'> | undefined, urls: HighlightsChanged['urls']): void {
  try {
    channel?.postMessage({ urls } satisfies HighlightsChanged);
  } catch (error) {
    console.warn('Qinglang Lens: could not tell the extension pages about a change:', error);
  }
}
