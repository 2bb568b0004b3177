import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Calls `onChange` when the page's address changes without a load (pushState, hash).
 * WXT's `wxt:locationchange` is dispatched as an event on the page's window, under a name
 * holding the extension's id, which a page could listen for; this looks from our own
 * world only: popstate and hashchange, and the address once a second (a page's own
 * pushState fires nothing a content script can hear).
 */
export function onAddressChange(ctx: ContentScriptContext, onChange: () => void): void {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    onChange();
  };
  ctx.addEventListener(window, 'popstate', check);
  ctx.addEventListener(window, 'hashchange', check);
  ctx.setInterval(check, 1_000);
}
