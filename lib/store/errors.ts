import { OpenTimeout, UpgradeFailure } from './connection';
import type { StoreError, StoreErrorKind, StoreResult } from './types';

export const ok = <T>(value: T): StoreResult<T> => ({ ok: true, value });
export const fail = <T>(error: StoreError): StoreResult<T> => ({ ok: false, error });

/** Thrown inside a transaction to abort it with an error the caller will see as it is. */
export class StoreFailure extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'StoreFailure';
  }
}

function describeCause(e: unknown): string {
  if (e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e && 'message' in e)) {
    const { name, message } = e as { name: unknown; message: unknown };
    return message ? `${String(name)}: ${String(message)}` : String(name);
  }
  return String(e);
}

/**
 * What went wrong, as a sentence the user can act on. `action` completes "Could not …"
 * ("save the highlight"); `writing` tells a failed write (nothing was changed: every
 * write is one transaction) from a failed read.
 */
export function toStoreError(e: unknown, action: string, writing: boolean): StoreError {
  if (e instanceof StoreFailure) return { kind: e.kind, message: e.message };
  const name = typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
  switch (name) {
    case 'QuotaExceededError':
      return {
        kind: 'quota',
        message: `Could not ${action}: the browser has no storage space left for Qinglang Lens. Nothing was changed. Export a backup, then delete highlights you no longer need or free some disk space.`,
      };
    case 'DataCloneError':
    case 'DataError':
      return { kind: 'invalid', message: `Could not ${action}: the data cannot be stored (${describeCause(e)}). Nothing was changed.` };
    default:
      return writing
        ? { kind: 'write', message: `Could not ${action}: the browser's database refused the change (${describeCause(e)}). Nothing was changed; try again.` }
        : { kind: 'read', message: `Could not ${action}: the browser's database could not be read (${describeCause(e)}). Try again.` };
  }
}

/** Why the database could not be opened, as a sentence the user can act on. */
export function toOpenError(e: unknown): StoreError {
  if (e instanceof UpgradeFailure) {
    return {
      kind: 'open',
      message: `Could not open the highlights database: upgrading it from version ${e.fromVersion} failed (${describeCause(e.reason)}). Your highlights were left as they were; reload the extension to try again, and export a backup before updating.`,
    };
  }
  if (e instanceof OpenTimeout) {
    const seconds = Math.round(e.ms / 1000);
    return {
      kind: 'open',
      message: e.blocked
        ? `Could not open the highlights database: another Qinglang Lens page is still using an older version of it. Close the other Qinglang Lens tabs and windows (library, options, popup), or reload the extension, then try again. Nothing was changed.`
        : `Could not open the highlights database: the browser did not open it within ${seconds} seconds. Nothing was changed; try again in a moment, and restart the browser if this keeps happening.`,
    };
  }
  const name = typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
  if (name === 'VersionError') {
    return {
      kind: 'open',
      message: 'Could not open the highlights database: a newer version of Qinglang Lens has upgraded it. Update or reload the extension to use it.',
    };
  }
  return {
    kind: 'open',
    message: `Could not open the highlights database (${describeCause(e)}). In a private window the browser may not allow storage at all.`,
  };
}
