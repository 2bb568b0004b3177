import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defaultSettings, loadSettings, watchSettings, type LensSettings } from '@/lib/settings';

/**
 * The user's settings as they are now, then again after every change (from the options
 * page, in any tab). If they cannot be read, the defaults are used and the reason logged.
 * Listening stops with `ctx`.
 */
export async function followSettings(ctx: ContentScriptContext, onSettings: (settings: LensSettings) => void): Promise<void> {
  const area = browser.storage.local;
  const unreadable = (message: string) => console.warn(`Qinglang Lens: ${message}`);
  const first = await loadSettings(area);
  if (ctx.isInvalid) return;
  if (first.ok) onSettings(first.value.settings);
  else {
    unreadable(first.message);
    onSettings(defaultSettings());
  }
  const stop = watchSettings(browser.storage.onChanged, area, (result) => {
    if (ctx.isInvalid) return;
    if (result.ok) onSettings(result.value.settings);
    else unreadable(result.message);
  });
  ctx.onInvalidated(stop);
}
