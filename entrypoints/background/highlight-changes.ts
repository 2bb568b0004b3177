import { normalizeUrl } from '@/lib/url';
import type { Sender, ToContent } from '@/lib/messages';
import type { TabPages } from './tab-mentions';

/**
 * Tells the open tabs showing a page that its saved highlights changed elsewhere, so
 * they repaint without a reload. The tabs are those whose content script reported its
 * page (the badge's bookkeeping), so no `tabs` permission is needed; a tab that does
 * not answer (closed, navigated, no content script) is simply skipped.
 */
export function createChangeNotifier(tabs: TabPages, toTab: (tabId: number, frameId: number) => Sender<ToContent>) {
  return (urls: readonly string[] | 'all', exceptTab?: number): Promise<void> => {
    const wanted = urls === 'all' ? undefined : new Set(urls);
    const sends: Array<Promise<unknown>> = [];
    // Each frame that reported (a same-origin frame keeps its highlights under its own address).
    for (const [tabId, reported, frameId] of tabs.entries()) {
      // The tab that made the change has already painted it.
      if (tabId === exceptTab) continue;
      const url = normalizeUrl(reported);
      if (wanted && !wanted.has(url)) continue;
      sends.push(
        toTab(tabId, frameId)
          .send({ type: 'highlights/changed', url })
          .then((answer) => {
            if (!answer.ok && answer.error.kind !== 'unreachable') {
              console.warn(`Qinglang Lens: could not tell a tab its highlights changed: ${answer.error.message}`);
            }
          }),
      );
    }
    return Promise.all(sends).then(() => undefined);
  };
}
