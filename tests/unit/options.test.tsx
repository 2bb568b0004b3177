// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing';
import { OptionsApp, type OptionsEnv } from '../../entrypoints/options/App';
import { loadSettings, saveSettings, storageKeyOf, watchSettings } from '../../lib/settings';
import { directWrites, seededStore } from './popup-fixtures';
import { pageRoot } from './page-root';
import { setLocale } from '../../components/i18n';

const ui = pageRoot({ shownChars: 800, reset: () => fakeBrowser.reset() });
const { until, button } = ui;

function field(text: string): HTMLInputElement | HTMLTextAreaElement {
  const l = [...ui.root.querySelectorAll('label')].find((x) => x.textContent?.trim().startsWith(text));
  const control = l?.querySelector('input, textarea');
  if (!control) throw new Error(`no field labelled ${text}`);
  return control as HTMLInputElement;
}
const type = (el: HTMLInputElement | HTMLTextAreaElement, value: string) =>
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
const submit = (form: HTMLFormElement) => act(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
const stored = async () => {
  const loaded = await loadSettings(fakeBrowser.storage.local);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.value.settings;
};

async function show(overrides: Partial<OptionsEnv> = {}) {
  const { store } = await seededStore();
  const writes = directWrites(store);
  const area = fakeBrowser.storage.local;
  const opened: string[] = [];
  const env: OptionsEnv = {
    loadSettings: () => loadSettings(area),
    saveSettings: (patch) => saveSettings(area, patch),
    watchSettings: (cb) => watchSettings(fakeBrowser.storage.onChanged, area, cb),
    writes,
    shortcut: async () => 'Alt+Shift+H',
    shortcutsPage: 'chrome://extensions/shortcuts',
    openShortcutsPage: () => opened.push('shortcuts'),
    privateAccess: async () => false,
    openLibrary: () => opened.push('library'),
    ...overrides,
  };
  act(() => render(<OptionsApp env={env} />, ui.root));
  await until(() => ui.root.querySelector('main') !== null, 'the settings to load');
  return { store, writes, opened };
}

describe('the watch-list', () => {
  it('turns a built-in entity off and on again, in browser storage where the content script reads it', async () => {
    await show();
    const kuaishou = field('Kuaishou') as HTMLInputElement;
    expect(kuaishou.checked).toBe(true);
    act(() => kuaishou.click());
    await until(() => ui.root.textContent!.includes('Saved.'), 'the save');
    expect((await stored()).disabledEntities).toEqual(['kuaishou']);
    expect(await fakeBrowser.storage.local.get(storageKeyOf('disabledEntities'))).toEqual({ 'settings.disabledEntities': ['kuaishou'] });
    act(() => (field('Kuaishou') as HTMLInputElement).click());
    await until(() => (field('Kuaishou') as HTMLInputElement).checked, 'the toggle back');
    expect((await stored()).disabledEntities).toEqual([]);
  });

  it('adds the user’s own term with variants in both scripts and a colour', async () => {
    await show();
    type(field('Name'), 'Market regulator');
    type(field('Variants to look for'), 'SAMR\n市场监管总局\n市場監管總局');
    submit(ui.root.querySelector('form.options-term-form') as HTMLFormElement);
    await until(() => ui.root.textContent!.includes('Now looking for “Market regulator”.'), 'the new term');
    const [term] = (await stored()).userTerms;
    expect(term).toMatchObject({ id: 'user-market-regulator', label: 'Market regulator', terms: ['SAMR', '市场监管总局', '市場監管總局'] });
    expect(term!.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(ui.root.querySelector('.options-entities:last-of-type')?.textContent).toContain('SAMR · 市场监管总局 · 市場監管總局');
    expect((field('Name') as HTMLInputElement).value).toBe('');
  });

  it('explains in the interface language why a term cannot be added, and stores nothing', async () => {
    setLocale('zh');
    await show();
    type(field('名称'), '网');
    type(field('要查找的写法'), '网\n微博');
    submit(ui.root.querySelector('form.options-term-form') as HTMLFormElement);
    await until(() => ui.root.querySelector('.options-problems') !== null, 'the problems');
    const problems = ui.root.querySelector('.options-problems')!.textContent!;
    expect(problems).toContain('“网”太短');
    expect(problems).toContain('“微博”已作为“Weibo”被查找');
    expect((await stored()).userTerms).toEqual([]);
  });

  it('edits a term in place and removes it with undo', async () => {
    await saveSettings(fakeBrowser.storage.local, {
      userTerms: [{ id: 'user-npc', label: 'NPC', terms: ['NPC'], color: '#12a594' }],
      disabledEntities: ['user-npc'],
    });
    await show();
    act(() => button('Edit the term NPC').click());
    type(field('Variants to look for'), 'NPC\n全国人大');
    submit(ui.root.querySelector('form.options-term-form') as HTMLFormElement);
    await until(() => ui.root.textContent!.includes('全国人大'), 'the edit');
    expect((await stored()).userTerms[0]).toEqual({ id: 'user-npc', label: 'NPC', terms: ['NPC', '全国人大'], color: '#12a594' });

    act(() => button('Remove the term NPC').click());
    await until(() => ui.root.textContent!.includes('Removed “NPC”.'), 'the removal');
    expect((await stored()).userTerms).toEqual([]);
    expect((await stored()).disabledEntities).toEqual([]);
    act(() => button('Undo').click());
    await until(() => ui.root.textContent!.includes('Looks for: NPC · 全国人大'), 'the undo');
    expect((await stored()).disabledEntities).toEqual(['user-npc']);
  });

  it('keeps a colour the user picks for a built-in entity, and goes back to the default on request', async () => {
    await show();
    const picker = ui.root.querySelector('input[aria-label="Colour of Weibo"]') as HTMLInputElement;
    act(() => {
      picker.value = '#123456';
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => ui.root.querySelector('button[aria-label="Use the default colour for Weibo"]') !== null, 'the colour');
    expect((await stored()).colors).toEqual({ weibo: '#123456' });
    act(() => button('Use the default colour for Weibo').click());
    await until(() => ui.root.querySelector('button[aria-label="Use the default colour for Weibo"]') === null, 'the reset');
    expect((await stored()).colors).toEqual({});
  });

  it('shows a change made in another options tab', async () => {
    await show();
    await saveSettings(fakeBrowser.storage.local, { disabledEntities: ['douyin'] });
    await until(() => !(field('Douyin') as HTMLInputElement).checked, 'the other tab’s change');
  });
});

describe('where spotting runs and private windows', () => {
  it('limits spotting to listed sites and refuses entries that are not sites', async () => {
    await show();
    act(() => (field('Only on these sites') as HTMLInputElement).click());
    const list = ui.root.querySelector('.options-sites textarea') as HTMLTextAreaElement;
    type(list, 'https://www.caixin.com/2023/\nnot a site');
    act(() => button('Save the sites').click());
    await until(() => ui.root.querySelector('.options-problems') !== null, 'the refusal');
    expect(ui.root.querySelector('.options-problems')!.textContent).toContain('Not a site: not');
    expect((await stored()).sites).toEqual({ mode: 'all' });
    type(list, 'https://www.caixin.com/2023/\nscmp.com');
    act(() => button('Save the sites').click());
    await until(() => ui.root.textContent!.includes('Saved.'), 'the save');
    expect((await stored()).sites).toEqual({ mode: 'list', hosts: ['caixin.com', 'scmp.com'] });
  });

  it('stores nothing from private windows by default, and says whether the browser runs the extension there', async () => {
    await show();
    expect((field('Store nothing from private windows') as HTMLInputElement).checked).toBe(true);
    expect(ui.root.textContent).toContain('The browser does not run Qinglang Lens in private windows');
    act(() => (field('Keep highlights made in private windows') as HTMLInputElement).click());
    await until(() => ui.root.textContent!.includes('Saved.'), 'the save');
    expect((await stored()).privateWindows).toBe('allow');
  });
});

describe('shortcut help and the user’s data', () => {
  it('shows the current shortcut and where to change it', async () => {
    const { opened } = await show();
    expect(ui.root.querySelector('kbd')?.textContent).toBe('Alt+Shift+H');
    expect(ui.root.textContent).toContain('chrome://extensions/shortcuts');
    act(() => button('Change shortcuts').click());
    expect(opened).toEqual(['shortcuts']);
  });

  it('reminds the user to export a backup before anything is deleted', async () => {
    const { opened } = await show();
    expect(ui.root.textContent).toContain('Removing the extension deletes it all');
    act(() => button('Open the library').click());
    expect(opened).toContain('library');
  });

  it('deletes everything only after a second, explicit confirmation, and keeps the settings', async () => {
    await saveSettings(fakeBrowser.storage.local, { privateWindows: 'allow' });
    const { store, writes } = await show();
    act(() => button('Delete everything…').click());
    expect(writes.calls).toEqual([]);
    expect(document.activeElement?.textContent).toBe('Keep my highlights');
    act(() => button('Keep my highlights').click());
    expect(writes.calls).toEqual([]);
    act(() => button('Delete everything…').click());
    act(() => button('Delete everything').click());
    await until(() => ui.root.textContent!.includes('Every highlight, fact and saved page was deleted.'), 'the deletion');
    const all = await store.allHighlights();
    expect(all.ok && all.value).toEqual([]);
    expect((await stored()).privateWindows).toBe('allow');
  });

  it('says that shared highlights stay in the group, and takes them back only when the user ticks the box', async () => {
    const sharedHere = async () => ({ group: 'China desk', count: 3 });
    const { writes } = await show({ sharedHere });
    act(() => button('Delete everything…').click());
    await until(() => ui.root.textContent!.includes('3 of your highlights are shared with “China desk”'), 'the shared count');
    expect(ui.root.textContent).toContain('leaves them in the group, where your teammates still see them');
    const box = field('Also take my shared highlights back from “China desk”') as HTMLInputElement;
    expect(box.checked).toBe(false);
    act(() => button('Delete everything').click());
    await until(() => ui.root.textContent!.includes('Every highlight, fact and saved page was deleted.'), 'the deletion');
    expect(writes.calls).toEqual(['delete-all']);

    act(() => button('Delete everything…').click());
    await until(() => ui.root.textContent!.includes('3 of your highlights'), 'the shared count again');
    act(() => (field('Also take my shared highlights back') as HTMLInputElement).click());
    act(() => button('Delete everything').click());
    await until(() => ui.root.textContent!.includes('being taken back from “China desk”'), 'the take-back');
    expect(writes.calls).toEqual(['delete-all', 'delete-all, take back shared']);
  });

  it('asks nothing about sharing when nothing is shared', async () => {
    const { writes } = await show({ sharedHere: async () => ({ group: 'China desk', count: 0 }) });
    act(() => button('Delete everything…').click());
    await new Promise((r) => setTimeout(r, 20));
    expect(ui.root.textContent).not.toContain('shared with');
    act(() => button('Delete everything').click());
    await until(() => ui.root.textContent!.includes('Every highlight, fact and saved page was deleted.'), 'the deletion');
    expect(writes.calls).toEqual(['delete-all']);
  });

  it('reports a setting that could not be read instead of hiding it', async () => {
    await fakeBrowser.storage.local.set({ [storageKeyOf('privateWindows')]: 'sometimes' });
    await show();
    expect(ui.root.textContent).toContain('Some stored settings could not be read and were reset: the private-window choice.');
  });
});
