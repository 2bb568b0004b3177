import { takeSnapshot, type SnapshotOptions } from '../dom';

/**
 * The element that holds the article, so the saved snapshot is the story and not the
 * navigation, cookie banner and "most read" lists around it.
 */

// Most specific first: schema.org markup names the body exactly; <article> and <main> are conventions.
const CANDIDATES = ['[itemprop="articleBody"]', 'article', 'main', '[role="main"]'];

// Below this many characters a candidate is a teaser card, not the article.
const MIN_ARTICLE_CHARS = 200;

/**
 * The article's element. `measure` is how long an element's text is; by default its
 * text content without runs of blank, which on a very large page costs a pass over all
 * of it: a caller that has read the page already can measure from that reading.
 */
export function articleRoot(doc: Document, measure: (el: Element) => number = textLength): Element {
  for (const selector of CANDIDATES) {
    const best = longest(Array.from(doc.querySelectorAll(selector)), measure);
    if (best && measure(best) >= MIN_ARTICLE_CHARS) return best;
  }
  return doc.body ?? doc.documentElement;
}

function longest(elements: Element[], measure: (el: Element) => number): Element | undefined {
  let best: Element | undefined;
  let bestLength = -1;
  for (const el of elements) {
    const length = measure(el);
    if (length > bestLength) {
      best = el;
      bestLength = length;
    }
  }
  return best;
}

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

/**
 * The article's visible text, read by the same rules as the page's text (blocks become
 * line breaks), to keep with the first highlight of a page: what was there when the
 * user cited it.
 */
export function articleText(doc: Document, options: Omit<SnapshotOptions, 'shallow'> = {}): string {
  return takeSnapshot(articleRoot(doc), options).text.trim();
}
