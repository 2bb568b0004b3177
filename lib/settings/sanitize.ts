import { isHexColor } from './colors';
import { defaultSettings } from './defaults';
import { hostOfEntry } from './sites';
import { TERM_LIMITS } from './user-terms';
import type { LensSettings, PrivateWindowPolicy, SitePolicy, UserTerm } from './types';

/** Settings as read, and what had to be dropped from what was stored (a hand-edited or damaged value). */
export interface ReadSettings {
  settings: LensSettings;
  dropped: string[];
}

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max;

function readIds(value: unknown, dropped: string[]): string[] {
  if (!Array.isArray(value)) {
    dropped.push('the list of names turned off');
    return [];
  }
  const ids = value.filter((v): v is string => typeof v === 'string' && ID.test(v));
  if (ids.length !== value.length) dropped.push('names turned off that are not entity ids');
  return [...new Set(ids)];
}

function readTerm(value: unknown): UserTerm | null {
  if (!isObject(value)) return null;
  const { id, label, terms, color } = value;
  if (typeof id !== 'string' || !ID.test(id) || !isText(label, TERM_LIMITS.label) || !isHexColor(color)) return null;
  if (!Array.isArray(terms)) return null;
  const variants = terms.filter((t): t is string => isText(t, TERM_LIMITS.variant) && [...t.trim()].length >= TERM_LIMITS.variantMin);
  if (variants.length === 0) return null;
  const term: UserTerm = { id, label, terms: variants.slice(0, TERM_LIMITS.variantsPerTerm), color };
  if (typeof value.caseSensitive === 'boolean') term.caseSensitive = value.caseSensitive;
  if (value.ambiguous === true) term.ambiguous = true;
  if (isText(value.description, 500)) term.description = value.description;
  return term;
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
  if (terms.length !== value.length) dropped.push('terms of your own that were incomplete or repeated');
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
    if (ID.test(id) && isHexColor(color)) colors[id] = color.toLowerCase();
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
  if (value === 'allow' || value === 'never-store') return value;
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
