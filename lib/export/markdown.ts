import type { Fact, Highlight, PageMeta } from '../types';
import { safeHttpUrl } from '../import/safe-url';
import { citationOf, pageLookup } from './citation';
import { blockQuote, escapeBlock, escapeInline } from './markdown-escape';
import { describeFigure, describePeriod } from './fact-text';

/** The citation under a page's heading: outlet, title, author, date and a link to the page. */
function citationLine(page: PageMeta): string {
  const c = citationOf(page);
  const href = safeHttpUrl(c.url);
  // Angle-bracket autolink: the URL shows as written and cannot break out of the link.
  // An address we cannot vouch for is written as escaped text, never as a link.
  // The parser's serialisation percent-encodes spaces and angle brackets, which an autolink cannot hold.
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

function factLine(fact: Fact): string {
  const period = describePeriod(fact);
  const head = [describeFigure(fact), period && `(${period})`].filter(Boolean).join(' ');
  return `- **${escapeInline(head)}** — ${escapeInline(fact.text)}`;
}

/** Reading order on the page when known, else the order they were saved in. */
function positionOf(h: Highlight): number {
  const pos = h.selectors.find((s) => s.type === 'TextPositionSelector');
  return pos?.type === 'TextPositionSelector' ? pos.start : Number.POSITIVE_INFINITY;
}

function highlightBlock(h: Highlight): string {
  const lines: string[] = [blockQuote(h.quote)];
  if (h.orphaned) lines.push('', '*(This passage is no longer found on the page.)*');
  if (h.note.trim()) lines.push('', `**Note:** ${escapeBlock(h.note).join('\n')}`);
  if (h.tags.length > 0) lines.push('', `**Tags:** ${h.tags.map(escapeInline).join(', ')}`);
  if (h.facts.length > 0) lines.push('', '**Facts:**', '', ...h.facts.map(factLine));
  return lines.join('\n');
}

export interface MarkdownOptions {
  /** The document's top heading. */
  title?: string;
}

/**
 * Highlights as Markdown grouped by page: a heading per page with a citation line
 * (outlet, title, author, date, URL), then each highlight as a block quote with its
 * note, tags and facts. All page and user text is escaped, so it pastes into
 * Obsidian or Notion as the same text and never as a link or HTML.
 */
export function toMarkdown(
  highlights: readonly Highlight[],
  pages?: readonly PageMeta[],
  { title = 'Qinglang Lens highlights' }: MarkdownOptions = {},
): string {
  const pageOf = pageLookup(pages);
  const groups = new Map<string, { page: PageMeta; items: Highlight[] }>();
  for (const h of highlights) {
    let group = groups.get(h.url);
    if (!group) groups.set(h.url, (group = { page: pageOf(h.url, h.page), items: [] }));
    group.items.push(h);
  }
  // Pages in the order the user first saved from them.
  const firstSaved = (items: Highlight[]) => items.reduce((min, h) => Math.min(min, h.created), Infinity);
  const ordered = [...groups.values()].sort((a, b) => firstSaved(a.items) - firstSaved(b.items));
  const out: string[] = [`# ${escapeInline(title)}`];
  for (const { page, items } of ordered) {
    const heading = page.title.trim() || page.url;
    out.push('', `## ${escapeInline(heading)}`, '', citationLine(page));
    const sorted = [...items].sort((a, b) => positionOf(a) - positionOf(b) || a.created - b.created);
    for (const h of sorted) out.push('', highlightBlock(h));
  }
  return `${out.join('\n')}\n`;
}
