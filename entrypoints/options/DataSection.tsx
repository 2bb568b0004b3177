import { useEffect, useRef, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import type { StorageState } from '@/lib/store';
import { st } from './sharing-strings';
import { ot } from './strings';

/** The user's highlights in the team's group, which "Delete everything" asks about. */
export interface SharedHere {
  group: string;
  count: number;
}

export interface DataSectionProps {
  openLibrary: () => void;
  /**
   * Deletes every highlight, fact and page (and, given the group's name, takes the shared
   * ones back from it); answers with a sentence when it failed.
   */
  deleteAll: (takeBackFrom?: string) => Promise<string | undefined>;
  /** How many of the user's highlights are in the team's group (asked when the dialog opens). */
  sharedHere?: () => Promise<SharedHere | null>;
  /** Whether the browser keeps the data when disk space runs low (undefined while asking). */
  storage?: StorageState;
}

const megabytes = (bytes: number) => (Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toLocaleString();

/** Whether the browser may clear the highlights to free disk space, in one sentence. */
function StorageLine({ storage }: { storage: StorageState }) {
  const key = storage.persisted === true ? 'storage_persisted' : storage.persisted === false ? 'storage_not_persisted' : 'storage_unknown';
  return (
    <p class="options-storage" data-persisted={String(storage.persisted)}>
      {ot(key)}
      {storage.usage !== undefined && ` ${ot('storage_usage', [megabytes(storage.usage)])}`}
    </p>
  );
}

/** The backup reminder and delete-all, which asks once more before it deletes. */
export function DataSection({ openLibrary, deleteAll, storage, sharedHere }: DataSectionProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [shared, setShared] = useState<SharedHere | null>(null);
  // Off by default: the group's copies are the team's too, and taking them back is the user's explicit choice.
  const [takeBack, setTakeBack] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    // The safe choice gets the focus, and focus returns to the button that asked.
    if (confirming) keepRef.current?.focus();
    else if (wasConfirming.current) askRef.current?.focus();
    wasConfirming.current = confirming;
    setTakeBack(false);
    if (!confirming || !sharedHere) return setShared(null);
    let current = true;
    void sharedHere().then(
      (found) => current && setShared(found && found.count > 0 ? found : null),
      () => current && setShared(null),
    );
    return () => {
      current = false;
    };
  }, [confirming]);

  const confirm = async () => {
    setBusy(true);
    await deleteAll(shared && takeBack ? shared.group : undefined);
    setBusy(false);
    setConfirming(false);
  };

  return (
    <>
      {storage && <StorageLine storage={storage} />}
      <Notice tone="warning">
        <p class="options-notice-text">{ot('backup_reminder')}</p>
        <button type="button" class="ql-button" onClick={openLibrary}>
          {ot('open_library')}
        </button>
      </Notice>
      {confirming ? (
        <div
          class="options-confirm"
          role="alertdialog"
          aria-labelledby="delete-all-title"
          aria-describedby="delete-all-text"
          onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)}
        >
          <p class="options-confirm__title" id="delete-all-title">
            {ot('delete_confirm_title')}
          </p>
          <p id="delete-all-text">{ot('delete_confirm_text')}</p>
          {shared && (
            <>
              <p>{st(shared.count === 1 ? 'delete_shared_one' : 'delete_shared', [shared.count.toLocaleString(), shared.group])}</p>
              <label class="options-inline">
                <input type="checkbox" checked={takeBack} onChange={(e) => setTakeBack(e.currentTarget.checked)} />{' '}
                {st('delete_take_back', [shared.group])}
              </label>
            </>
          )}
          <div class="options-actions">
            <button type="button" class="ql-button" ref={keepRef} onClick={() => setConfirming(false)}>
              {ot('delete_cancel')}
            </button>
            <button type="button" class="ql-button ql-button--danger" disabled={busy} onClick={confirm}>
              {ot('delete_confirm')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="ql-button ql-button--danger options-delete" ref={askRef} onClick={() => setConfirming(true)}>
          {ot('delete_all')}
        </button>
      )}
    </>
  );
}
