// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HighlightItem } from '../../components/HighlightItem';
import { HighlightList } from '../../components/HighlightList';
import { setLocale } from '../../components/i18n';
import { mount, type Mounted } from './components-render';
import { makeHighlight, seedHighlights } from './export-samples';

let ui: Mounted;
beforeEach(() => {
  setLocale('en');
  ui = mount();
});
afterEach(() => ui.unmount());

describe('HighlightItem', () => {
  it('shows the quote, note, tags and facts', () => {
    const [closed] = seedHighlights();
    if (!closed) throw new Error('no sample');
    ui.show(<HighlightItem highlight={closed} />);
    expect(ui.root.querySelector('blockquote')?.textContent).toBe(closed.quote);
    expect(ui.root.textContent).toContain('Compare with the 6.66萬 figure');
    expect([...ui.root.querySelectorAll('.ql-tag')].map((e) => e.textContent)).toEqual(['figures', 'self-media']);
    expect(ui.root.querySelector('[aria-label="Facts"]')?.textContent).toMatch(/67,000 accounts closed.*2023-03-10 – 2023-05-22/);
  });

  it('shows markup in a quote and a note as text, never as elements', () => {
    const markup = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><a href="javascript:alert(1)">x</a>';
    ui.show(<HighlightItem highlight={makeHighlight({ quote: markup, note: `<b>${markup}</b>`, tags: ['<i>t</i>'] })} />);
    expect(ui.root.querySelector('blockquote')?.textContent).toBe(markup);
    expect(ui.root.querySelector('img, script, b, i, a[href^="javascript"]')).toBeNull();
    expect(ui.root.textContent).toContain('<b><img');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('edits the note and tags and reports them on save', () => {
    const h = makeHighlight({ quote: 'Weibo closed 300 accounts.', note: 'old', tags: ['weibo'] });
    const onSave = vi.fn();
    ui.show(<HighlightItem highlight={h} onSave={onSave} />);
    act(() => ui.button(/^Edit the highlight “Weibo closed 300/).click());
    const textarea = ui.root.querySelector('textarea');
    const tags = ui.root.querySelector<HTMLInputElement>('input');
    if (!textarea || !tags) throw new Error('no form');
    act(() => {
      textarea.value = '  new note ';
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
      tags.value = 'weibo, figures，清朗, weibo';
      tags.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => ui.button('Save').click());
    expect(onSave).toHaveBeenCalledWith(h.id, { note: 'new note', tags: ['weibo', 'figures', '清朗'] });
    expect(ui.root.querySelector('form')).toBeNull();
  });

  it('closes the editor without saving on Escape', () => {
    const onSave = vi.fn();
    ui.show(<HighlightItem highlight={makeHighlight({ quote: 'Douyin.' })} onSave={onSave} />);
    act(() => ui.button(/^Edit/).click());
    act(() => {
      ui.root.querySelector('textarea')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(ui.root.querySelector('form')).toBeNull();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('moves keyboard focus into the editor and back to its Edit button', () => {
    ui.show(<HighlightItem highlight={makeHighlight({ quote: 'WeChat.' })} onSave={() => {}} />);
    act(() => ui.button(/^Edit/).click());
    expect(document.activeElement).toBe(ui.root.querySelector('textarea'));
    act(() => ui.button('Cancel').click());
    expect(document.activeElement).toBe(ui.button(/^Edit/));
  });

  it('names the highlight in the delete button and reports its id', () => {
    const h = makeHighlight({ quote: 'Kuaishou removed 900 livestreams.' });
    const onDelete = vi.fn();
    ui.show(<HighlightItem highlight={h} onDelete={onDelete} />);
    act(() => ui.button('Delete the highlight “Kuaishou removed 900 livestreams.”').click());
    expect(onDelete).toHaveBeenCalledWith(h.id);
  });

  it('links the source page only when its address is a web address', () => {
    const safe = makeHighlight({ quote: 'a' });
    ui.show(<HighlightItem highlight={safe} showPage />);
    const link = ui.root.querySelector('a');
    expect(link?.getAttribute('href')).toBe(safe.url);
    expect(link?.getAttribute('rel')).toContain('noreferrer');
    expect(link?.getAttribute('target')).toBe('_blank');

    const hostile = makeHighlight({ quote: 'b', url: 'javascript:alert(1)', page: { url: 'javascript:alert(1)', title: 'Click me' } });
    ui.show(<HighlightItem highlight={hostile} showPage />);
    expect(ui.root.querySelector('a')).toBeNull();
    expect(ui.root.textContent).toContain('Click me');
  });
});

describe('HighlightList', () => {
  it('shows orphaned highlights apart, under their own heading', () => {
    ui.show(<HighlightList highlights={seedHighlights()} />);
    const section = ui.root.querySelector('section');
    expect(section?.querySelector('h3')?.textContent).toBe('No longer found on the page');
    expect(section?.querySelectorAll('blockquote')).toHaveLength(1);
    expect(section?.textContent).toContain('網信辦表示');
    expect(ui.root.querySelectorAll('blockquote')).toHaveLength(3);
  });

  it('invites the user to select text when there is nothing saved', () => {
    ui.show(<HighlightList highlights={[]} />);
    expect(ui.root.textContent).toMatch(/No highlights yet/);
  });

  it('speaks Chinese when the locale is Chinese', () => {
    setLocale('zh');
    ui.show(<HighlightList highlights={[]} />);
    expect(ui.root.textContent).toBe('还没有划线。在页面上选中文字即可保存。');
  });
});

describe('a highlight whose figures changed since it was saved', () => {
  it('shows the figure saved and the figure on the page now', () => {
    const h = { ...makeHighlight({ quote: 'The CAC closed 67,000 accounts.' }), changed: { text: 'The CAC closed 66,600 accounts.', was: ['67,000'], now: ['66,600'] } };
    ui.show(<HighlightItem highlight={h} />);
    expect(ui.root.querySelector('.ql-highlight__changed')?.textContent).toBe('Changed since saved: the page now says 66,600 where you saved 67,000.');
  });
});
