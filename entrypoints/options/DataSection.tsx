import { useEffect, useRef, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import type { StorageState } from '@/lib/store';
import { ot } from './strings';

export interface DataSectionProps {
  openLibrary: () => void;
  /** Deletes every highlight, fact and page; answers with a sentence when it failed. */
  deleteAll: () => Promise<string | undefined>;
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
export function DataSection({ openLibrary, deleteAll, storage }: DataSectionProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    // The safe choice gets the focus, and focus returns to the button that asked.
    if (confirming) keepRef.current?.focus();
    else if (wasConfirming.current) askRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const confirm = async () => {
    setBusy(true);
    await deleteAll();
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
