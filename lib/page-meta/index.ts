/**
 * What a researcher needs to cite a page and find it again after it is gone, read from
 * the page's own metadata: Open Graph and article:* tags, JSON-LD, and the byline and
 * <time> elements of the article as a last resort. Nothing is guessed from the prose.
 */
import type { PageMeta } from '../types';
import { readJsonLd } from './json-ld';
import { toIsoDate } from './dates';
import { normalizeUrl } from '../url';

export { articleRoot, articleText } from './article-root';
export { toIsoDate } from './dates';

/**
 * Reads the citation metadata of `doc`. `pageUrl` is where the page was loaded from
 * (`location.href`); its normalised form is the store's key for the page.
 */
export function readPageMeta(doc: Document, pageUrl: string): PageMeta {
  const ld = readJsonLd(doc);
  const metas = metaTags(doc);
  const meta: PageMeta = {
    url: normalizeUrl(pageUrl),
    title: firstOf(metaContent(metas, 'og:title'), ld.headline, clean(doc.title), clean(doc.querySelector('h1')?.textContent)) ?? '',
  };
  const site = firstOf(metaContent(metas, 'og:site_name'), ld.publisher, metaContent(metas, 'application-name'));
  if (site) meta.site = site;
  const author = readAuthor(doc, metas, ld.authors);
  if (author) meta.author = author;
  const published = readPublished(doc, metas, ld.datePublished);
  if (published) meta.published = published;
  const canonical = readCanonical(doc, metas, pageUrl);
  if (canonical) meta.canonical = canonical;
  return meta;
}

function readAuthor(doc: Document, metas: MetaTags, ldAuthors: string[]): string | undefined {
  const fromMeta = [
    ...metaContents(metas, 'author'),
    ...metaContents(metas, 'article:author'),
    ...metaContents(metas, 'parsely-author'),
    ...metaContents(metas, 'sailthru.author'),
    ...metaContents(metas, 'byl'),
  ]
    // article:author is often the author's profile URL, which names nobody.
    .filter((value) => !/^https?:\/\//i.test(value));
  const candidates = [fromMeta, ldAuthors, bylineFromMarkup(doc)];
  const names = candidates.find((list) => list.length > 0);
  if (!names) return undefined;
  return unique(names.map(stripBy).filter((name) => name !== '')).join(', ') || undefined;
}

function bylineFromMarkup(doc: Document): string[] {
  const nodes = doc.querySelectorAll('[itemprop="author"], [rel="author"], .byline, .author-name, [class~="author"]');
  const names: string[] = [];
  for (const node of Array.from(nodes)) {
    // itemprop=author is often a Person wrapper whose name sits in a child.
    const named = node.querySelector('[itemprop="name"]');
    const value = clean(named?.getAttribute('content') ?? named?.textContent ?? node.getAttribute('content') ?? node.textContent);
    // A byline is short; a long "author" block is a bio or a list of links.
    if (value && value.length <= 80) names.push(value);
    if (names.length > 0) break;
  }
  return names;
}

/** "By Jane Doe" → "Jane Doe"; also the Chinese bylines 記者/记者/作者. */
function stripBy(value: string): string {
  return value
    .replace(/^\s*(by|von|par)\s+/i, '')
    .replace(/^\s*(作者|記者|记者|文)\s*[:：|｜]?\s*/, '')
    .trim();
}

function readPublished(doc: Document, metas: MetaTags, ldDate: string | undefined): string | undefined {
  const candidates = [
    metaContent(metas, 'article:published_time'),
    ldDate,
    attr(doc, '[itemprop="datePublished"]', 'content') ?? attr(doc, '[itemprop="datePublished"]', 'datetime'),
    metaContent(metas, 'parsely-pub-date'),
    metaContent(metas, 'pubdate'),
    metaContent(metas, 'publishdate'),
    metaContent(metas, 'dc.date.issued'),
    metaContent(metas, 'dc.date'),
    metaContent(metas, 'date'),
    // The article's own <time> before any other (a sidebar's "updated 5 min ago").
    attr(doc, 'article time[datetime]', 'datetime'),
    attr(doc, 'time[pubdate][datetime]', 'datetime'),
    attr(doc, 'time[datetime]', 'datetime'),
  ];
  for (const candidate of candidates) {
    const iso = candidate ? toIsoDate(candidate) : undefined;
    if (iso) return iso;
  }
  return undefined;
}

function readCanonical(doc: Document, metas: MetaTags, pageUrl: string): string | undefined {
  const href = doc.querySelector('link[rel~="canonical"][href]')?.getAttribute('href') ?? metaContent(metas, 'og:url');
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), pageUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    // An unparsable canonical link is no canonical link; the page URL still identifies the page.
    return undefined;
  }
}

/** The page's `<meta>` values by their lower-cased property, name or itemprop, in page order. */
type MetaTags = ReadonlyMap<string, readonly string[]>;

/**
 * Every `<meta content>` of the page, read once: a query for each key would walk the
 * whole document each time (on a page of 20,000 paragraphs, 15 walks took 80 ms of a save).
 * Keys are matched case-insensitively (pages write both "og:title" and "OG:Title").
 */
function metaTags(doc: Document): MetaTags {
  const tags = new Map<string, string[]>();
  for (const el of Array.from(doc.querySelectorAll('meta[content]'))) {
    const name = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
    const value = clean(el.getAttribute('content'));
    if (name === '' || !value) continue;
    const values = tags.get(name);
    if (values) values.push(value);
    else tags.set(name, [value]);
  }
  return tags;
}

function metaContents(metas: MetaTags, key: string): readonly string[] {
  return metas.get(key.toLowerCase()) ?? [];
}

function metaContent(metas: MetaTags, key: string): string | undefined {
  return metaContents(metas, key)[0];
}

function attr(doc: Document, selector: string, name: string): string | undefined {
  return clean(doc.querySelector(selector)?.getAttribute(name));
}

function clean(value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed;
}

function firstOf(...values: Array<string | undefined>): string | undefined {
  return values.find((v) => v !== undefined && v !== '');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
