import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import { EntityList } from '@/components/EntityList';
import { FactGroupList } from '@/components/FactGroupList';
import type { HighlightChanges } from '@/components/HighlightItem';
import { HighlightList } from '@/components/HighlightList';
import { Notice, RestrictedPageNotice } from '@/components/Notice';
import { getLocale, t } from '@/components/i18n';
import type { PageWrites } from '@/lib/library-service';
import type { ChangeChoice } from '@/lib/highlight-service/types';
import type { MentionRevealed } from '@/lib/messages';
import type { LensSettings } from '@/lib/settings';
import type { StoreResult } from '@/lib/store';
import type { EntityId, Highlight } from '@/lib/types';
import { normalizeUrl } from '@/lib/url';
import { entityNamer } from './entity-names';
import type { PageReading } from './page-reading';
import { loadPopupData, type PopupData, type PopupQueries } from './popup-data';
import { StatusBar, type Status } from './StatusBar';
import { pt } from './strings';

/** Everything the popup needs from the browser, handed in so tests can give their own. */
export interface PopupEnv {
  readPage(): Promise<PageReading>;
  openStore(): Promise<StoreResult<PopupQueries>>;
  /** The user's settings (defaults when they cannot be read). */
  loadSettings(): Promise<LensSettings>;
  /** Whether the tab is in a private window. */
  isPrivate(): Promise<boolean>;
  writes: Pick<PageWrites, 'updateHighlight' | 'deleteHighlight' | 'restoreHighlight'> & Partial<Pick<PageWrites, 'resolveChange'>>;
  /** Asks the page to scroll to the next mention of an entity; rejects when the page cannot. */
  reveal(entity: EntityId): Promise<MentionRevealed>;
  openLibrary(entity?: EntityId): void;
  openOptions(): void;
  /** The side panel: calls `refresh` when the tab or its highlights change; returns the way to stop listening. */
  subscribe?(refresh: () => void): () => void;
  /** Opens the side panel beside the page (the popup offers it when the browser has one). */
  openPanel?(): Promise<void>;
}

type View =
  | { kind: 'loading' }
  | { kind: 'unreadable' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; data: PopupData; settings: LensSettings; private: boolean };

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Loads everything at once: the page's reading, the store and the settings do not wait on each other. */
async function load(env: PopupEnv): Promise<View> {
  const [reading, store, settings, isPrivate] = await Promise.all([
    env.readPage(),
    env.openStore(),
    env.loadSettings(),
    env.isPrivate().catch(() => false),
  ]);
  if (reading.kind === 'unreadable') return { kind: 'unreadable' };
  if (!store.ok) return { kind: 'failed', message: store.error.message };
  const data = await loadPopupData(store.value, normalizeUrl(reading.url), reading.mentions, entityNamer(getLocale(), settings.userTerms));
  if (!data.ok) return { kind: 'failed', message: data.error.message };
  return { kind: 'ready', data: data.value, settings, private: isPrivate };
}

function Section({ title, children, extra }: { title: string; children: ComponentChildren; extra?: string }) {
  const id = useId();
  return (
    <section class="ql-section popup__section" aria-labelledby={id}>
      <h2 class="ql-section__heading popup__heading" id={id}>
        {title}
        {extra && <span class="popup__heading-extra"> · {extra}</span>}
      </h2>
      {children}
    </section>
  );
}

export interface PopupAppProps {
  env: PopupEnv;
  /** `popup`: the toolbar popup, a quick look; `panel`: the side panel, open beside the page and following it. */
  layout?: 'popup' | 'panel';
}

