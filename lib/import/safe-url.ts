/**
 * What kind of address a string is. Only http and https pages are ever linked or
 * imported; schemes that run code when opened (javascript:, vbscript:, data:) mark a
 * hostile file. The URL parser decides, so "  JavaScript:…" or "java\tscript:…"
 * (which browsers still run) are recognised for what they are.
 */
export type UrlKind =
  | { kind: 'http'; href: string }
  | { kind: 'script'; scheme: string }
  | { kind: 'other'; scheme: string }
  | { kind: 'invalid' };

const SCRIPT_SCHEMES = new Set(['javascript:', 'vbscript:', 'data:', 'blob:']);

export function classifyUrl(value: string): UrlKind {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { kind: 'invalid' };
  }
  const scheme = url.protocol.toLowerCase();
  if (scheme === 'http:' || scheme === 'https:') return { kind: 'http', href: url.href };
  if (SCRIPT_SCHEMES.has(scheme)) return { kind: 'script', scheme };
  return { kind: 'other', scheme };
}

/** The serialised address when `value` is an http(s) URL (safe for an href), else undefined. */
export function safeHttpUrl(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const verdict = classifyUrl(value);
  return verdict.kind === 'http' ? verdict.href : undefined;
}
