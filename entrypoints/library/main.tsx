/**
 * The library page's entry: it asks the database for the newest highlights (and the
 * settings) first, and only then loads the code that shows them, so that the database
 * opens and reads while that code is fetched, compiled and run. Nothing else is awaited
 * before the first screen: sharing, page texts and the search index come after it.
 */
import '@/components/theme.css';
import './library.css';
import { browser } from 'wxt/browser';
import { defaultSettings, loadSettings, type LensSettings } from '@/lib/settings';
import { openStore } from '@/lib/store';
import { firstScreenSize } from './load';

// User Timing marks for bench/library-breakdown.ts: where the first screen's time goes.
performance.mark('ql-library:entry');
const store = openStore(indexedDB);
const size = firstScreenSize(innerHeight);
const read = store.then((s) => {
  performance.mark('ql-library:store-open');
  return s.ok ? s.value.recentHighlights(size) : s;
});
void read.then(() => performance.mark('ql-library:first-screen-read'));
const firstScreen = { size, read };
const readSettings = async (): Promise<LensSettings> => {
  const loaded = await loadSettings(browser.storage.local);
  return loaded.ok ? loaded.value.settings : defaultSettings();
};
const settings = readSettings();

void import('./mount').then(({ mount }) => {
  performance.mark('ql-library:views-loaded');
  mount({ store, settings, firstScreen, readSettings });
});
