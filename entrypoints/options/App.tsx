import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useId, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { getLocale } from '@/components/i18n';
import type { PageWrites } from '@/lib/library-service';
import type { LensSettings, ReadSettings, SettingsResult } from '@/lib/settings';
import type { StorageState } from '@/lib/store';
import { StatusBar, type Status } from '../popup/StatusBar';
import { DataSection, type SharedHere } from './DataSection';
import { PrivacySection } from './PrivacySection';
import { SharingSection, type SharingEnv } from './SharingSection';
import { st } from './sharing-strings';
import { ShortcutSection } from './ShortcutSection';
import { SitesSection } from './SitesSection';
import { WatchList } from './WatchList';
import { ot } from './strings';

/** Everything the options page needs from the browser, handed in so tests can give their own. */
export interface OptionsEnv {
  loadSettings(): Promise<SettingsResult<ReadSettings>>;
  saveSettings(patch: Partial<LensSettings>): Promise<SettingsResult<LensSettings>>;
  /** Calls back when the settings change elsewhere (another options tab); returns the unsubscribe. */
  watchSettings(onChange: (result: SettingsResult<ReadSettings>) => void): () => void;
  writes: Pick<PageWrites, 'deleteAll'>;
  shortcut(): Promise<string | undefined>;
  shortcutsPage: string;
  openShortcutsPage?: () => void;
  privateAccess(): Promise<boolean | undefined>;
  openLibrary(): void;
  /** Asks the browser to keep the data (persistent storage) and says whether it will. */
  storage?(): Promise<StorageState>;
  /** Options → Sharing; absent where sharing cannot run (tests of other sections). */
  sharing?: SharingEnv;
  /** How many of the user's highlights are in the team's group (null: sharing is not connected). */
  sharedHere?: () => Promise<SharedHere | null>;
}

function Section({ title, intro, children }: { title: string; intro?: string; children: ComponentChildren }) {
  const id = useId();
  return (
    <section class="options-section" aria-labelledby={id}>
      <h2 class="options-section__heading" id={id}>
        {title}
      </h2>
      {intro && <p class="ql-muted options-section__intro">{intro}</p>}
      {children}
    </section>
  );
}

export function OptionsApp({ env }: { env: OptionsEnv }) {
  const [settings, setSettings] = useState<LensSettings | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [dropped, setDropped] = useState<string[]>([]);
  const [status, setStatus] = useState<Status | undefined>();
  const [shortcut, setShortcut] = useState<string | undefined>();
  const [privateAccess, setPrivateAccess] = useState<boolean | undefined>();
  const [storage, setStorage] = useState<StorageState | undefined>();

  const take = useCallback((result: SettingsResult<ReadSettings>) => {
    if (!result.ok) return setFailure(result.message);
    setFailure(undefined);
    setSettings(result.value.settings);
    setDropped(result.value.dropped);
  }, []);

  useEffect(() => {
    void env.loadSettings().then(take);
    void env.shortcut().then(setShortcut, () => setShortcut(undefined));
    void env.privateAccess().then(setPrivateAccess, () => setPrivateAccess(undefined));
    void env.storage?.().then(setStorage, () => setStorage(undefined));
    return env.watchSettings(take);
  }, [env, take]);

  const save = async (patch: Partial<LensSettings>): Promise<string | undefined> => {
    const result = await env.saveSettings(patch);
    if (!result.ok) {
      setStatus({ tone: 'error', text: result.message });
      return result.message;
    }
    setSettings(result.value);
    setStatus({ tone: 'success', text: ot('saved') });
    return undefined;
  };

  const deleteAll = async (takeBackFrom?: string) => {
    const result = await env.writes.deleteAll({ takeBackShared: takeBackFrom !== undefined });
    if (!result.ok) {
      setStatus({ tone: 'error', text: result.error.message });
      return result.error.message;
    }
    setStatus({ tone: 'success', text: takeBackFrom !== undefined ? st('deleted_taking_back', [takeBackFrom]) : ot('deleted_all') });
    return undefined;
  };

  return (
    <div class="options">
      <header class="options__header">
        <h1 class="options__title">
          {ot('app_name')} <span class="options__subtitle">{ot('title')}</span>
        </h1>
        <button type="button" class="ql-button" onClick={env.openLibrary}>
          {ot('open_library')}
        </button>
      </header>
      {failure && <Notice tone="error">{failure}</Notice>}
      {dropped.length > 0 && <Notice tone="warning">{ot('settings_unreadable', [dropped.join('; ')])}</Notice>}
      {!settings && !failure && <p class="ql-muted">{ot('loading')}</p>}
      {settings && (
        <main>
          <Section title={ot('watch_heading')} intro={ot('watch_intro')}>
            <WatchList
              settings={settings}
              locale={getLocale()}
              save={save}
              onAdded={(term) => setStatus({ tone: 'success', text: ot('term_added', [term.label]) })}
              onRemoved={(term, undo) => setStatus({ tone: 'info', text: ot('own_removed', [term.label]), action: { label: ot('undo'), run: undo } })}
            />
          </Section>
          <Section title={ot('sites_heading')}>
            <SitesSection sites={settings.sites} save={(sites) => save({ sites })} />
          </Section>
          <Section title={ot('private_heading')}>
            <PrivacySection policy={settings.privateWindows} browserAllows={privateAccess} save={(privateWindows) => void save({ privateWindows })} />
          </Section>
          <Section title={ot('shortcut_heading')}>
            <ShortcutSection shortcut={shortcut} shortcutsPage={env.shortcutsPage} openShortcutsPage={env.openShortcutsPage} />
          </Section>
          {env.sharing && (
            <Section title={st('sharing_heading')} intro={st('sharing_intro')}>
              <SharingSection env={env.sharing} />
            </Section>
          )}
          <Section title={ot('data_heading')}>
            <DataSection openLibrary={env.openLibrary} deleteAll={deleteAll} storage={storage} sharedHere={env.sharedHere} />
          </Section>
        </main>
      )}
      <StatusBar status={status} onDismiss={() => setStatus(undefined)} />
    </div>
  );
}
