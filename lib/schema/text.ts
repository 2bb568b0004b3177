import * as v from 'valibot';
import { LIMITS } from './limits';

/*
 * The building blocks of every schema: plain data checked by plain functions, so
 * validation compiles no code at run time (the MV3 content security policy forbids the
 * `new Function` that ajv relies on). A check's message is the noun the value should be
 * ("should be a web address"), which lib/schema/issue-message turns into a sentence.
 */

/** A lone surrogate: encodeURIComponent (an exported id) throws on it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
export const longText = text(LIMITS.longText);
export const shortText = text(LIMITS.shortText);
export const label = text(LIMITS.label);

/** Ids of highlights and facts: they become IRIs in an export, so they must be whole characters. */
export const idText = v.pipe(
  v.string(),
  v.maxLength(LIMITS.label),
  v.check((s) => s !== '' && !LONE_SURROGATE.test(s), 'an id (text without broken characters)'),
);

/** A tag as the cards parse it: trimmed, not empty (an import trims and drops empty ones). */
export const tagText = v.pipe(
  v.string(),
  v.maxLength(LIMITS.label),
  v.check((s) => s !== '' && s.trim() === s, 'a tag without spaces at either end'),
);

export const list = <T extends v.GenericSchema>(item: T, max: number = LIMITS.listItems) => v.pipe(v.array(item), v.maxLength(max));

/**
 * A page's kept text cut to LIMITS.snapshot (which says why), at a whole character: a
 * longer page keeps its beginning rather than losing its highlight's save. The content
 * script cuts before sending (a 3 MB page is not copied across the message channel)
 * and the store cuts again for any other writer.
 */
export function capSnapshotText(text: string, max: number = LIMITS.snapshot): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last < 0xdc00) end--;
  return text.slice(0, end);
}

/** The largest time a Date can hold; an export writes times as ISO dates. */
const MAX_TIME = 8.64e15;

/** ms since epoch, whole (an export writes ISO dates, which keep milliseconds and no less). */
export const time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_TIME));

export const isoDay = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD'));

export const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The schemes of pages whose highlights are kept: the web, and files the user opened. */
const PAGE_SCHEMES = new Set(['http:', 'https:', 'file:']);

function schemeOf(value: string): string | undefined {
  try {
    return new URL(value).protocol;
  } catch {
    return undefined;
  }
}

/** Whether highlights of a page at this address can be kept (and so exported and imported back). */
export const isPageUrl = (value: string): boolean => PAGE_SCHEMES.has(schemeOf(value) ?? '');

export const pageUrl = v.pipe(
  v.string(),
  v.maxLength(LIMITS.url),
  // Written without spaces around it: an import trims addresses.
  v.check((s) => s.trim() === s && isPageUrl(s), 'a web address (http or https) or a file address'),
);

export const webUrl = v.pipe(
  v.string(),
  v.maxLength(LIMITS.url),
  v.check((s) => {
    const scheme = schemeOf(s);
    return s.trim() === s && (scheme === 'http:' || scheme === 'https:');
  }, 'a web address (http or https)'),
);
