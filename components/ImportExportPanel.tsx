import { useId, useState } from 'preact/hooks';
import type { ExportFormat } from '../lib/export';
// The limits alone: the import's barrel would bring its schemas into the library's first chunk.
import { LIMITS as IMPORT_LIMITS } from '../lib/schema/limits';
import type { ImportError, ImportWarning } from '../lib/import';
import type { DeletedHere } from '../lib/store/types';
import { isMessageKey, t } from './i18n';
import { Notice } from './Notice';

/** What the last import or export came to, as the page reports it back. */
export type TransferResult =
  | {
      kind: 'imported';
      added: number;
      updated: number;
      skipped: number;
      warnings: readonly ImportWarning[];
      /** Highlights of the file deleted here after it was made: left out, and offered back. */
      deleted?: readonly DeletedHere[];
      /** Brings the deleted ones back from the same file, on purpose. */
      restoreDeleted?: () => void;
    }
  | { kind: 'exported'; count: number; format: ExportFormat }
  | { kind: 'error'; error: Pick<ImportError, 'message'> & Partial<ImportError> };

export interface ImportExportPanelProps {
  /** How many highlights an export will hold (everything, or the current filter). */
  exportCount: number;
  onExport: (format: ExportFormat) => void;
  /** Called with the chosen file; the page reads, parses and stores it. */
  onImport: (file: File) => void;
  busy?: boolean;
  result?: TransferResult;
  /** Files above this are refused before they are read. */
  maxBytes?: number;
  /** Under a search or filter: export what it shows (`filtered` highlights) or everything (`all`). */
  scope?: ExportScope;
}

export interface ExportScope {
  filtered: number;
  all: number;
  everything: boolean;
  onChange: (everything: boolean) => void;
}

const FORMATS: readonly { format: ExportFormat; key: 'export_json' | 'export_markdown' | 'export_csv' | 'export_facts_csv' }[] = [
  { format: 'json', key: 'export_json' },
  { format: 'markdown', key: 'export_markdown' },
  { format: 'csv', key: 'export_csv' },
  { format: 'facts-csv', key: 'export_facts_csv' },
];

/** An import notice in the interface language when there is a string for it, else its English message. */
export function noticeText(n: { code?: string; message: string; params?: readonly (string | number)[] }, prefix: string): string {
  const key = `${prefix}${n.code ?? ''}`;
  return n.code && isMessageKey(key) ? t(key, n.params ?? []) : n.message;
}

const QUOTE_SHOWN = 80;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The highlights an import left out because they were deleted here, and a button to bring them back on purpose. */
function DeletedHereList({ deleted, restore }: { deleted: readonly DeletedHere[]; restore?: () => void }) {
  return (
    <Notice tone="warning" title={t('import_deleted_title', [deleted.length])}>
      <ul class="ql-transfer__deleted">
        {deleted.map((d) => (
          <li key={d.id}>{t('import_deleted_item', [d.quote.length > QUOTE_SHOWN ? `${d.quote.slice(0, QUOTE_SHOWN)}…` : d.quote, dayOf(d.deleted)])}</li>
        ))}
      </ul>
      {restore && (
        <button type="button" class="ql-button" onClick={restore}>
          {t('import_restore_deleted', [deleted.length])}
        </button>
      )}
    </Notice>
  );
}

function ResultNotice({ result }: { result: TransferResult }) {
  switch (result.kind) {
    case 'imported':
      return (
        <>
          <Notice
            tone={result.warnings.length > 0 ? 'warning' : 'success'}
            title={t('import_done', [result.added, result.updated, result.skipped])}
            details={result.warnings.map((w) => noticeText(w, 'import_warning_'))}
          />
          {result.deleted && result.deleted.length > 0 && <DeletedHereList deleted={result.deleted} restore={result.restoreDeleted} />}
        </>
      );
    case 'exported':
      return (
        <Notice tone="success">{t('export_done', [result.count, t(FORMATS.find((f) => f.format === result.format)?.key ?? 'export_json')])}</Notice>
      );
    case 'error':
      // The English message is the fallback, and stays for error codes added later.
      return <Notice tone="error">{noticeText(result.error, 'import_error_')}</Notice>;
  }
}

/** Export buttons for the three formats, a file picker for import, and what came of the last one. */
export function ImportExportPanel({
  exportCount,
  onExport,
  onImport,
  busy = false,
  result,
  maxBytes = IMPORT_LIMITS.maxBytes,
  scope,
}: ImportExportPanelProps) {
  const [tooLarge, setTooLarge] = useState<TransferResult | undefined>();
  const shown = tooLarge ?? result;
  const id = useId();
  const mb = (bytes: number) => Math.ceil((bytes / (1024 * 1024)) * 10) / 10;

  return (
    <div class="ql-transfer">
      <section class="ql-section" aria-labelledby={`${id}-export`}>
        <h2 class="ql-section__heading" id={`${id}-export`}>
          {t('export_heading')}
        </h2>
        {scope ? (
          // One heading says "Export"; the choice under it says which highlights.
          <fieldset class="ql-transfer__scope">
            <legend>{t('export_which')}</legend>
            <label>
              <input type="radio" name={`${id}-scope`} checked={!scope.everything} onChange={() => scope.onChange(false)} />{' '}
              {t('export_scope_filtered', [scope.filtered])}
            </label>
            <label>
              <input type="radio" name={`${id}-scope`} checked={scope.everything} onChange={() => scope.onChange(true)} />{' '}
              {t('export_scope_all', [scope.all])}
            </label>
          </fieldset>
        ) : (
          <p class="ql-muted">{t('export_scope', [exportCount])}</p>
        )}
        <div class="ql-transfer__buttons">
          {FORMATS.map(({ format, key }) => (
            <button
              key={format}
              type="button"
              class="ql-button"
              disabled={busy || exportCount === 0}
              onClick={() => {
                setTooLarge(undefined);
                onExport(format);
              }}
            >
              {t(key)}
            </button>
          ))}
        </div>
      </section>
      <section class="ql-section" aria-labelledby={`${id}-import`}>
        <h2 class="ql-section__heading" id={`${id}-import`}>
          {t('import_heading')}
        </h2>
        <label class="ql-transfer__file">
          {t('import_choose')}
          <input
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            disabled={busy}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              // The same file can be chosen again after fixing it.
              input.value = '';
              if (!file) return;
              if (file.size > maxBytes) {
                setTooLarge({
                  kind: 'error',
                  error: {
                    code: 'too_large',
                    params: [mb(file.size), mb(maxBytes)],
                    message: `The file is too large to import (${mb(file.size)} MB; the limit is ${mb(maxBytes)} MB).`,
                  },
                });
                return;
              }
              setTooLarge(undefined);
              onImport(file);
            }}
          />
        </label>
        <p class="ql-muted" id={`${id}-hint`}>
          {t('import_hint')}
        </p>
      </section>
      <div aria-live="polite">
        {busy ? <Notice tone="info">{t('import_busy')}</Notice> : shown && <ResultNotice result={shown} />}
      </div>
    </div>
  );
}
