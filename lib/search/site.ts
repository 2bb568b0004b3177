import type { PageMeta } from '../types';

/** The outlet a page belongs to: its site name, or its host name without "www.". */
export function siteOf(page: Pick<PageMeta, 'url' | 'site'>): string {
  const site = page.site?.trim();
  if (site) return site;
  return hostOf(page.url);
}

/** Host name without a leading "www.", or the URL itself when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    // Not a URL we can read: the raw string is still the best label there is.
    return url;
  }
}
