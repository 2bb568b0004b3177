// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { LibraryApp, type LibraryEnv } from '../../entrypoints/library/App';
import { downloadText } from '../../entrypoints/library/download';
import { parseFigure } from '../../entrypoints/library/FactEditor';
import { exportFileName } from '../../entrypoints/library/library-view';
import type { ExportFile } from '../../lib/export';
import { parseImport } from '../../lib/import';
import { defaultSettings } from '../../lib/settings';
import type { LensStore } from '../../lib/store';
import type { EntityId } from '../../lib/types';
import { CLOSED_EN, CLOSED_ZH, DOUYIN_EN, FOLLOW_UP_EN, RUMOURS_EN, directWrites, freshStore, seededStore } from './popup-fixtures';
import { pageRoot } from './page-root';

const ui = pageRoot({ shownChars: 600 });
const { until, button } = ui;

/** The Facts tab, once its facts are linked (in slices, after the tab opens). */
async function openFacts(): Promise<void> {
  act(() => button(/^Facts \(/).click());
  await until(() => ui.root.querySelector('.library-fact') !== null, 'the facts to be linked');
}

const quotes = () => [...ui.root.querySelectorAll('.ql-highlight__quote')].map((q) => q.textContent);
const type = (el: HTMLInputElement | HTMLTextAreaElement, value: string) =>
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
const choose = (el: HTMLSelectElement | HTMLInputElement, value: string) =>
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
function fieldLabelled(text: string): HTMLInputElement | HTMLSelectElement {
  const l = [...ui.root.querySelectorAll('label')].find((x) => x.textContent?.trim().startsWith(text));
  const control = l?.querySelector('input, select');
  if (!control) throw new Error(`no field labelled ${text}`);
  return control as HTMLInputElement | HTMLSelectElement;
}

function envFor(store: LensStore, initialEntity?: EntityId) {
  const downloads: { file: ExportFile; name: string }[] = [];
  const writes = directWrites(store);
  const env: LibraryEnv = {
    openStore: async () => ({ ok: true, value: store }),
    loadSettings: async () => defaultSettings(),
    writes,
    download: (file, name) => downloads.push({ file, name }),
    openOptions: () => undefined,
    initialEntity,
    now: () => new Date(2023, 5, 30, 12),
  };
  return { env, downloads, writes };
}

async function show(env: LibraryEnv) {
  act(() => render(<LibraryApp env={env} />, ui.root));
  await until(() => ui.root.querySelector('.library__body') !== null, 'the library to load');
}

describe('finding highlights in the library', () => {
  it('lists every highlight, newest first, with the page it comes from', async () => {
    const { store } = await seededStore();
    await show(envFor(store).env);
    expect(quotes()).toEqual([FOLLOW_UP_EN, DOUYIN_EN, CLOSED_ZH, CLOSED_EN]);
    // Outlet and publication date first, as a researcher cites them.
    expect(ui.root.textContent).toContain('Example Daily · published 2023-05-26 · Weibo closes accounts in rumour crackdown');
  });

  it('finds the simplified 国家网信办 when searching the traditional 網信辦', async () => {
    const { store } = await seededStore();
    await show(envFor(store).env);
    type(ui.root.querySelector('input[type="search"]') as HTMLInputElement, '網信辦');
    // Its words are in the Chinese quote, which comes first; the others name the CAC otherwise, and each says why it is there.
    expect(quotes()[0]).toBe(CLOSED_ZH);
    expect(quotes().length).toBeGreaterThan(1);
    const reasons = [...ui.root.querySelectorAll('.ql-match')].map((p) => p.textContent);
    expect(reasons).toEqual(quotes().map(() => 'Found because: mentions CAC'));
  });

  it('searches notes and tags too, in either language', async () => {
    const { store } = await seededStore();
    await show(envFor(store).env);
    type(ui.root.querySelector('input[type="search"]') as HTMLInputElement, '英文報道');
    expect(quotes()).toEqual([CLOSED_ZH]);
    type(ui.root.querySelector('input[type="search"]') as HTMLInputElement, 'to-cite');
    expect(quotes()).toEqual([DOUYIN_EN]);
  });

  it('filters by tag and by site, and says when nothing is left', async () => {
    const { store } = await seededStore();
    await show(envFor(store).env);
    choose(fieldLabelled('Tag') as HTMLSelectElement, 'rumours');
    expect(quotes()).toEqual([CLOSED_EN]);
    choose(fieldLabelled('Site') as HTMLSelectElement, '示例新闻');
    expect(ui.root.textContent).toContain('Nothing matches the search and filters.');
    act(() => button('Clear filters').click());
    expect(quotes()).toHaveLength(4);
  });

  it('opens the view of one entity, with its description and only what is about it', async () => {
    const { store } = await seededStore();
    await show(envFor(store).env);
    act(() => button(/^Douyin/).click());
    expect(quotes()).toEqual([DOUYIN_EN]);
    expect(ui.root.querySelector('.library-entity')?.textContent).toContain("ByteDance's short-video app");
    expect(button(/^Douyin/).getAttribute('aria-current')).toBe('true');
    act(() => button('Everything').click());
    expect(quotes()).toHaveLength(4);
  });

  it('starts on the entity named in the address (library.html?entity=qinglang)', async () => {
    const { store } = await seededStore();
    await show(envFor(store, 'qinglang').env);
    expect(quotes()).toEqual([FOLLOW_UP_EN]);
  });
});

describe('changing highlights and facts', () => {
  it('deletes a highlight and brings it back with undo', async () => {
    const { store } = await seededStore();
    await show(envFor(store).env);
    act(() => button(/^Delete the highlight “Douyin removed/).click());
    await until(() => !quotes().includes(DOUYIN_EN), 'the delete');
    expect((await store.allHighlights()).ok && (await store.allHighlights())).toMatchObject({ value: { length: 3 } });
    act(() => button('Undo').click());
    await until(() => quotes().includes(DOUYIN_EN), 'the undo');
    const all = await store.allHighlights();
    expect(all.ok && all.value.length).toBe(4);
  });

  it('shows a fact reported by two outlets once, with both sources, and unlinks them on request (with undo)', async () => {
    const { store } = await seededStore();
    await show(envFor(store).env);
    await openFacts();
    const groupWith = (text: string) => [...ui.root.querySelectorAll('.library-fact')].filter((g) => g.textContent?.includes(text));
    expect(groupWith('2 sources')).toHaveLength(1);
    act(() => button(/^Unlink the report from 示例新闻/).click());
    await until(() => ui.root.textContent!.includes('is no longer linked'), 'the unlink');
    // Linked again, in slices, for the changed data.
    await until(() => groupWith('1,200 accounts closed').length === 2, 'the facts linked again');
    expect(groupWith('2 sources')).toHaveLength(0);
    expect(groupWith('1,200 accounts closed')).toHaveLength(2);
    // Stored, so the popup and the next visit see it too.
    const facts = await store.allFacts();
    expect(facts.ok && facts.value.filter((f) => (f.unlinked ?? []).length > 0)).toHaveLength(1);
    act(() => button('Undo').click());
    await until(() => ui.root.textContent!.includes('The link is back.'), 'the undo');
    await until(() => groupWith('2 sources').length === 1, 'the facts linked again');
  });

  it('corrects a figure that was read wrongly', async () => {
    const { store } = await seededStore();
    await show(envFor(store).env);
    await openFacts();
    openCorrections();
    const form = ui.root.querySelector('form[aria-label^="Correct the figure “820”"]') as HTMLFormElement;
    expect(form).not.toBeNull();
    type(form.querySelector('input') as HTMLInputElement, '8,200');
    act(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await until(() => ui.root.textContent!.includes('Fact corrected.'), 'the correction');
    const facts = await store.allFacts();
    expect(facts.ok && facts.value.map((f) => f.value)).toContain(8200);
    expect(ui.root.textContent).toContain('8,200 accounts banned');
  });

  it('refuses a figure that is not a number, and stores nothing', async () => {
    expect(parseFigure('６７，０００'.replace('，', ','))).toBe(67000);
    expect(parseFigure('1.4e6')).toBe(1_400_000);
    expect(parseFigure('about 5')).toBeNaN();
    const { store } = await seededStore();
    const { env, writes } = envFor(store);
    await show(env);
    await openFacts();
    openCorrections();
    const form = ui.root.querySelector('form[aria-label^="Correct the figure “820”"]') as HTMLFormElement;
    type(form.querySelector('input') as HTMLInputElement, 'eight hundred');
    act(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(form.querySelector('[role="alert"]')?.textContent).toContain('Write the number in digits');
    expect(writes.calls).toEqual([]);
  });

  it('shows the campaign facts on a timeline by period, the latest period first', async () => {
    const { store } = await seededStore();
    await show(envFor(store).env);
    act(() => button('Timeline').click());
    const periods = [...ui.root.querySelectorAll('.ql-timeline__period')].map((h) => h.textContent);
    // The Douyin figures carry only their article's date (May); the closures ran from March.
    expect(periods).toEqual(['May 2023', 'March 2023']);
  });
});

/** A download's content as text (a .zip of notes is stored uncompressed, so its notes read as text too). */
const contentOf = (file: ExportFile) => file.text ?? new TextDecoder().decode(file.bytes);

/** Opens every "Correct these figures" disclosure (its editors are made only when it opens). */
function openCorrections(): void {
  for (const details of ui.root.querySelectorAll('details.library-fact__correct')) {
    act(() => {
      (details as HTMLDetailsElement).open = true;
      details.dispatchEvent(new Event('toggle'));
    });
  }
}

describe('export and import', () => {
  it('exports only what the filter shows, or everything when asked, under a dated file name', async () => {
    const { store } = await seededStore();
    const { env, downloads } = envFor(store);
    await show(env);
    choose(fieldLabelled('Tag') as HTMLSelectElement, 'douyin');
    act(() => button('JSON (Web Annotation)').click());
    // Exporting reads the page records first (they are not read to show the library).
    await until(() => downloads.length === 1, 'the JSON file');
    expect(downloads[0]!.name).toBe('qinglang-lens-2023-06-30.jsonld');
    const filtered = parseImport(contentOf(downloads[0]!.file));
    expect(filtered.ok && filtered.highlights.map((h) => h.quote)).toEqual([DOUYIN_EN]);

    act(() => (ui.root.querySelectorAll('.ql-transfer__scope input[type="radio"]')[1] as HTMLInputElement).click());
    act(() => button('Markdown').click());
    await until(() => downloads.length === 2, 'the Markdown file');
    const markdown = contentOf(downloads[1]!.file);
    expect(markdown).toContain(`> ${CLOSED_EN}`);
    expect(markdown).toContain(RUMOURS_EN.url);
    act(() => button('CSV: one row per highlight').click());
    await until(() => downloads.length === 3, 'the CSV file');
    expect(contentOf(downloads[2]!.file).startsWith('\uFEFF')).toBe(true);
    expect(contentOf(downloads[2]!.file)).toContain('国家网信办通报');
    expect(ui.root.textContent).toContain('Exported as CSV: one row per highlight. Highlights: 4.');
  });

  it('imports an export into an empty library and reports what it added; a second import skips them', async () => {
    const { store } = await seededStore('export-source');
    const source = envFor(store);
    await show(source.env);
    act(() => button('JSON (Web Annotation)').click());
    await until(() => source.downloads.length === 1, 'the export');
    act(() => render(null, ui.root));

    const empty = await freshStore('import-target');
    const { env } = envFor(empty);
    await show(env);
    expect(ui.root.textContent).toContain('No highlights yet.');
    const input = ui.root.querySelector('input[type="file"]') as HTMLInputElement;
    const pick = () => {
      Object.defineProperty(input, 'files', { value: [new File([contentOf(source.downloads[0]!.file)], 'backup.jsonld')], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    act(pick);
    await until(() => ui.root.textContent!.includes('Import finished'), 'the import');
    expect(ui.root.textContent).toContain('Import finished: 4 added, 0 updated, 0 skipped.');
    expect(quotes()).toEqual([FOLLOW_UP_EN, DOUYIN_EN, CLOSED_ZH, CLOSED_EN]);
    act(pick);
    await until(() => ui.root.textContent!.includes('0 added, 0 updated, 4 skipped'), 'the second import');
  });

  it('refuses a hostile file with a clear message and changes nothing', async () => {
    const { store } = await seededStore();
    const { env, writes } = envFor(store);
    await show(env);
    const input = ui.root.querySelector('input[type="file"]') as HTMLInputElement;
    const hostile = '{"type":"AnnotationCollection","items":[{"__proto__":{"admin":true},"type":"Annotation"}]}';
    act(() => {
      Object.defineProperty(input, 'files', { value: [new File([hostile], 'evil.json')] });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => ui.root.querySelector('[role="alert"]') !== null, 'the refusal');
    expect(ui.root.querySelector('[role="alert"]')!.textContent).toContain('__proto__');
    expect(writes.calls).toEqual([]);
    const all = await store.allHighlights();
    expect(all.ok && all.value.length).toBe(4);
  });
});

describe('saving a file', () => {
  it('downloads through a temporary object URL and lets go of it afterwards', () => {
    const made: Blob[] = [];
    const revoked: string[] = [];
    const pending: (() => void)[] = [];
    let clicked = '';
    document.addEventListener('click', (e) => {
      const a = e.target as HTMLAnchorElement;
      clicked = `${a.download} ${a.href}`;
      e.preventDefault();
    }, { once: true });
    downloadText('\uFEFFa,b\r\n', 'text/csv;charset=utf-8', 'x.csv', {
      document,
      createObjectURL: (blob) => (made.push(blob), 'blob:lens/1'),
      revokeObjectURL: (url) => revoked.push(url),
      later: (fn) => pending.push(fn),
    });
    expect(clicked).toBe('x.csv blob:lens/1');
    expect(made[0]!.type).toBe('text/csv;charset=utf-8');
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoked).toEqual([]);
    pending.forEach((fn) => fn());
    expect(revoked).toEqual(['blob:lens/1']);
    expect(exportFileName('.md', new Date(2024, 0, 5))).toBe('qinglang-lens-2024-01-05.md');
  });
});
