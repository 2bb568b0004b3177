import type { PageMeta } from '../types';
import { siteOf } from '../search/site';

/** Everything needed to cite a source; missing parts are left out, never invented. */
export interface Citation {
  /** Site name, or host name when the page names none. */
  outlet: string;
  title: string;
  author?: string;
  /** Publication date as the page gives it (ISO date, or the date part of a date-time). */
  date?: string;
  url: string;
}

export function citationOf(page: PageMeta): Citation {
  const date = page.published?.match(/^\d{4}-\d{2}-\d{2}/)?.[0] ?? (page.published?.trim() || undefined);
  const author = page.author?.trim() || undefined;
  return {
    outlet: siteOf(page),
    title: page.title.trim(),
    ...(author ? { author } : {}),
    ...(date ? { date } : {}),
    // The address the user read, not the page's own canonical claim, which may point elsewhere.
    url: page.url,
  };
}

/** One plain-text line: Author, “Title”, Outlet, 2023-05-26, https://… */
export function formatCitation(page: PageMeta): string {
  const c = citationOf(page);
  return [c.author, c.title ? `“${c.title}”` : undefined, c.outlet, c.date, c.url]
    .filter((part): part is string => Boolean(part))
    .join(', ');
}

/** Page metadata by URL, the freshest the caller has (`pages`) before the copy saved with a highlight. */
export function pageLookup<P extends PageMeta>(pages: readonly P[] | undefined): (url: string, fallback: PageMeta) => P | PageMeta {
  const byUrl = new Map((pages ?? []).map((p) => [p.url, p] as const));
  return (url, fallback) => byUrl.get(url) ?? fallback;
}
