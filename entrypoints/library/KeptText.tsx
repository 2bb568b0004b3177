import { useId, useState } from 'preact/hooks';
import type { StoredPage, StoreResult } from '@/lib/store';
import { lt } from './strings';

export interface KeptTextProps {
  /** The page (normalised URL) whose kept text to show. */
  url: string;
  /** Reads the page record, text and all, when the user asks: never before. */
  readPage(url: string): Promise<StoreResult<StoredPage | undefined>>;
}

type State = { kind: 'closed' } | { kind: 'loading' } | { kind: 'shown'; page: StoredPage | undefined } | { kind: 'failed'; message: string };

/**
 * "Show kept text": the article text saved with the page's first highlight (the page as the
 * user read it), read-only. It is the page owner's text, so it is put on screen as a text
 * node, never as HTML, in a box of its own height that scrolls.
 */
export function KeptText({ url, readPage }: KeptTextProps) {
  const [state, setState] = useState<State>({ kind: 'closed' });
  const regionId = useId();
  const open = state.kind !== 'closed';

  const toggle = async () => {
    if (open) return setState({ kind: 'closed' });
    setState({ kind: 'loading' });
    const read = await readPage(url).catch((e: unknown) => ({ ok: false as const, error: { message: String(e) } }));
    setState(read.ok ? { kind: 'shown', page: read.value } : { kind: 'failed', message: read.error.message });
  };

  return (
    <div class="library-kept">
      <button type="button" class="ql-button library-kept__toggle" aria-expanded={open} aria-controls={regionId} onClick={() => void toggle()}>
        {open ? lt('kept_hide') : lt('kept_show')}
      </button>
      {open && (
        <div id={regionId} class="library-kept__body" role="region" aria-label={lt('kept_label')}>
          {state.kind === 'loading' && <p class="ql-muted">{lt('kept_loading')}</p>}
          {state.kind === 'failed' && (
            <p class="ql-muted" role="alert">
              {state.message}
            </p>
          )}
          {state.kind === 'shown' &&
            (state.page?.text ? (
              <>
                {state.page.captured !== undefined && (
                  <p class="ql-muted">{lt('kept_when', [new Date(state.page.captured).toISOString().slice(0, 10)])}</p>
                )}
                <div class="library-kept__text" tabIndex={0}>
                  {state.page.text}
                </div>
              </>
            ) : (
              <p class="ql-muted">{lt('kept_none')}</p>
            ))}
        </div>
      )}
    </div>
  );
}
