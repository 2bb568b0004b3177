/**
 * What an import tells the user. `message` is English, ready to show; `code` and
 * `params` let the interface say the same in another language (components/i18n.ts
 * has a string per code, with $1, $2 … for the params).
 */
export type ImportErrorCode =
  | 'too_large'
  | 'empty'
  | 'not_json'
  | 'truncated'
  | 'syntax'
  | 'too_deep'
  | 'forbidden_key'
  | 'not_annotations'
  | 'remote_items'
  | 'too_many'
  | 'too_complex'
  | 'newer_schema'
  | 'unknown_schema'
  | 'invalid'
  | 'unsafe_url'
  | 'nothing_to_import';

export type ImportWarningCode = 'skipped_no_quote' | 'skipped_not_web' | 'duplicate_ids' | 'dropped_unsafe_canonical';

export interface ImportNotice<C extends string> {
  code: C;
  message: string;
  params: (string | number)[];
}

export type ImportError = ImportNotice<ImportErrorCode>;
export type ImportWarning = ImportNotice<ImportWarningCode>;

export function notice<C extends string>(code: C, message: string, ...params: (string | number)[]): ImportNotice<C> {
  return { code, message, params };
}

/** The first characters of a value, for a message; control characters shown as "?". */
export function excerpt(value: string, max = 40): string {
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
