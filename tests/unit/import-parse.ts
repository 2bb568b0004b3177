import { parseImport } from '../../lib/import';

type ParseOptions = Parameters<typeof parseImport>[1];

/** What an import read from `text`; the test fails with the import's own sentence if it was refused. */
export function accepted(text: string, options?: ParseOptions) {
  const result = parseImport(text, options);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

/** Why an import refused `text`; the test fails if it was accepted. */
export function refused(text: string, options?: ParseOptions) {
  const result = parseImport(text, options);
  if (result.ok) throw new Error('accepted');
  return result.error;
}
