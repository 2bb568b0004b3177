/**
 * Our own in-page UI (every element we add is named `qinglang-…`, e.g. the highlights'
 * `qinglang-lens-ui` host) and other extensions' WXT shadow-root hosts are not the page's text.
 */
export function isForeignUi(el: Element): boolean {
  // Asked of every element of the page: only custom elements (a '-' in the name) can be hosts.
  const name = el.localName;
  return name.includes('-') && (name.startsWith('qinglang-') || el.hasAttribute('data-wxt-shadow-root'));
}
