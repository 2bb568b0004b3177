/**
 * Which elements break the text into blocks and which ones hold no readable text.
 * Decided from markup alone (tag names and attributes), so the page, happy-dom and
 * linkedom in Node agree, and an .html article gives the scan command the same text
 * the page gives the content script.
 */

// DOM nodeType values, named here because lib/ cannot lean on a global `Node`.
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
export const DOCUMENT_NODE = 9;
export const DOCUMENT_FRAGMENT_NODE = 11;

/**
 * Elements that start a new line of text: words on either side never run together.
 * Table cells are here too: "Weibo" in one cell and "CAC" in the next are two words.
 */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frameset', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav',
  'ol', 'optgroup', 'p', 'plaintext', 'pre', 'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'ul', 'xmp',
]);

/** Elements whose content is not text a reader sees in the flow of the page. */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title',
  // Form fields: what is typed there is the reader's, not the article's.
  'input', 'textarea', 'select', 'option', 'datalist',
  // Replaced or embedded content; their fallback text is not shown.
  'iframe', 'frame', 'object', 'embed', 'canvas', 'video', 'audio', 'img', 'picture', 'svg', 'math',
  // Ruby annotations sit above the base text: 微<rt>wēi</rt>博 reads as 微博.
  'rt', 'rp',
]);

/** What a tag is to the reading of text, by its name alone. */
export const TagKind = { inline: 0, block: 1, lineBreak: 2, nonText: 3 } as const;
export type TagKind = (typeof TagKind)[keyof typeof TagKind];

// One lookup per element: the walk classifies every element of the page.
const KIND_BY_TAG = new Map<string, TagKind>([
  ...[...BLOCK_TAGS].map((t) => [t, TagKind.block] as const),
  ...[...SKIPPED_TAGS].map((t) => [t, TagKind.nonText] as const),
  // `<wbr>` may break a line too.
  ['br', TagKind.lineBreak],
  ['wbr', TagKind.lineBreak],
]);

export function tagKind(localName: string): TagKind {
  return KIND_BY_TAG.get(localName) ?? TagKind.inline;
}

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.localName);
}

/** `<br>` (and `<wbr>`) ends a line without being a block. */
export function isLineBreak(el: Element): boolean {
  return tagKind(el.localName) === TagKind.lineBreak;
}

/** An editable region: what is typed there is the reader's, not the article's. */
export function isEditable(el: Element): boolean {
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** Script, style, form fields, embedded content and editable regions: never read. */
export function isNonTextElement(el: Element): boolean {
  return SKIPPED_TAGS.has(el.localName) || isEditable(el);
}

const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;

/**
 * Hidden as far as the markup says: the `hidden` attribute, or an inline style of
 * `display: none` / `visibility: hidden`. Stylesheets are out of its reach; the page
 * adds its own check where computed style exists (see SnapshotOptions.isHidden).
 */
export function isHiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && HIDING_STYLE.test(style);
}

/** The nearest block element at or above `node` (the unit its text belongs to), or null. */
export function ownerBlock(node: Node): Element | null {
  let el: Element | null = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el && !isBlockElement(el)) el = el.parentElement;
  return el;
}
