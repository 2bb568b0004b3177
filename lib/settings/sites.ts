import type { SitePolicy } from './types';

export interface ParsedSites {
  /** Host names, lower case, without "www." or "*.", each once, in the order written. */
  hosts: string[];
  /** Entries that are not a host name or web address, as written. */
  invalid: string[];
}

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** The host an entry names ("example.com", "*.example.com", "https://www.example.com/news"), or null. */
export function hostOfEntry(entry: string): string | null {
  const text = entry.trim();
  if (text === '' || /\s/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text.replace(/^\*\./, '')}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (host === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || /^\[[0-9a-f:.]+\]$/.test(host)) return host;
  const labels = host.split('.');
  // A bare word ("news") is more likely a typo than an intranet host.
  if (labels.length < 2 || !labels.every((l) => HOST_LABEL.test(l))) return null;
  return host;
}

/** Reads a list of sites typed one a line (or separated by commas or spaces). */
export function parseSiteList(text: string): ParsedSites {
  const hosts: string[] = [];
  const invalid: string[] = [];
  for (const entry of text.split(/[\s,，;；]+/)) {
    if (entry === '') continue;
    const host = hostOfEntry(entry);
    if (!host) invalid.push(entry);
    else if (!hosts.includes(host)) hosts.push(host);
  }
  return { hosts, invalid };
}

/** Whether `host` is one of `hosts` or a subdomain of one (news.example.com is on example.com). */
export function hostListed(host: string, hosts: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/^www\./, '');
  return hosts.some((listed) => h === listed || h.endsWith(`.${listed}`));
}

/** Whether automatic spotting runs on the page at `url` under `policy`. */
export function spottingRunsOn(policy: SitePolicy, url: string): boolean {
  if (policy.mode === 'all') return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  return hostListed(parsed.hostname, policy.hosts);
}
