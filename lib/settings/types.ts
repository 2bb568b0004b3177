import type { LensSettings } from '../schema/types';

// The settings' shapes are declared once, as the schema that checks them (lib/schema/settings).
export type { LensSettings, PrivateWindowPolicy, SitePolicy, UserTerm } from '../schema/types';

export type SettingName = keyof LensSettings;

/** A settings operation's outcome: errors are sentences for the user, never thrown. */
export type SettingsResult<T> = { ok: true; value: T } | { ok: false; message: string };
