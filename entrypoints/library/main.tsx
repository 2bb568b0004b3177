import '@/components/theme.css';
import './library.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { getLocale, pickLocale, setLocale } from '@/components/i18n';
import { createPageWrites } from '@/lib/library-service';
import { pageSender } from '@/lib/messages';
import { defaultSettings, loadSettings } from '@/lib/settings';
import { openStore } from '@/lib/store';
import { LibraryApp, type LibraryEnv } from './App';
import { downloadText } from './download';
import { lt } from './strings';

setLocale(pickLocale(navigator.languages));
document.documentElement.lang = getLocale() === 'zh' ? 'zh-CN' : 'en';
document.title = `${lt('library_title')} · ${lt('app_name')}`;

const toBackground = pageSender((message) => browser.runtime.sendMessage(message));
/** The value of a Result, or its sentence thrown (the status line shows it). */
const valueOf = <T,>(answer: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
};

const entity = new URLSearchParams(location.search).get('entity');

const env: LibraryEnv = {
  openStore: () => openStore(indexedDB),
  loadSettings: async () => {
    const loaded = await loadSettings(browser.storage.local);
    return loaded.ok ? loaded.value.settings : defaultSettings();
  },
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
