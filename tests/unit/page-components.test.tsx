// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { HighlightCard, type CardHighlight } from '../../components/page/HighlightCard';
import { SelectionButton } from '../../components/page/SelectionButton';
import { EntityHoverCard } from '../../components/page/EntityHoverCard';
import { PageLayer, type PageLayerActions } from '../../components/page/PageLayer';
import { placeInViewport } from '../../components/page/floating';
import { parseTags } from '../../components/page/tags';
import { HIGHLIGHT_PAINT } from '../../components/page/highlight-colors';
import { HIGHLIGHT_COLORS } from '../../lib/types';
import { quotePreview } from '../../components/page/quote-preview';
import { setLocale } from '../../components/i18n';

let host: HTMLElement;

function mount(node: preact.ComponentChild): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(node, host));
  return host;
}

afterEach(() => {
  act(() => render(null, host));
  host.remove();
});

const highlight: CardHighlight = {
  id: 'h1',
  quote: 'The CAC closed 67,000 accounts between March 10 and May 22.',
  note: '',
  tags: [],
  color: 'yellow',
};
const at = { x: 40, y: 60 };

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('SelectionButton', () => {
  it('does not take the selection away when pressed', () => {
    const onSave = vi.fn();
    const root = mount(<SelectionButton at={at} onSave={onSave} />);
    const button = root.querySelector('button')!;
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    button.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    button.click();
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('cannot save twice while a save is on its way', () => {
    const onSave = vi.fn();
    const root = mount(<SelectionButton at={at} busy onSave={onSave} />);
    root.querySelector('button')!.click();
    expect(onSave).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Saving');
  });
});

describe('HighlightCard', () => {
  it('shows a quote with markup as text, never as HTML', () => {
    const quote = 'The <b>CAC</b> said <img src=x onerror="alert(1)"> nothing';
    const root = mount(
      <HighlightCard highlight={{ ...highlight, quote }} at={at} onChange={vi.fn()} onDelete={vi.fn()} onClose={vi.fn()} />,
    );
    expect(root.querySelector('b, img')).toBeNull();
    expect(root.querySelector('blockquote')!.textContent).toBe(quote);
  });

  it('saves a changed note when the field loses focus, and nothing when it did not change', () => {
    const onChange = vi.fn();
    const root = mount(
      <HighlightCard highlight={highlight} at={at} onChange={onChange} onDelete={vi.fn()} onClose={vi.fn()} />,
    );
    const note = root.querySelector('textarea')!;
    act(() => {
      note.dispatchEvent(new Event('blur'));
    });
    expect(onChange).not.toHaveBeenCalled();
    act(() => type(note, 'Compare with the Weibo figure'));
    act(() => {
      note.dispatchEvent(new Event('blur'));
    });
    expect(onChange).toHaveBeenCalledWith({ note: 'Compare with the Weibo figure' });
  });

  it('turns typed tags into a clean list', () => {
    const onChange = vi.fn();
    const root = mount(
      <HighlightCard highlight={highlight} at={at} onChange={onChange} onDelete={vi.fn()} onClose={vi.fn()} />,
    );
    const tags = root.querySelector('input')!;
    act(() => type(tags, '#qinglang, self-media，Qinglang'));
    act(() => {
      tags.dispatchEvent(new Event('blur'));
    });
    expect(onChange).toHaveBeenCalledWith({ tags: ['qinglang', 'self-media'] });
  });

  it('changes the colour at once and marks the chosen one', () => {
    const onChange = vi.fn();
    const root = mount(
      <HighlightCard highlight={highlight} at={at} onChange={onChange} onDelete={vi.fn()} onClose={vi.fn()} />,
    );
    expect(root.querySelector('[aria-checked="true"]')!.getAttribute('aria-label')).toBe('Yellow');
    (root.querySelector('[aria-label="Blue"]') as HTMLButtonElement).click();
    expect(onChange).toHaveBeenCalledWith({ color: 'blue' });
  });

  it('speaks the interface language, sharing line included', () => {
    setLocale('zh');
    try {
      const root = mount(
        <HighlightCard
          highlight={{ ...highlight, orphaned: true }}
          at={at}
          onChange={vi.fn()}
          onDelete={vi.fn()}
          onClose={vi.fn()}
          share={{ group: '中国组', state: { state: 'failed', reason: '令牌被拒绝。' } }}
        />,
      );
      const text = root.textContent!;
      for (const words of ['笔记', '标签', '删除', '完成', '页面上再也找不到这段文字。', '未能分享给 中国组：', '重试']) expect(text).toContain(words);
      expect(text).not.toMatch(/Note|Tags|Delete|Done|Retry|Share/);
      expect(root.querySelector('[role="dialog"]')!.getAttribute('aria-label')).toBe('划线');
      expect(root.querySelector('[aria-checked="true"]')!.getAttribute('aria-label')).toBe('黄色');
    } finally {
      setLocale('en');
    }
  });

  it('asks to delete, and closes on Escape after keeping what was typed', () => {
    const onDelete = vi.fn();
    const onClose = vi.fn();
    const onChange = vi.fn();
    const root = mount(
      <HighlightCard highlight={highlight} at={at} onChange={onChange} onDelete={onDelete} onClose={onClose} />,
    );
    (root.querySelector('.ql-card__delete') as HTMLButtonElement).click();
    expect(onDelete).toHaveBeenCalledTimes(1);
    const note = root.querySelector('textarea')!;
    act(() => type(note, 'typed, then Escape'));
    act(() => {
      note.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onChange).toHaveBeenCalledWith({ note: 'typed, then Escape' });
    expect(onClose).toHaveBeenCalled();
  });

  it('warns when the passage is no longer on the page', () => {
    const root = mount(
      <HighlightCard
        highlight={{ ...highlight, orphaned: true }}
        at={at}
        onChange={vi.fn()}
        onDelete={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    expect(root.textContent).toContain('could not be found');
  });
});

describe('EntityHoverCard', () => {
  const entity = { label: 'Weibo', description: 'Sina Weibo, a microblogging platform.', at };

  it('says how many facts the user collected, in words that fit the number', () => {
    expect(mount(<EntityHoverCard {...entity} facts={{ state: 'known', count: 0 }} />).textContent).toContain(
      'No facts collected yet',
    );
    act(() => render(<EntityHoverCard {...entity} facts={{ state: 'known', count: 1 }} />, host));
    expect(host.textContent).toContain('1 fact in your collection');
    act(() => render(<EntityHoverCard {...entity} facts={{ state: 'known', count: 12 }} />, host));
    expect(host.textContent).toContain('12 facts in your collection');
  });

  it('shows the description while the count is still on its way', () => {
    const root = mount(<EntityHoverCard {...entity} facts={{ state: 'loading' }} />);
    expect(root.textContent).toContain('Sina Weibo, a microblogging platform.');
    expect(root.textContent).toContain('Counting');
  });
});

describe('PageLayer', () => {
  const actions: PageLayerActions = {
    onSave: vi.fn(),
    onSaveFact: vi.fn(),
    onEdit: vi.fn(),
    onDelete: vi.fn(),
    onResolveChange: vi.fn(),
    onAddFact: vi.fn(async () => true),
    onCloseCard: vi.fn(),
    onUndo: vi.fn(),
    onDismissUndo: vi.fn(),
    onDismissNotice: vi.fn(),
  };

  it('draws nothing when there is nothing to show', () => {
    expect(mount(<PageLayer state={{}} actions={actions} />).childElementCount).toBe(0);
  });

  it('offers to undo a delete and shows a failed save as an alert', () => {
    const root = mount(
      <PageLayer
        state={{ undo: { message: 'Highlight deleted' }, notice: { message: 'Not saved: the disk is full.' } }}
        actions={actions}
      />,
    );
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('the disk is full');
    (Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Undo') as HTMLButtonElement).click();
    expect(actions.onUndo).toHaveBeenCalled();
  });

  it('keeps the card frame, hidden, at the height its last card reported, and opens the next card at it', () => {
    // happy-dom loads no frame page (and says so once on the console): the frame's box is what counts here.
    const attach = vi.fn();
    const framed: PageLayerActions = { ...actions, cardFrame: { src: '', attach } };
    const root = mount(<PageLayer state={{ cardFrame: { height: 312 } }} actions={framed} />);
    const box = (): HTMLElement => root.querySelector<HTMLElement>('.ql-card-frame')!;
    // Between cards: in place, hidden, out of sight; its 1 px border on each side around the card.
    expect(box().hidden).toBe(true);
    expect(box().style.height).toBe('314px');
    expect(root.querySelector('iframe')!.style.height).toBe('314px');
    // A card opens at that height, not at a guess (the frame reports nothing if its card is as tall).
    act(() => render(<PageLayer state={{ cardFrame: { height: 312 }, card: { highlight, at } }} actions={framed} />, host));
    expect(box().hidden).toBe(false);
    expect(box().style.height).toBe('314px');
    // Before any report, the first guess.
    act(() => render(<PageLayer state={{ cardFrame: {}, card: { highlight, at } }} actions={framed} />, host));
    expect(box().style.height).toBe('262px');
    // The frame element is put in place once and kept across those states.
    expect(attach.mock.calls.filter(([el]) => el !== null)).toHaveLength(1);
  });
});

describe('placeInViewport', () => {
  const viewport = { width: 800, height: 600 };
  it('sits below the point when there is room', () => {
    expect(placeInViewport({ x: 100, y: 100 }, { width: 200, height: 100 }, viewport)).toEqual({ left: 100, top: 108 });
  });
  it('flips above the point near the bottom and shifts left near the right edge', () => {
    expect(placeInViewport({ x: 750, y: 580 }, { width: 200, height: 100 }, viewport)).toEqual({ left: 592, top: 472 });
  });
});

describe('parseTags', () => {
  it('splits on Western and Chinese commas and drops duplicates regardless of case', () => {
    expect(parseTags('CAC，cac、 Douyin ,\n#douyin, ')).toEqual(['CAC', 'Douyin']);
  });
});

describe('placeInViewport keeps a card off its passage', () => {
  const viewport = { width: 800, height: 600 };
  it('goes above the passage’s first line, not just above its last, when there is no room below', () => {
    // A passage from y=400 to y=560: the card of 150px cannot go below.
    const placed = placeInViewport({ x: 100, y: 560, top: 400 }, { width: 300, height: 150 }, viewport);
    expect(placed.top + 150).toBeLessThanOrEqual(400);
  });
  it('stays below a passage that has room under it', () => {
    expect(placeInViewport({ x: 100, y: 200, top: 150 }, { width: 300, height: 150 }, viewport).top).toBeGreaterThanOrEqual(200);
  });
});

describe('SelectionButton with a fact sentence', () => {
  it('offers Save fact beside Highlight, and only then', () => {
    const onSaveFact = vi.fn();
    const root = mount(<SelectionButton at={at} onSave={vi.fn()} onSaveFact={onSaveFact} />);
    const buttons = [...root.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toEqual(['Highlight', 'Save fact']);
    (root.querySelectorAll('button')[1] as HTMLButtonElement).click();
    expect(onSaveFact).toHaveBeenCalledTimes(1);
    act(() => render(<SelectionButton at={at} onSave={vi.fn()} />, host));
    expect(host.querySelectorAll('button')).toHaveLength(1);
  });
});

describe('HighlightCard focus', () => {
  it('moves focus into the note when asked to, as after a save', () => {
    const root = mount(
      <HighlightCard highlight={highlight} at={at} focusOnOpen onChange={vi.fn()} onDelete={vi.fn()} onClose={vi.fn()} />,
    );
    expect(document.activeElement).toBe(root.querySelector('textarea'));
  });

  /**
   * In the card's frame the card may open before the frame is displayed, when a field
   * cannot take focus and `focus()` fails silently: the note takes focus once it can.
   * Opens a card asking for focus whose note refuses it until `display()` is called.
   */
  async function withUndisplayedCard(run: (card: { root: HTMLElement; display: () => void }) => Promise<void> | void): Promise<void> {
    let displayed = false;
    const focus = HTMLTextAreaElement.prototype.focus;
    const spy = vi.spyOn(HTMLTextAreaElement.prototype, 'focus').mockImplementation(function (this: HTMLTextAreaElement, options?: FocusOptions) {
      if (displayed) focus.call(this, options);
    });
    try {
      const root = mount(<HighlightCard highlight={highlight} at={at} focusOnOpen onChange={vi.fn()} onDelete={vi.fn()} onClose={vi.fn()} />);
      await run({ root, display: () => (displayed = true) });
    } finally {
      spy.mockRestore();
    }
  }

  it('keeps asking for the note until it can take focus (a frame displayed a moment later)', () =>
    withUndisplayedCard(async ({ root, display }) => {
      const note = root.querySelector('textarea')!;
      expect(document.activeElement).not.toBe(note);
      display();
      await vi.waitFor(() => expect(document.activeElement).toBe(note), { timeout: 1_000 });
    }));

  it('tries again when its window gains focus', () =>
    withUndisplayedCard(({ root, display }) => {
      display();
      window.dispatchEvent(new FocusEvent('focus'));
      expect(document.activeElement).toBe(root.querySelector('textarea'));
    }));

  it('never takes focus back from where the user put it meanwhile', () =>
    withUndisplayedCard(async ({ root, display }) => {
      const tags = root.querySelector<HTMLInputElement>('input')!;
      tags.focus();
      display();
      window.dispatchEvent(new FocusEvent('focus'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(document.activeElement).toBe(tags);
    }));

  it('never pulls focus into a window that does not have it, and takes it once the window is given focus', () =>
    withUndisplayedCard(async ({ root, display }) => {
      const note = root.querySelector('textarea')!;
      const hasFocus = vi.spyOn(document, 'hasFocus').mockReturnValue(false);
      display();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(document.activeElement).not.toBe(note);
      // The page focuses the card's frame: its window hears focus.
      hasFocus.mockReturnValue(true);
      window.dispatchEvent(new FocusEvent('focus'));
      expect(document.activeElement).toBe(note);
    }));

  it('takes focus as the card renders, before any paint (the frame reports the card drawn right after)', () => {
    const el = document.createElement('div');
    document.body.append(el);
    // No act(): only what runs inside render itself.
    render(<HighlightCard highlight={highlight} at={at} focusOnOpen onChange={vi.fn()} onDelete={vi.fn()} onClose={vi.fn()} />, el);
    expect(document.activeElement).toBe(el.querySelector('textarea'));
    render(null, el);
    el.remove();
  });

  it('moves focus into the note of a card drawn in a shadow root, as on a web page', () => {
    const shadowHost = document.createElement('div');
    document.body.append(shadowHost);
    const shadow = shadowHost.attachShadow({ mode: 'open' });
    const inside = document.createElement('div');
    shadow.append(inside);
    act(() => render(<HighlightCard highlight={highlight} at={at} focusOnOpen onChange={vi.fn()} onDelete={vi.fn()} onClose={vi.fn()} />, inside));
    expect(shadow.activeElement).toBe(inside.querySelector('textarea'));
    act(() => render(null, inside));
    shadowHost.remove();
  });

  it('leaves focus alone when not asked (a card opened by a click)', () => {
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    mount(<HighlightCard highlight={highlight} at={at} onChange={vi.fn()} onDelete={vi.fn()} onClose={vi.fn()} />);
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });
});

describe('quotePreview', () => {
  it('leaves a short quote whole', () => {
    expect(quotePreview('The CAC said so.', 280)).toBe('The CAC said so.');
  });
  it('cuts English at a word boundary, never inside a word', () => {
    const quote = 'The regulator announced sweeping rules for accounts ' + 'that repeatedly publish unverified reports '.repeat(10);
    const preview = quotePreview(quote, 100);
    expect(preview.endsWith('…')).toBe(true);
    const kept = preview.slice(0, -1);
    expect(quote.startsWith(kept)).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(100);
    // The next character of the quote after the cut is a space or the cut ends at a word's end.
    expect(/\s/.test(quote[kept.length]!) || /\W/.test(kept.at(-1)!)).toBe(true);
  });
  it('cuts Chinese between characters and never splits a surrogate pair', () => {
    const quote = '国家网信办近日部署开展清朗系列专项行动𠮷'.repeat(20);
    for (const limit of [37, 38, 39, 40]) {
      const kept = quotePreview(quote, limit).slice(0, -1);
      expect(quote.startsWith(kept)).toBe(true);
      const last = kept.charCodeAt(kept.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
    }
  });
  it('falls back to a simple rule without Intl.Segmenter', () => {
    const segmenter = Intl.Segmenter;
    try {
      (Intl as { Segmenter?: unknown }).Segmenter = undefined;
      const kept = quotePreview('alpha beta gamma delta epsilon zeta', 14).slice(0, -1);
      expect(kept).toBe('alpha beta');
    } finally {
      (Intl as { Segmenter?: unknown }).Segmenter = segmenter;
    }
  });
});
