import { locateJsonError } from './json-error-location';
import { excerpt, notice, type ImportError } from './notices';

/**
 * Keys that reach an object's prototype machinery when code copies parsed data with
 * assignment or a spread merge. JSON.parse itself only makes them plain own
 * properties, but a file that carries them has no honest reason to, so it is refused.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: ImportError };

/** JSON.parse with a human message for every way a file can fail to be JSON. */
export function parseJsonSafely(text: string): JsonParse {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = body.trimStart()[0];
  if (first === undefined) return { ok: false, error: notice('empty', 'The file is empty.') };
  if (first !== '{' && first !== '[') {
    return {
      ok: false,
      error: notice(
        'not_json',
        `This is not a JSON file (it starts with “${excerpt(body.trimStart(), 20)}”). Choose a file exported as JSON.`,
        excerpt(body.trimStart(), 20),
      ),
    };
  }

  let forbidden: string | undefined;
  let value: unknown;
  try {
    value = JSON.parse(body, (key: string, v: unknown) => {
      // Only an object's own keys can be these names (an array's keys are its indices).
      if (FORBIDDEN_KEYS.has(key)) {
        forbidden ??= key;
        return undefined;
      }
      return v;
    });
  } catch (e) {
    if (e instanceof RangeError) {
      return { ok: false, error: notice('too_deep', 'The file is nested too deeply to be an annotation export.') };
    }
    const where = locateJsonError(body);
    if (!where || where.truncated) {
      const line = where?.line ?? 1;
      return {
        ok: false,
        error: notice(
          'truncated',
          `The file ends too early, at line ${line}: it looks cut off or incomplete. Export it again, or check the download finished.`,
          line,
        ),
      };
    }
    return {
      ok: false,
      error: notice(
        'syntax',
        `The file is not valid JSON: something is wrong at line ${where.line}, column ${where.column}.`,
        where.line,
        where.column,
      ),
    };
  }
  if (forbidden !== undefined) {
    return {
      ok: false,
      error: notice('forbidden_key', `The file contains the key “${forbidden}”, which an annotation never has; nothing was imported.`, forbidden),
    };
  }
  return { ok: true, value };
}
