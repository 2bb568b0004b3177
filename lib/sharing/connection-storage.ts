/**
 * The sharing connection in `storage.local` (handed in, so this stays browser-free). Never
 * in `storage.sync` (the token would travel to every browser signed in to the account) and
 * never in the IndexedDB store (whose contents are exported): a token lives only here.
 */
import * as v from 'valibot';
import { checkServerUrl } from './server-url';
import type { SharingConnection } from './types';

export const CONNECTION_KEY = 'sharing.connection';

const Connection = v.object({
  serverUrl: v.pipe(
    v.string(),
    v.check((s) => checkServerUrl(s).ok),
  ),
  token: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  group: v.object({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(1100)), name: v.pipe(v.string(), v.maxLength(500)) }),
  autoShareTag: v.optional(v.pipe(v.string(), v.maxLength(100))),
});

export interface ConnectionArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** The stored connection, or null when there is none or it is unreadable (then the user connects again). */
export async function loadConnection(area: ConnectionArea): Promise<SharingConnection | null> {
  const raw = (await area.get([CONNECTION_KEY]))[CONNECTION_KEY];
  const parsed = v.safeParse(Connection, raw);
  return parsed.success ? parsed.output : null;
}

export async function saveConnection(area: ConnectionArea, connection: SharingConnection): Promise<void> {
  await area.set({ [CONNECTION_KEY]: v.parse(Connection, connection) });
}

export async function forgetConnection(area: ConnectionArea): Promise<void> {
  await area.remove([CONNECTION_KEY]);
}

/** "••••••••5f2c": enough to recognise a token, not to use it. */
export function maskToken(token: string): string {
  return token.length <= 8 ? '•'.repeat(token.length) : `${'•'.repeat(8)}${token.slice(-4)}`;
}
