/** The library page's views, mounted once the entry (main.tsx) has asked for the first screen. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { getLocale, pickLocale, setLocale } from '@/components/i18n';
import { createPageWrites } from '@/lib/library-service';
import { pageSender } from '@/lib/messages';
import type { LensSettings } from '@/lib/settings';
import { openStore, type LensStore, type StoreResult } from '@/lib/store';
import { LibraryApp, type LibraryEnv } from './App';
import { downloadText } from './download';
import type { AskedFirstScreen } from './load';
import { lt } from './strings';

/** What the entry asked for before this code loaded. */
export interface Asked {
  store: Promise<StoreResult<LensStore>>;
  settings: Promise<LensSettings>;
  firstScreen: AskedFirstScreen;
  readSettings(): Promise<LensSettings>;
}

const toBackground = pageSender((message) => browser.runtime.sendMessage(message));
/** The value of a Result, or its sentence thrown (the status line shows it). */
const valueOf = <T,>(answer: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
};

export function mount(asked: Asked): void {
  setLocale(pickLocale(navigator.languages));
  document.documentElement.lang = getLocale() === 'zh' ? 'zh-CN' : 'en';
  document.title = `${lt('library_title')} · ${lt('app_name')}`;

  const entity = new URLSearchParams(location.search).get('entity');
  // One connection for the page (it reopens itself when lost); opened again only after it failed to open.
  let store = asked.store;
  // The settings asked for at start, then read afresh on each reload (the user may have changed them).
  let settings: Promise<LensSettings> | undefined = asked.settings;

  const env: LibraryEnv = {
    openStore: async () => {
      const opened = await store;
      if (!opened.ok) store = openStore(indexedDB);
      return opened;
    },
    loadSettings: () => {
      const first = settings;
      settings = undefined;
      return first ?? asked.readSettings();
    },
    firstScreen: asked.firstScreen,
    writes: createPageWrites(toBackground),
    download: (file, fileName) =>
      downloadText(file.bytes ?? file.text, file.mimeType, fileName, {
        document,
        createObjectURL: (blob) => URL.createObjectURL(blob),
        revokeObjectURL: (url) => URL.revokeObjectURL(url),
        later: (fn) => setTimeout(fn, 10_000),
      }),
    openOptions: () => void browser.runtime.openOptionsPage(),
    sharing: {
      status: async (ids) => valueOf(await toBackground.send({ type: 'sharing/status', ids })),
      share: async (id) => valueOf(await toBackground.send({ type: 'sharing/share', id })),
      retry: async (id) => valueOf(await toBackground.send({ type: 'sharing/retry', id })),
      group: async (refresh) => valueOf(await toBackground.send({ type: 'sharing/group', refresh })),
    },
    initialEntity: entity && /^[a-z0-9][a-z0-9-]{0,63}$/.test(entity) ? entity : undefined,
  };

  render(<LibraryApp env={env} />, document.getElementById('app')!);
}
