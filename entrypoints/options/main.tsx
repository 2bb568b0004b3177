import '@/components/theme.css';
import './options.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { getLocale, pickLocale, setLocale } from '@/components/i18n';
import { HIGHLIGHT_COMMAND } from '@/lib/highlight-service';
import { createPageWrites } from '@/lib/library-service';
import { pageSender } from '@/lib/messages';
import { loadSettings, saveSettings, watchSettings } from '@/lib/settings';
import { ensurePersisted } from '@/lib/store';
import { forgetConnection, HypothesisClient, loadConnection, saveConnection } from '@/lib/sharing';
import { OptionsApp, type OptionsEnv } from './App';
import { ot } from './strings';

setLocale(pickLocale(navigator.languages));
document.documentElement.lang = getLocale() === 'zh' ? 'zh-CN' : 'en';
document.title = `${ot('title')} · ${ot('app_name')}`;

const area = browser.storage.local;
const firefox = import.meta.env.FIREFOX;

const toBackground = pageSender((message) => browser.runtime.sendMessage(message));

const env: OptionsEnv = {
  loadSettings: () => loadSettings(area),
  saveSettings: (patch) => saveSettings(area, patch),
  watchSettings: (onChange) => watchSettings(browser.storage.onChanged, area, onChange),
  writes: createPageWrites(toBackground),
  shortcut: async () => (await browser.commands.getAll()).find((c) => c.name === HIGHLIGHT_COMMAND)?.shortcut ?? '',
  // Firefox keeps shortcuts under about:addons, which extensions may not open.
  shortcutsPage: firefox ? 'about:addons → ⚙ → Manage Extension Shortcuts' : 'chrome://extensions/shortcuts',
  openShortcutsPage: firefox ? undefined : () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' }),
  privateAccess: () => browser.extension.isAllowedIncognitoAccess(),
  openLibrary: () => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') }),
  storage: async () =>
    ensurePersisted(navigator.storage, await browser.permissions.contains({ permissions: ['unlimitedStorage'] }).catch(() => false)),
  sharing: {
    load: () => loadConnection(area),
    save: (connection) => saveConnection(area, connection),
    forget: () => forgetConnection(area),
    requestHost: (pattern) => browser.permissions.request({ origins: [pattern] }),
    removeHost: async (pattern) => void (await browser.permissions.remove({ origins: [pattern] })),
    groups: (serverUrl, token) => new HypothesisClient({ serverUrl, token, groupId: '', fetch: (url, init) => fetch(url, init) }).groups(),
  },
  // Every highlight the group has or is about to get (shared, waiting, or stopped after a failure).
  sharedHere: async () => {
    const answer = await toBackground.send({ type: 'sharing/status' });
    if (!answer.ok || answer.value.group === null) return null;
    return { group: answer.value.group, count: Object.keys(answer.value.states).length };
  },
};

render(<OptionsApp env={env} />, document.getElementById('app')!);
