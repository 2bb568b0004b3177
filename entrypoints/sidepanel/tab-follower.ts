/**
 * Which tab the side panel shows, and when to show it again. Kept apart from the
 * browser's events so it can be tested with plain calls.
 */
export interface TabFollowerOptions {
  /** The tab to start with (the active one, or `?tab=` when the panel page is opened as a tab). */
  first: number | undefined;
  /** The panel's own tab when it is opened as a tab (tests): never the page to show. */
  ownTab?: number;
  /** The panel's window: tabs activated in other windows belong to their own panels. */
  windowId?: number;
}

export interface TabFollower {
  current(): number | undefined;
  /** Calls `refresh` whenever what the panel shows may have changed; returns the way to stop. */
  subscribe(refresh: () => void): () => void;
  activated(info: { tabId: number; windowId: number }): void;
  updated(tabId: number, info: { status?: string }): void;
  removed(tabId: number): void;
  /** Highlights changed somewhere. */
  changed(): void;
  /** A tab's content script reported new mentions: shown again if it is the panel's tab. */
  reported(tabId: number): void;
}

export function createTabFollower({ first, ownTab, windowId }: TabFollowerOptions): TabFollower {
  let current = first;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const refresh of listeners) refresh();
  };
  return {
    current: () => current,
    subscribe(refresh) {
      listeners.add(refresh);
      return () => listeners.delete(refresh);
    },
    activated({ tabId, windowId: win }) {
      if (tabId === ownTab || (windowId !== undefined && win !== windowId) || tabId === current) return;
      current = tabId;
      notify();
    },
    updated(tabId, info) {
      // A page finished loading in the shown tab (a link followed, a reload).
      if (tabId === current && info.status === 'complete') notify();
    },
    removed(tabId) {
      if (tabId !== current) return;
      current = undefined;
      notify();
    },
    changed: notify,
    reported(tabId) {
      if (tabId === current) notify();
    },
  };
}
