import * as v from 'valibot';
import { hostOfEntry } from '../settings/sites';
import { TERM_LIMITS } from './limits';

/*
 * What a setting may hold. lib/settings/types derives its types from here; reading what
 * was stored (lib/settings/sanitize) keeps the parts that pass and names the rest, and
 * saving refuses a value that does not pass whole.
 */

/** Entity ids: the built-in ones and `user-…` ids of the user's own terms. */
export const EntityIdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an entity id'));
export const HexColorSchema = v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i, 'a colour written #rrggbb'));

/** Characters, not UTF-16 units. */
const chars = (s: string) => [...s].length;
const words = (max: number, min = 1) =>
  v.pipe(
    v.string(),
    v.check((s) => s.trim() !== '' && chars(s.trim()) >= min && chars(s) <= max, `text of ${min} to ${max} characters`),
  );

/** One of the user's own watch-list entries; the shape lib/detect's matcher takes, with a label and colour always set. */
export const UserTermSchema = v.object({
  /** `user-…`, never a built-in id, never reused for another entry. */
  id: EntityIdSchema,
  label: words(TERM_LIMITS.label),
  /** Every variant to find (spellings, scripts, abbreviations). */
  terms: v.pipe(v.array(words(TERM_LIMITS.variant, TERM_LIMITS.variantMin)), v.minLength(1), v.maxLength(TERM_LIMITS.variantsPerTerm)),
  /** #rrggbb */
  color: HexColorSchema,
  /** Whether capitals must be capitals (see lib/detect/user-terms). */
  caseSensitive: v.optional(v.boolean()),
  description: v.optional(words(TERM_LIMITS.description)),
});

/** A host as the sites list keeps it: lower case, without "www." (lib/settings/sites). */
export const HostSchema = v.pipe(v.string(), v.check((h) => hostOfEntry(h) === h, 'a host name'));

/** Where automatic spotting runs: on every site, or only on the listed hosts (and their subdomains). */
export const SitePolicySchema = v.variant('mode', [
  v.object({ mode: v.literal('all') }),
  v.object({ mode: v.literal('list'), hosts: v.array(HostSchema) }),
]);

/**
 * Private (incognito) windows: by default nothing the user does there is stored, so a
 * private window leaves no trace in the library; 'allow' stores highlights as anywhere else.
 */
export const PrivateWindowPolicySchema = v.picklist(['never-store', 'allow']);

/**
 * The user's preferences. Each field is stored under a key of its own in
 * `browser.storage.local` (lib/settings/storage), so two pages changing different
 * settings at the same moment cannot undo each other's change.
 */
export const SettingsSchema = v.object({
  /** Built-in entities (and user terms) the user turned off. */
  disabledEntities: v.array(EntityIdSchema),
  userTerms: v.pipe(v.array(UserTermSchema), v.maxLength(TERM_LIMITS.terms)),
  /** Colours the user chose for built-in entities (#rrggbb), by id; absent: the lexicon's. */
  colors: v.record(EntityIdSchema, HexColorSchema),
  sites: SitePolicySchema,
  privateWindows: PrivateWindowPolicySchema,
});
