import * as v from 'valibot';
import { EntityIdSchema, HexColorSchema, PrivateWindowPolicySchema, UserTermSchema } from '../schema/settings';
import { TERM_LIMITS } from '../schema/limits';
import { defaultSettings } from './defaults';
import { hostOfEntry } from './sites';
import type { LensSettings, PrivateWindowPolicy, SitePolicy, UserTerm } from './types';

/** Settings as read, and what had to be dropped from what was stored (a hand-edited or damaged value). */
export interface ReadSettings {
  settings: LensSettings;
  dropped: string[];
}

/*
 * Reading is lenient where saving is strict: what the schema (lib/schema/settings)
 * accepts is kept, part by part, and whatever does not pass falls back to its default
 * and is named, so one damaged entry never costs the user the rest of their settings.
 */

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const variantOk = (t: unknown) => v.is(UserTermSchema.entries.terms.pipe[0].item, t);

function readIds(value: unknown, dropped: string[]): string[] {
  if (!Array.isArray(value)) {
    dropped.push('the list of names turned off');
    return [];
  }
  const ids = value.filter((x): x is string => v.is(EntityIdSchema, x));
  if (ids.length !== value.length) dropped.push('names turned off that are not entity ids');
  return [...new Set(ids)];
}

/** A term with the variants that pass (the others dropped), or null when too little of it does. */
function readTerm(value: unknown): UserTerm | null {
  if (!isObject(value) || !Array.isArray(value.terms)) return null;
  const terms = value.terms.filter(variantOk).slice(0, TERM_LIMITS.variantsPerTerm);
  const { id, label, color, caseSensitive, description } = value;
  const term = {
    id,
    label,
    terms,
    color,
    ...(typeof caseSensitive === 'boolean' ? { caseSensitive } : {}),
    ...(v.is(UserTermSchema.entries.description, description) && description !== undefined ? { description } : {}),
  };
  return v.is(UserTermSchema, term) ? term : null;
}

function readTerms(value: unknown, dropped: string[]): UserTerm[] {
  if (!Array.isArray(value)) {
    dropped.push('your own terms');
    return [];
  }
  const terms: UserTerm[] = [];
  for (const raw of value.slice(0, TERM_LIMITS.terms)) {
    const term = readTerm(raw);
    if (term && !terms.some((t) => t.id === term.id)) terms.push(term);
  }
  const whole = terms.length === value.length && terms.every((t, i) => t.terms.length === (value[i] as { terms: unknown[] }).terms.length);
  if (!whole) dropped.push('terms of your own that were incomplete or repeated');
  return terms;
}

function readColors(value: unknown, dropped: string[]): Record<string, string> {
  if (!isObject(value)) {
    dropped.push('colours');
    return {};
  }
  const colors: Record<string, string> = {};
  let bad = false;
  // Own keys only, and only ids: "__proto__" or "constructor" from a damaged value never become keys.
  for (const [id, color] of Object.entries(value)) {
    if (v.is(EntityIdSchema, id) && v.is(HexColorSchema, color)) colors[id] = color.toLowerCase();
    else bad = true;
  }
  if (bad) dropped.push('colours that are not #rrggbb or not for an entity');
  return colors;
}

function readSites(value: unknown, dropped: string[]): SitePolicy {
  if (isObject(value) && value.mode === 'all') return { mode: 'all' };
  if (isObject(value) && value.mode === 'list' && Array.isArray(value.hosts)) {
    const hosts = value.hosts.map((h) => (typeof h === 'string' ? hostOfEntry(h) : null));
    const good = [...new Set(hosts.filter((h): h is string => h !== null))];
    if (good.length !== value.hosts.length) dropped.push('sites that are not host names');
    return { mode: 'list', hosts: good };
  }
  dropped.push('where spotting runs');
  return { mode: 'all' };
}

function readPrivate(value: unknown, dropped: string[]): PrivateWindowPolicy {
  if (v.is(PrivateWindowPolicySchema, value)) return value;
  dropped.push('the private-window choice');
  return 'never-store';
}

/**
 * Settings from stored values (by setting name; a missing one takes its default).
 * Whatever is malformed falls back to the default, part by part, and is named in
 * `dropped`; the private-window policy falls back to storing nothing.
 */
export function readStoredSettings(stored: Partial<Record<keyof LensSettings, unknown>>): ReadSettings {
  const settings = defaultSettings();
  const dropped: string[] = [];
  const has = (k: keyof LensSettings) => Object.hasOwn(stored, k) && stored[k] !== undefined;
  if (has('disabledEntities')) settings.disabledEntities = readIds(stored.disabledEntities, dropped);
  if (has('userTerms')) settings.userTerms = readTerms(stored.userTerms, dropped);
  if (has('colors')) settings.colors = readColors(stored.colors, dropped);
  if (has('sites')) settings.sites = readSites(stored.sites, dropped);
  if (has('privateWindows')) settings.privateWindows = readPrivate(stored.privateWindows, dropped);
  return { settings, dropped };
}
