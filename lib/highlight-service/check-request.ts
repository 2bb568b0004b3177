/**
 * Checks of what the content script sends, before anything is stored. A content script
 * runs beside page code we do not control; a malformed request is answered with an
 * 'invalid' error, never stored half-right.
 */
import { HIGHLIGHT_COLORS, type HighlightColor, type Selector } from '../types';

const isString = (v: unknown): v is string => typeof v === 'string';
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isColor = (v: unknown): v is HighlightColor => HIGHLIGHT_COLORS.includes(v as HighlightColor);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function selectorProblem(s: unknown): string | null {
  if (!isObject(s)) return 'a selector is not an object';
  if (s.type === 'TextQuoteSelector') {
    if (!isString(s.exact) || s.exact === '') return 'a TextQuoteSelector has no exact text';
    if ((s.prefix !== undefined && !isString(s.prefix)) || (s.suffix !== undefined && !isString(s.suffix))) {
      return 'a TextQuoteSelector has a prefix or suffix that is not text';
    }
    return null;
  }
  if (s.type === 'TextPositionSelector') {
    const { start, end } = s;
    return Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (end as number) > (start as number)
      ? null
      : 'a TextPositionSelector does not span any text';
  }
  return `unknown selector type ${String(s.type)}`;
}

function pageProblem(page: unknown): string | null {
  if (!isObject(page)) return 'the page is missing';
  if (!isString(page.url) || page.url === '') return 'the page has no URL';
  if (!isString(page.title)) return 'the page title is not text';
  for (const key of ['site', 'author', 'published', 'canonical'] as const) {
    if (page[key] !== undefined && !isString(page[key])) return `the page's ${key} is not text`;
  }
  return null;
}

export function draftProblem(draft: unknown): string | null {
  if (!isObject(draft)) return 'the highlight is missing';
  if (!isString(draft.id) || draft.id === '') return 'the highlight has no id';
  const page = pageProblem(draft.page);
  if (page) return page;
  if (!isString(draft.quote) || draft.quote.trim() === '') return 'the highlight quotes no text';
  if (!Array.isArray(draft.selectors) || draft.selectors.length === 0) return 'the highlight has no selectors';
  for (const s of draft.selectors as unknown[]) {
    const problem = selectorProblem(s);
    if (problem) return problem;
  }
  if (!(draft.selectors as Selector[]).some((s) => s.type === 'TextQuoteSelector')) {
    return 'the highlight has no TextQuoteSelector, so it could never be found again';
  }
  if (!isString(draft.note)) return 'the note is not text';
  if (!isStrings(draft.tags)) return 'the tags are not a list of text';
  if (!isColor(draft.color)) return `unknown colour ${String(draft.color)}`;
  if (!isTime(draft.created)) return 'the highlight has no creation time';
  return null;
}

export function captureProblem(capture: unknown): string | null {
  if (capture === undefined) return null;
  if (!isObject(capture)) return 'the page capture is not an object';
  const page = pageProblem(capture.meta);
  if (page) return page;
  if (!isString(capture.text)) return 'the page text is not text';
  if (!isTime(capture.captured)) return 'the page capture has no time';
  return null;
}

export function editProblem(edit: unknown): string | null {
  if (!isObject(edit)) return 'the edit is not an object';
  const known = new Set(['note', 'tags', 'color']);
  for (const key of Object.keys(edit)) if (!known.has(key)) return `"${key}" cannot be edited`;
  if (edit.note !== undefined && !isString(edit.note)) return 'the note is not text';
  if (edit.tags !== undefined && !isStrings(edit.tags)) return 'the tags are not a list of text';
  if (edit.color !== undefined && !isColor(edit.color)) return `unknown colour ${String(edit.color)}`;
  return null;
}

