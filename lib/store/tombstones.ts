import type { Tombstone } from '../types';
import type { LensTransaction, Mode } from './transaction';

/**
 * Whether a copy of a highlight last changed at `updated` was made before the highlight
 * was deleted: such a copy (a retried save, a stale tab, an old backup) must not bring
 * it back. A copy changed after the delete (edited elsewhere later) is newer news.
 */
export const deletedSince = (tombstone: Tombstone | undefined, updated: number): tombstone is Tombstone =>
  tombstone !== undefined && updated <= tombstone.deleted;

/** The day of a delete, as the user reads it in a message: 2026-11-30. */
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const deletedMessage = (t: Tombstone): string =>
  `This highlight was deleted on ${dayOf(t.deleted)}, after this copy of it was made, so it was not saved again. To have it back, restore it on purpose (undo, or import it and choose to restore it).`;

export const tombstoneOf = <M extends Mode>(tx: LensTransaction<M>, id: string): Promise<Tombstone | undefined> =>
  tx.objectStore('tombstones').get(id);
