/**
 * What is wrong with a setting the user entered, as a code the pages turn into a
 * sentence in the interface language, with the values to put in it.
 */
export type SettingProblemCode =
  | 'label_missing'
  | 'label_too_long'
  | 'label_taken'
  | 'no_variants'
  | 'too_many_variants'
  | 'variant_too_short'
  | 'variant_too_long'
  | 'variant_no_letters'
  | 'variant_taken'
  | 'variant_builtin'
  | 'bad_color'
  | 'too_many_terms'
  | 'unknown_term'
  | 'bad_site'
  | 'no_sites';

export interface SettingProblem {
  code: SettingProblemCode;
  /** Values for the sentence ($1, $2 …): the variant, the other term's label … */
  params: string[];
  /** The sentence in English, for logs and as a fallback. */
  message: string;
}

export const problem = (code: SettingProblemCode, message: string, ...params: string[]): SettingProblem => ({
  code,
  params,
  message,
});
