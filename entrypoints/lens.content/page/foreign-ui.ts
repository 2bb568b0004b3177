import { pageNames } from './page-names';

/**
 * Our own in-page UI (hosts under this page load's random tags, page-names.ts) and other
 * extensions' WXT shadow-root hosts are not the page's text.
 */
export function isForeignUi(el: Element): boolean {
  // Asked of every element of the page: only custom elements (a '-' in the name) can be hosts.
  const name = el.localName;
  return name.includes('-') && (pageNames.isOurTag(name) || el.hasAttribute('data-wxt-shadow-root'));
}
