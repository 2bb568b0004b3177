/**
 * The few JSON-LD facts a citation needs, read from a page's
 * `<script type="application/ld+json">` blocks (schema.org NewsArticle and kin).
 */
export interface JsonLdArticle {
  headline?: string;
  publisher?: string;
  authors: string[];
  datePublished?: string;
}

type JsonObject = Record<string, unknown>;

// Types whose publisher/author/date describe the article itself, not the site or a comment.
const ARTICLE_TYPE = /(Article|BlogPosting|Report|NewsArticle|WebPage)$/;

/** Parses every JSON-LD block of the document and returns what the best article node says. */
export function readJsonLd(doc: Document): JsonLdArticle {
  const nodes: JsonObject[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const parsed = parseJson(script.textContent ?? '');
    if (parsed !== undefined) collectNodes(parsed, nodes);
  }
  // An article node beats a WebPage node: pages often carry both, and only the article has the byline.
  const ranked = nodes
    .map((node) => ({ node, rank: rankNode(node) }))
    .filter((n) => n.rank > 0)
    .sort((a, b) => b.rank - a.rank);
  const article = ranked[0]?.node;
  if (!article) return { authors: [] };
  return {
    headline: text(article.headline) ?? text(article.name),
    publisher: nameOf(article.publisher) ?? nameOf(findPublisher(nodes)),
    authors: namesOf(article.author),
    datePublished: text(article.datePublished) ?? text(article.dateCreated),
  };
}

/**
 * Malformed JSON-LD is common in the wild (trailing commas, raw newlines in strings).
 * It is the page's metadata, not ours: an unreadable block simply tells us nothing.
 */
function parseJson(source: string): unknown {
  try {
    return JSON.parse(source);
  } catch {
    return undefined;
  }
}

function collectNodes(value: unknown, into: JsonObject[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, into);
    return;
  }
  if (!isObject(value)) return;
  into.push(value);
  if (Array.isArray(value['@graph'])) collectNodes(value['@graph'], into);
}

function rankNode(node: JsonObject): number {
  const types = ([] as unknown[]).concat(node['@type'] ?? []).filter((t): t is string => typeof t === 'string');
  if (types.some((t) => /Article$|BlogPosting$|Report$/.test(t))) return 3;
  if (types.some((t) => ARTICLE_TYPE.test(t)) && ('datePublished' in node || 'author' in node)) return 2;
  if (types.length === 0 && 'headline' in node) return 1;
  return 0;
}

function findPublisher(nodes: JsonObject[]): unknown {
  return nodes.find((node) => {
    const types = ([] as unknown[]).concat(node['@type'] ?? []);
    return types.includes('NewsMediaOrganization') || types.includes('Organization');
  });
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed;
}

function nameOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return nameOf(value[0]);
  if (typeof value === 'string') return text(value);
  if (isObject(value)) return text(value.name);
  return undefined;
}

function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map(nameOf).filter((name): name is string => name !== undefined);
}
