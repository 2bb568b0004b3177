/**
 * The server the user connects. Only https (a token travels with every request), except
 * loopback http, which the tests' stand-in uses and which never leaves the machine.
 */
export type ServerUrlCheck = { ok: true; value: string; origin: string } | { ok: false; message: string };

export const DEFAULT_SERVER_URL = 'https://api.hypothes.is/api';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function checkServerUrl(input: string): ServerUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, message: 'That is not a web address. Example: https://api.hypothes.is/api' };
  }
  const loopback = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !loopback) {
    return { ok: false, message: 'The sharing server must use https, so that your token is never sent in the clear.' };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Put the token in the token field, not in the address.' };
  }
  url.hash = '';
  url.search = '';
  const value = url.href.replace(/\/+$/, '');
  return { ok: true, value, origin: url.origin };
}

/** The match pattern for the host permission asked for when the user connects. */
export function permissionPattern(origin: string): string {
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
}
