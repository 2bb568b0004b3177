// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { AddFactForm } from '../../components/AddFactForm';
import { HighlightCard, type CardHighlight } from '../../components/page/HighlightCard';
import { HighlightItem } from '../../components/HighlightItem';
import { LibraryApp, type LibraryEnv } from '../../entrypoints/library/App';
import { movedText } from '../../entrypoints/lens.content/highlights/restorer';
import { parseHandFigure } from '../../lib/facts';
import { defaultSettings } from '../../lib/settings';
import type { Highlight } from '../../lib/types';
import { CLOSED_EN, directWrites, seededStore } from './popup-fixtures';
import { pageRoot } from './page-root';

/*
 * The two answers to a passage changed since saved, and the "add a fact" form, in the
 * page card, the popup's list and the library.
 */

const ui = pageRoot({ shownChars: 600 });
const { until, button } = ui;

const type = (el: HTMLInputElement, value: string) =>
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
const choose = (el: HTMLSelectElement | HTMLInputElement, value: string) =>
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
function field(root: ParentNode, text: string): HTMLInputElement {
  const l = [...root.querySelectorAll('label')].find((x) => x.textContent?.trim().startsWith(text));
  const control = l?.querySelector('input, select');
  if (!control) throw new Error(`no field labelled ${text}`);
  return control as HTMLInputElement;
}
function openAddFact(root: ParentNode): HTMLFormElement {
  const details = root.querySelector('details.ql-add-fact') as HTMLDetailsElement;
  act(() => {
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
  });
  return root.querySelector('form.ql-add-fact__form') as HTMLFormElement;
}
const submit = async (form: HTMLFormElement) => {
  await act(async () => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
};

const changed = { text: 'The CAC closed 66,600 accounts.', was: ['67,000'], now: ['66,600'] };

describe('reading the figure the user types', () => {
  it('reads figures as extraction does, keeping how they were written and their hedge', () => {
    expect(parseHandFigure('66,600')).toEqual({ value: 66600, figureText: '66,600' });
    expect(parseHandFigure('1.4 million')).toEqual({ value: 1_400_000, figureText: '1.4 million' });
    expect(parseHandFigure('６．６６万')).toEqual({ value: 66600, figureText: '6.66万' });
    expect(parseHandFigure('more than 500')).toEqual({ value: 500, figureText: '500', qualifier: 'more than' });
    expect(parseHandFigure('980餘')).toEqual({ value: 980, figureText: '980', qualifier: 'more than' });
  });

  it('refuses anything that is not one figure', () => {
    for (const typed of ['', 'many', '5 accounts', '1 2', 'eight hundred thousand and some']) expect(parseHandFigure(typed)).toBeUndefined();
  });
});

describe('the "add a fact" form', () => {
  it('sends the figure, unit, action and period, and empties the figure once stored', async () => {
    const onAdd = vi.fn(async () => true);
    act(() => render(<AddFactForm onAdd={onAdd} />, ui.root));
    const form = openAddFact(ui.root);
    type(field(form, 'Figure'), '6.66万余');
    choose(field(form, 'Unit'), 'accounts');
    choose(field(form, 'Action'), 'closed');
    choose(field(form, 'From'), '2023-03-10');
    choose(field(form, 'To'), '2023-05-22');
    await submit(form);
    expect(onAdd).toHaveBeenCalledWith({
      value: 66600, figureText: '6.66万', qualifier: 'more than', unit: 'accounts', action: 'closed',
      period: { from: '2023-03-10', to: '2023-05-22' },
    });
    expect(field(form, 'Figure').value).toBe('');
  });

  it('says what is wrong, and sends nothing, for a figure in words or a period that ends first', async () => {
    const onAdd = vi.fn(async () => true);
    act(() => render(<AddFactForm onAdd={onAdd} />, ui.root));
    const form = openAddFact(ui.root);
    type(field(form, 'Figure'), 'a few hundred');
    await submit(form);
    expect(form.querySelector('[role="alert"]')?.textContent).toContain('Write the figure in digits');
    type(field(form, 'Figure'), '512');
    choose(field(form, 'From'), '2024-02-01');
    choose(field(form, 'To'), '2024-01-01');
    await submit(form);
    expect(form.querySelector('[role="alert"]')?.textContent).toContain('ends before it starts');
    expect(onAdd).not.toHaveBeenCalled();
  });

  it('keeps what was typed when the store refused it', async () => {
    act(() => render(<AddFactForm onAdd={async () => false} />, ui.root));
    const form = openAddFact(ui.root);
    type(field(form, 'Figure'), '512');
    await submit(form);
    expect(field(form, 'Figure').value).toBe('512');
  });
});

describe('the page card', () => {
  const highlight: CardHighlight = { id: 'h1', quote: 'The CAC closed 67,000 accounts.', note: '', tags: [], color: 'yellow' };

  it('shows the old and the new figure, and gives both answers', () => {
    const onResolveChange = vi.fn();
    act(() =>
      render(
        <HighlightCard highlight={{ ...highlight, changed }} at={{ x: 0, y: 0 }} onChange={vi.fn()} onDelete={vi.fn()} onClose={vi.fn()} onResolveChange={onResolveChange} onAddFact={async () => true} />,
        ui.root,
      ),
    );
    expect(ui.root.querySelector('.ql-card__changed')?.textContent).toContain('the page now says 66,600 where you saved 67,000');
    act(() => button('Keep saved text').click());
    act(() => button('Take new text').click());
    expect(onResolveChange.mock.calls).toEqual([['keep'], ['take']]);
  });

  it('says nothing of a change the user kept, nor of none', () => {
    act(() =>
      render(<HighlightCard highlight={{ ...highlight, changed: { ...changed, kept: true } }} at={{ x: 0, y: 0 }} onChange={vi.fn()} onDelete={vi.fn()} onClose={vi.fn()} />, ui.root),
    );
    expect(ui.root.querySelector('.ql-card__changed')).toBeNull();
    expect(ui.root.textContent).not.toContain('Keep saved text');
  });

  it('adds a fact from the card', async () => {
    const onAddFact = vi.fn(async () => true);
    act(() => render(<HighlightCard highlight={highlight} at={{ x: 0, y: 0 }} onChange={vi.fn()} onDelete={vi.fn()} onClose={vi.fn()} onAddFact={onAddFact} />, ui.root));
    const form = openAddFact(ui.root);
    type(field(form, 'Figure'), '512');
    choose(field(form, 'Action'), 'penalised');
    await submit(form);
    expect(onAddFact).toHaveBeenCalledWith({ value: 512, figureText: '512', action: 'penalised' });
  });
});

describe('the popup and side panel list', () => {
  it('shows the change with its answers only where the view can write', () => {
    const h = { id: 'h1', quote: 'q', facts: [], tags: [], note: '', color: 'yellow', page: { url: 'https://a.example/', title: 'A' }, url: 'https://a.example/', changed } as unknown as Highlight;
    const onResolveChange = vi.fn();
    act(() => render(<HighlightItem highlight={h} onResolveChange={onResolveChange} />, ui.root));
    expect(ui.root.textContent).toContain('66,600 where you saved 67,000');
    act(() => button('Take new text').click());
    expect(onResolveChange).toHaveBeenCalledWith('h1', 'take');
    act(() => render(<HighlightItem highlight={h} />, ui.root));
    expect(ui.root.textContent).toContain('66,600 where you saved 67,000');
    expect(ui.root.textContent).not.toContain('Take new text');
  });
});

describe('re-anchoring tells the background only what it does not know', () => {
  const h = { quote: 'The CAC closed 67,000 accounts.' } as Highlight;
  it('reports other text once, the quote again only while marked, and nothing on a normal visit', () => {
    expect(movedText({ highlight: h }, undefined)).toBeUndefined();
    expect(movedText({ highlight: h }, h.quote)).toBeUndefined();
    expect(movedText({ highlight: h }, changed.text)).toBe(changed.text);
    expect(movedText({ highlight: h, reportedText: changed.text }, changed.text)).toBeUndefined();
    expect(movedText({ highlight: { ...h, changed } }, changed.text)).toBeUndefined();
    expect(movedText({ highlight: { ...h, changed } }, undefined)).toBe(h.quote);
    expect(movedText({ highlight: { ...h, changed } }, 'The CAC closed 65,000 accounts.')).toBe('The CAC closed 65,000 accounts.');
  });
});

describe('the library', () => {
  async function library() {
    const { store, highlights } = await seededStore();
    const writes = directWrites(store);
    const env: LibraryEnv = {
      openStore: async () => ({ ok: true, value: store }),
      loadSettings: async () => defaultSettings(),
      writes,
      download: () => undefined,
      openOptions: () => undefined,
      now: () => new Date(2023, 5, 30, 12),
    };
    return { store, highlights, writes, env };
  }
  const articleOf = (quote: string) =>
    [...ui.root.querySelectorAll('article.ql-highlight')].find((a) => a.querySelector('.ql-highlight__quote')?.textContent === quote)!;

  it('adds a fact by hand to a highlight, stored with it and shown with its facts', async () => {
    const { store, highlights, env } = await library();
    act(() => render(<LibraryApp env={env} />, ui.root));
    await until(() => ui.root.querySelector('.library__body') !== null, 'the library to load');
    const target = highlights.find((h) => h.quote === CLOSED_EN)!;
    const form = openAddFact(articleOf(CLOSED_EN));
    type(field(form, 'Figure'), '1.4 million');
    choose(field(form, 'Unit'), 'posts');
    choose(field(form, 'Action'), 'removed');
    await submit(form);
    await until(() => ui.root.textContent!.includes('Fact added.'), 'the fact to be added');
    const stored = await store.getHighlight(target.id);
    const hand = stored.ok ? stored.value!.facts.filter((f) => f.origin === 'hand') : [];
    expect(hand.map((f) => [f.value, f.figureText, f.unit, f.action])).toEqual([[1_400_000, '1.4 million', 'posts', 'removed']]);
    const factLines = [...articleOf(CLOSED_EN).querySelectorAll('ul.ql-list li')].map((li) => li.textContent);
    expect(factLines.filter((l) => l?.includes('added by you'))).toEqual([expect.stringContaining('1.4 million')]);
  });

  it('keeps the saved text of a changed highlight on request', async () => {
    const { store, highlights, writes, env } = await library();
    const target = highlights.find((h) => h.quote === CLOSED_EN)!;
    const marked = await store.reviseHighlight(target.id, (h) => ({ ...h, changed: { text: CLOSED_EN.replace('1,200', '1,300'), was: ['1,200'], now: ['1,300'] } }), 'mark');
    expect(marked.ok).toBe(true);
    act(() => render(<LibraryApp env={env} />, ui.root));
    await until(() => ui.root.querySelector('.library__body') !== null, 'the library to load');
    expect(articleOf(CLOSED_EN).textContent).toContain('the page now says 1,300 where you saved 1,200');
    act(() => (articleOf(CLOSED_EN).querySelector('.ql-changed__actions button') as HTMLButtonElement).click());
    await until(() => !articleOf(CLOSED_EN).textContent!.includes('the page now says'), 'the change to be kept');
    expect(writes.calls).toEqual([`keep ${target.id}`]);
    const stored = await store.getHighlight(target.id);
    expect(stored.ok && stored.value!.changed?.kept).toBe(true);
    expect(stored.ok && stored.value!.quote).toBe(CLOSED_EN);
  });
});
