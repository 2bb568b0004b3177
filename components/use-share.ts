import { useEffect, useState } from 'preact/hooks';
import type { ShareState, ShareStatus } from '../lib/sharing';
import type { ShareProps } from './ShareControl';

/** The background's sharing, as a page reaches it (each call rejects with the user's sentence). */
export interface ShareApi {
  status(ids?: string[]): Promise<ShareStatus>;
  share(id: string): Promise<ShareState | null>;
  retry(id: string): Promise<ShareState | null>;
}

/**
 * Share buttons' state for a list: asks where `ids` stand (all shared ones when
 * undefined) whenever `key` changes, and keeps each highlight's state after Share or
 * Retry. Undefined while sharing is not connected: then no list shows a Share button.
 */
export function useShare(api: ShareApi | undefined, ids: string[] | undefined, key: string, onError: (message: string) => void): ShareProps | undefined {
  const [status, setStatus] = useState<ShareStatus | undefined>();
  useEffect(() => {
    if (!api) return;
    let live = true;
    api.status(ids).then(
      (s) => live && setStatus(s),
      () => live && setStatus(undefined),
    );
    return () => {
      live = false;
    };
    // `ids` is summed up by `key`: a new array with the same ids asks nothing again.
  }, [api, key]);

  if (!api || !status?.group) return undefined;
  const act = async (run: () => Promise<ShareState | null>, id: string) => {
    try {
      const state = await run();
      setStatus((s) => {
        if (!s) return s;
        const states = { ...s.states };
        if (state) states[id] = state;
        else delete states[id];
        return { ...s, states };
      });
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };
  return {
    group: status.group,
    states: status.states,
    onShare: (id) => void act(() => api.share(id), id),
    onRetry: (id) => void act(() => api.retry(id), id),
  };
}
