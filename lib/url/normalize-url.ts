import { SITE_KEPT_PARAMS, SITE_TRACKING_PARAMS, TRACKING_PARAMS, TRACKING_PREFIXES } from './tracking-params';

const onHost = (host: string, hosts: readonly string[]) => hosts.some((h) => host === h || host.endsWith(`.${h}`));

function decodeKey(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    // A malformed escape is still a name; compare it as written.
    return raw;
  }
}

/** Whether a query parameter (by name, as decoded) should stay in the page's URL. */
function keepsParam(host: string, path: string, name: string): boolean {
  const lower = name.toLowerCase();
  const kept = SITE_KEPT_PARAMS.find((s) => onHost(host, s.hosts) && s.path === path);
  if (kept) return kept.keep.includes(name);
  if (TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p))) return false;
  return !SITE_TRACKING_PARAMS.some((s) => onHost(host, s.hosts) && s.params.includes(lower));
}

/**
 * A fragment is usually a place in the page (`#comments`, a text fragment `#:~:text=`),
 * but in hash-routed sites (`#/news/123`, `#!/story`) it is the page itself: dropping it
 * would file every article of such a site under one URL.
 */
const isRouteFragment = (hash: string) => hash.startsWith('#/') || hash.startsWith('#!');

/**
 * The URL under which a page's highlights are stored: the same for every way of
 * arriving at the same page. Drops the fragment (unless it is a route), tracking and
 * share parameters and any credentials; lowercases the host (the URL parser also drops
 * default ports and resolves `.` and `..`); sorts the remaining parameters by name,
 * keeping repeated names in their order and every value as written.
 *
 * Only http(s) and file URLs are normalised. Anything else (an unparseable string,
 * `about:blank`, a `data:` URL, a browser page) comes back as it was given, so that
 * it is still a stable key and never silently turned into a different one.
 */
export function normalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:' && parsed.protocol !== 'file:') return url;

  parsed.username = '';
  parsed.password = '';
  // "example.com." is the same host as "example.com".
  if (parsed.hostname.endsWith('.')) parsed.hostname = parsed.hostname.replace(/\.+$/, '');
  const host = parsed.hostname;

  const pairs = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => ({ pair, name: decodeKey(pair.split('=', 1)[0] ?? '') }))
    .filter(({ name }) => keepsParam(host, parsed.pathname, name));
  // Array.prototype.sort is stable: repeated names keep their order, which can matter.
  pairs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  parsed.search = pairs.length > 0 ? `?${pairs.map((p) => p.pair).join('&')}` : '';

  if (!isRouteFragment(parsed.hash)) parsed.hash = '';
  return parsed.href;
}
