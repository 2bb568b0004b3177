// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FilterBar } from '../../components/FilterBar';
import { setLocale, t } from '../../components/i18n';
import { ImportExportPanel } from '../../components/ImportExportPanel';
import { Notice, RestrictedPageNotice } from '../../components/Notice';
import { SearchBox } from '../../components/SearchBox';
import { toWebAnnotationsJson } from '../../lib/export';
import { parseImport } from '../../lib/import';
import { facetsOf } from '../../lib/search';
import { mount, type Mounted } from './components-render';
import { seedHighlights } from './export-samples';

let ui: Mounted;
beforeEach(() => {
  setLocale('en');
  ui = mount();
});
afterEach(() => ui.unmount());

function chooseFile(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('ImportExportPanel', () => {
  const noop = () => {};

  it('offers the three export formats and reports the one chosen', () => {
    const onExport = vi.fn();
    ui.show(<ImportExportPanel exportCount={12} onExport={onExport} onImport={noop} />);
    expect(ui.root.textContent).toContain('Highlights to export: 12');
    act(() => ui.button('Markdown').click());
    act(() => ui.button('CSV: one row per highlight').click());
    act(() => ui.button('JSON (Web Annotation)').click());
    expect(onExport.mock.calls.map((c) => c[0])).toEqual(['markdown', 'csv', 'json']);
  });

  it('cannot export nothing', () => {
    ui.show(<ImportExportPanel exportCount={0} onExport={noop} onImport={noop} />);
    expect(ui.button('Markdown').disabled).toBe(true);
  });

  it('has a labelled file input that hands the chosen file over', () => {
    const onImport = vi.fn();
    ui.show(<ImportExportPanel exportCount={1} onExport={noop} onImport={onImport} />);
    const input = ui.root.querySelector<HTMLInputElement>('input[type=file]');
    if (!input) throw new Error('no file input');
    expect(input.closest('label')?.textContent).toContain('Choose a JSON file to import');
    const file = new File(['{}'], 'export.jsonld', { type: 'application/ld+json' });
    chooseFile(input, file);
    expect(onImport).toHaveBeenCalledWith(file);
  });

  it('refuses a file over the limit before it is read, with a clear message', () => {
    const onImport = vi.fn();
    ui.show(<ImportExportPanel exportCount={1} onExport={noop} onImport={onImport} maxBytes={1024 * 1024} />);
    const input = ui.root.querySelector<HTMLInputElement>('input[type=file]');
    if (!input) throw new Error('no file input');
    chooseFile(input, new File(['x'.repeat(3 * 1024 * 1024)], 'huge.json'));
    expect(onImport).not.toHaveBeenCalled();
    expect(ui.root.querySelector('[role=alert]')?.textContent).toBe(
      'The file is too large to import (3 MB; the limit is 1 MB).',
    );
  });

  it('shows what an import came to, with its warnings', () => {
    const result = {
      kind: 'imported' as const,
      added: 3,
      updated: 1,
      skipped: 2,
      warnings: [{ code: 'skipped_no_quote' as const, message: 'x', params: [2] }],
    };
    ui.show(<ImportExportPanel exportCount={1} onExport={noop} onImport={noop} result={result} />);
    const status = ui.root.querySelector('[role=status]');
    expect(status?.textContent).toContain('Import finished: 3 added, 1 updated, 2 skipped.');
    expect(status?.textContent).toContain('Skipped because they quote no text from a page: 2.');
  });

  it('shows the parser’s error for a broken file, in the interface language', () => {
    const broken = toWebAnnotationsJson(seedHighlights()).slice(0, 500);
    const parsed = parseImport(broken);
    if (parsed.ok) throw new Error('a truncated file was accepted');
    ui.show(<ImportExportPanel exportCount={1} onExport={noop} onImport={noop} result={{ kind: 'error', error: parsed.error }} />);
    expect(ui.root.querySelector('[role=alert]')?.textContent).toMatch(/^The file ends too early, at line \d+/);
    setLocale('zh');
    ui.show(<ImportExportPanel exportCount={1} onExport={noop} onImport={noop} result={{ kind: 'error', error: { ...parsed.error } }} />);
    expect(ui.root.querySelector('[role=alert]')?.textContent).toMatch(/^文件在第 \d+ 行提前结束/);
  });

  it('falls back to the English message for an error it has no string for', () => {
    ui.show(<ImportExportPanel exportCount={1} onExport={noop} onImport={noop} result={{ kind: 'error', error: { message: 'The store is full.' } }} />);
    expect(ui.root.querySelector('[role=alert]')?.textContent).toBe('The store is full.');
  });
});

describe('FilterBar', () => {
  const facets = facetsOf(seedHighlights());

  it('offers each entity, site and tag with its count, under labels', () => {
    ui.show(<FilterBar facets={facets} value={{}} onChange={() => {}} entityLabel={(id) => id.toUpperCase()} />);
    const labels = [...ui.root.querySelectorAll('label')].map((l) => l.firstChild?.textContent);
    expect(labels).toEqual(['Name', 'Site', 'Tag', 'Dates are', 'From', 'To']);
    const entityOptions = [...(ui.root.querySelector('select')?.options ?? [])].map((o) => o.textContent);
    expect(entityOptions[0]).toBe('Any');
    expect(entityOptions[1]).toBe('CAC (2)');
  });

  it('reports the whole filter on each change, and clears it', () => {
    const onChange = vi.fn();
    ui.show(<FilterBar facets={facets} value={{ tags: ['figures'] }} onChange={onChange} />);
    const site = ui.root.querySelectorAll('select')[1];
    if (!site) throw new Error('no site select');
    act(() => {
      site.value = 'Example Daily';
      site.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onChange).toHaveBeenLastCalledWith({ tags: ['figures'], sites: ['Example Daily'] });
    const from = ui.root.querySelector<HTMLInputElement>('input[type=date]');
    if (!from) throw new Error('no date input');
    act(() => {
      from.value = '2023-05-01';
      from.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onChange).toHaveBeenLastCalledWith({ tags: ['figures'], from: '2023-05-01' });
    act(() => ui.button('Clear filters').click());
    expect(onChange).toHaveBeenLastCalledWith({ entities: [], sites: [], tags: [], from: undefined, to: undefined });
  });

  it('offers no clear button when nothing is filtered', () => {
    ui.show(<FilterBar facets={facets} value={{}} onChange={() => {}} />);
    expect(() => ui.button('Clear filters')).toThrow();
  });
});

describe('SearchBox', () => {
  it('is a labelled search landmark that reports what is typed', () => {
    const onInput = vi.fn();
    ui.show(<SearchBox value="" onInput={onInput} />);
    expect(ui.root.querySelector('[role=search]')).not.toBeNull();
    const input = ui.root.querySelector<HTMLInputElement>('input[type=search]');
    if (!input) throw new Error('no input');
    expect(ui.root.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Search highlights and facts');
    act(() => {
      input.value = '網信辦';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(onInput).toHaveBeenCalledWith('網信辦');
  });

  it('clears on Escape and with its clear button', () => {
    const onInput = vi.fn();
    ui.show(<SearchBox value="weibo" onInput={onInput} />);
    act(() => {
      ui.root.querySelector('input')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onInput).toHaveBeenLastCalledWith('');
    onInput.mockClear();
    act(() => ui.button('Clear the search').click());
    expect(onInput).toHaveBeenCalledWith('');
  });
});

describe('Notice', () => {
  it('announces errors at once and other messages politely', () => {
    ui.show(<Notice tone="error">Broken</Notice>);
    expect(ui.root.querySelector('[role=alert]')?.textContent).toBe('Broken');
    ui.show(<Notice tone="success">Done</Notice>);
    expect(ui.root.querySelector('[role=status]')?.textContent).toBe('Done');
  });

  it('tells the user a restricted page cannot be read and still opens the library', () => {
    const onOpenLibrary = vi.fn();
    ui.show(<RestrictedPageNotice onOpenLibrary={onOpenLibrary} />);
    expect(ui.root.textContent).toContain("This page can’t be read by extensions");
    act(() => ui.button('Open the library').click());
    expect(onOpenLibrary).toHaveBeenCalled();
  });
});

describe('interface strings', () => {
  it('has every English string in Chinese, with the same substitutions', async () => {
    const { MESSAGES } = await import('../../components/i18n');
    for (const [key, english] of Object.entries(MESSAGES.en)) {
      const chinese = MESSAGES.zh[key as keyof typeof MESSAGES.zh];
      expect(chinese, key).toBeTruthy();
      const slots = (s: string) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();
      expect(slots(chinese), key).toEqual(slots(english));
    }
  });

  it('uses keys that browser.i18n accepts as message names', async () => {
    const { MESSAGES } = await import('../../components/i18n');
    for (const key of Object.keys(MESSAGES.en)) expect(key).toMatch(/^[a-z0-9_]+$/);
  });

  it('substitutes in one pass, so a value holding "$2" stays as it is', () => {
    expect(t('import_done', ['$2', 5, 6])).toBe('Import finished: $2 added, 5 updated, 6 skipped.');
  });
});
