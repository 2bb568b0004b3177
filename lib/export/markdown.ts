import type { Highlight, PageMeta } from '../types';
import { safeHttpUrl } from '../import/safe-url';
import { citationOf, pageLookup } from './citation';
import { blockQuote, escapeBlock, escapeInline } from './markdown-escape';
import { describeFact, distinctFacts } from './fact-text';

/** One Markdown note: a page's highlights, for a vault (Obsidian) or any Markdown tool. */
export interface MarkdownNote {
  /** A file name safe on every system, unique within the export, ending in .md. */
  fileName: string;
  text: string;
}

/** The citation under a page's heading: outlet, title, author, date and a link to the page. */
function citationLine(page: PageMeta): string {
  const c = citationOf(page);
  const href = safeHttpUrl(c.url);
  // Angle-bracket autolink: the URL shows as written and cannot break out of the link.
  // An address we cannot vouch for is written as escaped text, never as a link.
  const link = href ? `<${href}>` : escapeInline(c.url);
  const parts = [
    `*${escapeInline(c.outlet)}*`,
    c.title ? `“${escapeInline(c.title)}”` : undefined,
    c.author ? escapeInline(c.author) : undefined,
    c.date ? escapeInline(c.date) : undefined,
    link,
  ].filter(Boolean);
  return `Source: ${parts.join(' · ')}`;
}

/**
 * A tag as Obsidian takes it: letters (any script), digits, _ - and /, no spaces
 * ("to cite" → to-cite, "清朗 行动" → 清朗-行动); empty when nothing is left, or when only
 * digits are left (Obsidian does not read "#2023" as a tag).
 */
export function obsidianTag(tag: string): string {
  const t = tag
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_\-/]/gu, '')
    .replace(/^[-/]+|[-/]+$/g, '');
  return /^\d*$/.test(t) ? '' : t;
}

// YAML 1.2 reads every JSON string as a double-quoted scalar, so JSON.stringify quotes
// any title safely: colons, quotes, "---", line breaks and all.
const yamlString = (value: string) => JSON.stringify(value);

function frontMatter(page: PageMeta, tags: readonly string[]): string[] {
  const c = citationOf(page);
  const lines = ['---', `title: ${yamlString(c.title || c.url)}`, `outlet: ${yamlString(c.outlet)}`];
  if (c.author) lines.push(`author: ${yamlString(c.author)}`);
  if (c.date) lines.push(`published: ${yamlString(c.date)}`);
  lines.push(`url: ${yamlString(c.url)}`);
  lines.push('tags:', ...tags.map((t) => `  - ${yamlString(t)}`));
  lines.push('---');
  return lines;
}

/** Reading order on the page when known, else the order they were saved in. */
function positionOf(h: Highlight): number {
  const pos = h.selectors.find((s) => s.type === 'TextPositionSelector');
  return pos?.type === 'TextPositionSelector' ? pos.start : Number.POSITIVE_INFINITY;
}

function highlightBlock(h: Highlight): string {
  const lines: string[] = [blockQuote(h.quote)];
  if (h.orphaned) lines.push('', '*(This passage is no longer found on the page.)*');
  const tags = h.tags.map(obsidianTag).filter(Boolean);
  if (tags.length > 0) lines.push('', tags.map((t) => `#${t}`).join(' '));
  if (h.note.trim()) lines.push('', `**Note:** ${escapeBlock(h.note).join('\n')}`);
  const facts = distinctFacts(h.facts);
  if (facts.length > 0) {
    lines.push('', '**Facts:**', '');
    for (const f of facts) {
      // The sentence only when the quote does not already hold it.
      const sentence = h.quote.includes(f.text.trim()) ? '' : ` — ${escapeInline(f.text)}`;
      lines.push(`- **${escapeInline(describeFact(f))}**${sentence}`);
    }
  }
  return lines.join('\n');
}

/** The note for one page: YAML front matter (title, outlet, author, published, url, tags), a heading, a citation line, then each highlight. */
function noteOf(page: PageMeta, items: readonly Highlight[]): string {
  const tags = new Set<string>(['qinglang-lens']);
  for (const h of items) for (const t of [...h.entities, ...h.tags]) if (obsidianTag(t)) tags.add(obsidianTag(t));
  const out = [...frontMatter(page, [...tags]), '', `# ${escapeInline(page.title.trim() || page.url)}`, '', citationLine(page)];
  const sorted = [...items].sort((a, b) => positionOf(a) - positionOf(b) || a.created - b.created);
  for (const h of sorted) out.push('', highlightBlock(h));
  return `${out.join('\n')}\n`;
}

/** A file name from a title: no path or reserved characters, not too long, never empty. */
function baseName(page: PageMeta): string {
  const name = (page.title.trim() || citationOf(page).outlet)
    .normalize('NFKC')
    .replace(/[\\/:*?"<>|#^[\]\u0000-\u001f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return Array.from(name).slice(0, 80).join('').trim() || 'page';
}

/**
 * Highlights as Markdown notes, one per page, in the order pages were first saved from:
 * each opens with YAML front matter Obsidian reads as properties, then the page's
 * citation and each highlight as a block quote with its #tags, note and facts (each once,
 * with its qualifier). All page and user text is escaped, so it pastes into Obsidian or
 * Notion as the same text and never as a link or HTML.
 */
export function toMarkdownNotes(highlights: readonly Highlight[], pages?: readonly PageMeta[]): MarkdownNote[] {
  const pageOf = pageLookup(pages);
  const groups = new Map<string, { page: PageMeta; items: Highlight[] }>();
  for (const h of highlights) {
    let group = groups.get(h.url);
    if (!group) groups.set(h.url, (group = { page: pageOf(h.url, h.page), items: [] }));
    group.items.push(h);
  }
  const firstSaved = (items: Highlight[]) => items.reduce((min, h) => Math.min(min, h.created), Infinity);
  const ordered = [...groups.values()].sort((a, b) => firstSaved(a.items) - firstSaved(b.items));
  const used = new Set<string>();
  return ordered.map(({ page, items }) => {
    const base = baseName(page);
    let fileName = `${base}.md`;
    for (let n = 2; used.has(fileName.toLowerCase()); n++) fileName = `${base} (${n}).md`;
    used.add(fileName.toLowerCase());
    return { fileName, text: noteOf(page, items) };
  });
}
