/**
 * Whether an element is rendered: not under `display: none` or `content-visibility:
 * hidden` (a closed <details>), and not `visibility: hidden`. Markup-level hiding is
 * already left out while reading; this catches what stylesheets hide.
 */
export function isRendered(el: Element): boolean {
  if (typeof el.checkVisibility === 'function') return el.checkVisibility({ visibilityProperty: true });
  // Browsers without checkVisibility (older than Chromium 105 / Firefox 106): display only.
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return !style || (style.display !== 'none' && style.visibility !== 'hidden');
}