export function PopupApp({ env, layout = 'popup' }: PopupAppProps) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [status, setStatus] = useState<Status | undefined>();
  // Loads can overlap when the panel follows quick tab switches: only the latest one is shown.
  const latest = useRef(0);

  const refresh = useCallback(() => {
    const run = ++latest.current;
    load(env)
      .then((v) => run === latest.current && setView(v))
      .catch((e: unknown) => run === latest.current && setView({ kind: 'failed', message: describe(e) }));
  }, [env]);
  useEffect(refresh, [refresh]);
  useEffect(() => env.subscribe?.(refresh), [env, refresh]);

  const replaceHighlight = (h: Highlight) =>
    setView((v) =>
      v.kind === 'ready' ? { ...v, data: { ...v.data, highlights: v.data.highlights.map((x) => (x.id === h.id ? h : x)) } } : v,
    );

  const onSave = async (id: string, changes: HighlightChanges) => {
    const result = await env.writes.updateHighlight(id, changes);
    if (!result.ok) return setStatus({ tone: 'error', text: result.error.message });
    replaceHighlight(result.value);
    setStatus({ tone: 'success', text: pt('saved') });
  };

  const resolveChange = env.writes.resolveChange;
  const onResolveChange = resolveChange
    ? async (id: string, choice: ChangeChoice) => {
        const result = await resolveChange(id, choice);
        if (!result.ok) return setStatus({ tone: 'error', text: result.error.message });
        replaceHighlight(result.value);
      }
    : undefined;

  const onDelete = async (id: string) => {
    const result = await env.writes.deleteHighlight(id);
    if (!result.ok) return setStatus({ tone: 'error', text: result.error.message });
    const deleted = result.value;
    setView((v) =>
      v.kind === 'ready' ? { ...v, data: { ...v.data, highlights: v.data.highlights.filter((h) => h.id !== id) } } : v,
    );
    setStatus({
      tone: 'info',
      text: pt('deleted'),
      action: {
        label: pt('undo'),
        run: async () => {
          const back = await env.writes.restoreHighlight(deleted);
          if (!back.ok) return setStatus({ tone: 'error', text: back.error.message });
          setStatus({ tone: 'success', text: pt('restored') });
          refresh();
        },
      },
    });
  };

  const onReveal = async (entity: EntityId, label: string) => {
    try {
      const shown = await env.reveal(entity);
      setStatus(
        shown.found
          ? { tone: 'info', text: pt('revealed', [shown.index, shown.total, label]) }
          : { tone: 'warning', text: pt('reveal_none', [label]) },
      );
    } catch (e) {
      setStatus({ tone: 'error', text: pt('reveal_failed', [label, describe(e)]) });
    }
  };

  return (
    <div class={`popup popup--${layout}`}>
      <header class="popup__header">
        <h1 class="popup__title">{pt('popup_title')}</h1>
        <nav class="popup__nav">
          {layout === 'popup' && env.openPanel && (
            <button
              type="button"
              class="ql-button"
              onClick={() => env.openPanel!().then(() => window.close(), (e: unknown) => setStatus({ tone: 'error', text: describe(e) }))}
            >
              {pt('open_panel')}
            </button>
          )}
          <button type="button" class="ql-button" onClick={() => env.openLibrary()}>
            {pt('open_library_short')}
          </button>
          <button type="button" class="ql-button" onClick={() => env.openOptions()}>
            {pt('open_settings')}
          </button>
        </nav>
      </header>
      {layout === 'panel' && (
        // Says, without moving focus, that the panel now shows another page or a change.
        <p class="ql-visually-hidden" aria-live="polite">
          {view.kind === 'ready' ? pt('panel_showing', [view.data.highlights.length]) : ''}
        </p>
      )}
      <main class="popup__main">
        {view.kind === 'loading' && <p class="ql-muted">{pt('loading')}</p>}
        {view.kind === 'unreadable' && (
          <>
            <RestrictedPageNotice onOpenLibrary={() => env.openLibrary()} />
            <p class="ql-muted popup__hint">{pt('reload_hint')}</p>
          </>
        )}
        {view.kind === 'failed' && <Notice tone="error">{view.message}</Notice>}
        {view.kind === 'ready' && (
          <>
            {view.private && view.settings.privateWindows === 'never-store' && <Notice tone="warning">{pt('private_no_store')}</Notice>}
            <Section title={t('entities_heading')}>
              <EntityList
                entities={view.data.entities}
                onSelect={(id) => onReveal(id, view.data.entities.find((e) => e.id === id)?.label ?? id)}
              />
            </Section>
            <Section
              title={t('highlights_heading')}
              extra={view.data.highlights.length > 0 ? pt('saved_count', [view.data.highlights.length]) : undefined}
            >
              <HighlightList highlights={view.data.highlights} onSave={onSave} onDelete={onDelete} onResolveChange={onResolveChange} />
            </Section>
            <Section title={t('facts_heading')}>
              <FactGroupList groups={view.data.related} reasons={view.data.why} />
              {view.data.moreRelated && (
                <button type="button" class="ql-button popup__more" onClick={() => env.openLibrary(view.data.entities[0]?.id)}>
                  {pt('more_related')}
                </button>
              )}
            </Section>
          </>
        )}
      </main>
      <StatusBar status={status} onDismiss={() => setStatus(undefined)} />
    </div>
  );
}
