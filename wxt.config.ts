import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The manifest asks for the least the features need; README.md justifies each permission.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: lib/ must stay free of framework globals, and WXT's
  // auto-import of components/ clashed with components/index.ts.
  imports: false,
  // `npm start` runs WXT's dev runner on the installed Chromium, opened on the demo article.
  webExt: {
    binaries: { chrome: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    startUrls: process.env.QINGLANG_START_URL ? [process.env.QINGLANG_START_URL] : [],
    chromiumArgs: [
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Chromium refuses to run as root without it (containers, CI boxes).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  },
  // QINGLANG_UNMINIFIED=1: a build with readable function names, beside the real one, for
  // CPU profiles (bench/page-profile.ts); LENS_EXTENSION_DIR points the harness at it.
  ...(process.env.QINGLANG_UNMINIFIED ? { outDir: '.output-unminified' } : {}),
  vite: () => ({
    plugins: [preact()],
    ...(process.env.QINGLANG_UNMINIFIED ? { build: { minify: false } } : {}),
  }),
  manifest: ({ browser }) => ({
    // Name and description in the browser's language (public/_locales: en, zh_CN, zh_TW).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'alarms'],
    // Sharing (off by default): the one server the user connects is asked for at that moment
    // (permissions.request) and given back on disconnect; nothing is granted at install.
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    action: { default_title: '__MSG_extName__' },
    // The highlight shortcut; users can change it at chrome://extensions/shortcuts.
    commands: {
      'save-highlight': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_saveHighlightCommand__',
      },
    },
    // The card of a saved highlight is an extension page framed into the page (its note
    // and tags typed out of the page's hearing; lens.content/highlights/card-frame-link.ts).
    // Chrome: only under the per-session dynamic id, so a page cannot probe a fixed
    // chrome-extension:// address to learn the extension is installed. Firefox's
    // moz-extension:// addresses are a random id per installation already, and it has no
    // use_dynamic_url (WXT writes the Firefox MV2 list form from this).
    web_accessible_resources: [
      {
        resources: ['card-frame.html'],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'qinglang-lens@example.org',
              // 140: the first Firefox with the CSS Custom Highlight API.
              strict_min_version: '140.0',
              // Nothing leaves the machine, and Firefox asks new add-ons to say so.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on; asking for
            // less would install there without the promise that nothing is collected.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
