// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { detect } from '../../lib/detect';
import { takeSnapshot, type RangeBounds } from '../../lib/dom';
import type { EntityId } from '../../lib/types';
import type { MarkPainter, PaintedMark } from '../../entrypoints/lens.content/mentions/mark-painter';
import { MentionRegistry } from '../../entrypoints/lens.content/mentions/registry';
import { createMutationWatch, type MutationWatch } from '../../entrypoints/lens.content/mentions/mutation-watch';
import { createPageScanner, type ScanRun } from '../../entrypoints/lens.content/mentions/page-scanner';

interface Shown {
  entity: EntityId;
  bounds: RangeBounds;
}

/** Keeps what a real painter would show, committed or not, so the test can read it back. */
class RecordingPainter implements MarkPainter {
  readonly mutatesDom = false;
  readonly shown = new Set<Shown>();
  private held: Shown[] = [];
  commits = 0;
  paint(entity: EntityId, bounds: RangeBounds): PaintedMark {
    const mark = { entity, bounds };
    this.held.push(mark);
    return mark;
  }
  erase(mark: PaintedMark): void {
    this.shown.delete(mark as Shown);
    this.held = this.held.filter((m) => m !== mark);
  }
  commit(): void {
    for (const m of this.held) this.shown.add(m);
    this.held = [];
    this.commits++;
  }
  dispose(): void {
    this.shown.clear();
  }
}

/** The content script's scanning parts on happy-dom, with timers the test fires. */
function lensOn(
  html: string,
  options: { budgetMs?: number; isRendered?: (el: Element) => boolean; shadowRoots?: boolean; before?: () => void; afterRendering?: () => Promise<void> } = {},
) {
  document.body.innerHTML = html;
  options.before?.();
  const painter = new RecordingPainter();
  const registry = new MentionRegistry(painter);
  const runs: ScanRun[] = [];
  const errors: unknown[] = [];
  const timers: Array<() => void> = [];
  const skip = (el: Element) => el.localName.startsWith('qinglang-');
  let watch: MutationWatch | undefined;
  const scanner = createPageScanner({
    registry,
    detect: (text, before) => detect(text, undefined, { before }),
    isRendered: options.isRendered ?? (() => true),
    isHidden: (el) => el.hasAttribute('hidden'),
    skip,
    slicer: { budgetMs: options.budgetMs ?? 8, now: () => performance.now(), yield: () => Promise.resolve(), afterRendering: options.afterRendering ?? (() => Promise.resolve()), stopped: () => false },
    onShadowRoot: options.shadowRoots ? (root) => watch?.observe(root) : undefined,
    paintQuietly: (paint) => paint(),
    paintsIntoDom: false,
    onSettled: (run) => runs.push(run),
    onError: (error) => errors.push(error),
  });
  watch = createMutationWatch({
    doc: document,
    skip,
    enqueue: (job) => scanner.enqueue(job),
    pruneDetached: () => void registry.pruneDetached(),
    setTimer: (fn) => void timers.push(fn),
    now: () => performance.now(),
    isRendered: options.isRendered,
  });
  watch.start();
  scanner.enqueue({ kind: 'subtree', root: document.body });
  stops.push(() => watch?.stop());

  const idle = async () => {
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
  };
  return {
    registry,
    runs,
    errors,
    painter,
    idle,
    /** Lets the observer see the changes, fires the batch timer, and waits for the rescans. */
    async afterChanges() {
      await idle();
      for (const fire of timers.splice(0)) fire();
      await idle();
    },
    /** What the page shows marked, in document order. */
    marks(): string[] {
      const ranges = [...painter.shown].map(({ entity, bounds }) => {
        const r = document.createRange();
        r.setStart(bounds.startContainer, bounds.startOffset);
        r.setEnd(bounds.endContainer, bounds.endOffset);
        return { entity, r };
      });
      ranges.sort((a, b) => a.r.compareBoundaryPoints(Range.START_TO_START, b.r));
      return ranges.map(({ entity, r }) => `${entity}:${r.toString()}`);
    },
    /** The marks' texts, sorted (ranges in different shadow trees have no order to compare). */
    markTexts(): string[] {
      return [...painter.shown]
        .map(({ entity, bounds }) => `${entity}:${bounds.startContainer === bounds.endContainer ? (bounds.startContainer as Text).data.slice(bounds.startOffset, bounds.endOffset) : '(spans nodes)'}`)
        .sort();
    },
  };
}

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** What detection finds in the text lib/dom reads from the same body: the marks must agree. */
function detectedInBody(): string[] {
  return detect(takeSnapshot(document.body, { blockBreak: '\u001e' }).text).map((m) => `${m.entity}:${m.text}`);
}

describe('the page scanner', () => {
  it('asks whether text is rendered only after the page has rendered, never computing the page\'s style itself', async () => {
    const checkedAt: string[] = [];
    let rendered = false;
    let render!: () => void;
    const lens = lensOn('<p>The CAC said so.</p><p hidden>Weibo too.</p><p class="folded">抖音 also.</p>', {
      afterRendering: () => new Promise<void>((resolve) => (render = resolve)),
      isRendered: (el) => {
        checkedAt.push(rendered ? 'after' : 'before');
        return !el.classList.contains('folded');
      },
    });
    await lens.idle();
    // Nothing read or checked while the page has not rendered yet.
    expect(checkedAt).toEqual([]);
    expect(lens.marks()).toEqual([]);
    rendered = true;
    render();
    await lens.idle();
    expect(checkedAt.length).toBeGreaterThan(0);
    expect(checkedAt.every((when) => when === 'after')).toBe(true);
    // Still right about what is shown: hidden by markup and by style stay unmarked.
    expect(lens.marks()).toEqual(['cac:CAC']);
  });

  it('marks every mention of a long page read in many small slices', async () => {
    const paragraphs = Array.from({ length: 120 }, (_, i) =>
      i % 3 === 0 ? `<p>Item ${i}: the CAC told <b>Wei</b>bo and 抖音 to act.</p>` : `<p>Item ${i}: nothing to see.</p>`,
    );
    const lens = lensOn(paragraphs.join(''), { budgetMs: 0 });
    await lens.idle();
    expect(lens.runs).toHaveLength(1);
    expect(lens.runs[0]!.slices).toBeGreaterThan(1);
    expect(lens.marks()).toEqual(detectedInBody());
    expect(lens.registry.count()).toEqual({ total: 120, byEntity: { cac: 40, weibo: 40, douyin: 40 } });
  });

  it('never marks across a block boundary, even where detection would join the words', async () => {
    const lens = lensOn('<ul><li>Partners: Sina</li><li>Weibo</li></ul><h2>Cyberspace Administration</h2><p>of China</p>');
    await lens.idle();
    expect(lens.marks()).toEqual(['weibo:Weibo', 'cac:Cyberspace Administration']);
  });

  it('leaves out mentions the browser does not render', async () => {
    const lens = lensOn('<p class="shown">Weibo</p><p class="gone">WeChat</p>', {
      isRendered: (el) => !el.classList.contains('gone'),
    });
    await lens.idle();
    expect(lens.marks()).toEqual(['weibo:Weibo']);
  });

  it('does not read our own UI', async () => {
    const lens = lensOn('<p>Douyin</p><qinglang-lens-ui>Weibo</qinglang-lens-ui>');
    await lens.idle();
    expect(lens.marks()).toEqual(['douyin:Douyin']);
  });

  it('shows a run’s marks in one commit', async () => {
    const lens = lensOn('<p>CAC</p><p>Weibo</p><p>微信</p>');
    await lens.idle();
    expect(lens.painter.commits).toBe(1);
    expect(lens.marks()).toHaveLength(3);
  });
});

describe('following the page as it changes', () => {
  it('decides an appended paragraph’s ambiguous word with the block before it', async () => {
    for (const [before, expected] of [
      ['短视频平台和直播间里，主播和粉丝越来越多。', ['kuaishou:快手']],
      ['先把葱姜蒜切好，锅烧热。', []],
    ] as const) {
      const lens = lensOn(`<main><p>${before}</p></main>`);
      await lens.idle();
      const p = document.createElement('p');
      p.textContent = '快手也不例外。';
      document.querySelector('main')!.append(p);
      await lens.afterChanges();
      expect(lens.marks(), before).toEqual(expected);
    }
  });

  it('marks a paragraph appended after the first scan', async () => {
    const lens = lensOn('<main><p>The CAC spoke.</p></main>');
    await lens.idle();
    const p = document.createElement('p');
    p.textContent = 'Then Kuaishou and 快手 answered.';
    document.querySelector('main')!.append(p);
    await lens.afterChanges();
    expect(lens.marks()).toEqual(['cac:CAC', 'kuaishou:Kuaishou', 'kuaishou:快手']);
  });

  it('marks a whole view put in place at once (in-page navigation)', async () => {
    const lens = lensOn('<div id="app"><p>Old story about WeChat.</p></div>');
    await lens.idle();
    const view = document.createElement('section');
    for (const text of ['New story: Douyin', 'and <i>Wei</i>bo', 'and 自媒体']) {
      const p = document.createElement('p');
      p.innerHTML = text; // the test's own markup
      view.append(p);
    }
    document.getElementById('app')!.replaceChildren(view);
    await lens.afterChanges();
    expect(lens.marks()).toEqual(['douyin:Douyin', 'weibo:Weibo', 'self-media:自媒体']);
    expect(lens.registry.count().total).toBe(3);
  });

  it('forgets the marks of removed content', async () => {
    const lens = lensOn('<p id="a">Weibo</p><div id="b"><p>CAC</p><p>Douyin</p></div>');
    await lens.idle();
    document.getElementById('b')!.remove();
    await lens.afterChanges();
    expect(lens.marks()).toEqual(['weibo:Weibo']);
    expect(lens.registry.count()).toEqual({ total: 1, byEntity: { weibo: 1 } });
  });

  it('reads a paragraph again when its text is edited', async () => {
    const lens = lensOn('<p>Posts on Weibo were removed.</p>');
    await lens.idle();
    document.querySelector('p')!.firstChild!.textContent = 'Posts on WeChat and Douyin were removed.';
    await lens.afterChanges();
    expect(lens.marks()).toEqual(['wechat:WeChat', 'douyin:Douyin']);
  });

  it('finds a name completed by a later text node', async () => {
    const lens = lensOn('<p>Sina <b>Wei</b></p>');
    await lens.idle();
    expect(lens.marks()).toEqual([]);
    document.querySelector('p')!.append('bo said');
    await lens.afterChanges();
    expect(lens.marks()).toEqual(['weibo:Sina Weibo']);
  });

  it('drops marks when content is hidden with the hidden attribute, and brings them back when shown', async () => {
    const lens = lensOn('<section id="s"><p>CAC</p><p>Weibo</p></section><p>微博</p>');
    await lens.idle();
    expect(lens.marks()).toHaveLength(3);
    document.getElementById('s')!.hidden = true;
    await lens.afterChanges();
    expect(lens.marks()).toEqual(['weibo:微博']);
    document.getElementById('s')!.hidden = false;
    await lens.afterChanges();
    expect(lens.marks()).toEqual(['cac:CAC', 'weibo:Weibo', 'weibo:微博']);
  });

  it('reads what a class change reveals ("read more", tabs) and forgets what it hides', async () => {
    // A stylesheet the test stands in for: `.closed` hides, whatever else the class says.
    const isRendered = (el: Element) => !el.closest('.closed');
    const lens = lensOn('<div id="tabs"><section id="one"><p>CAC</p></section><section id="two" class="closed"><p>Weibo</p></section></div>', { isRendered });
    await lens.idle();
    expect(lens.marks()).toEqual(['cac:CAC']);
    document.getElementById('one')!.className = 'closed';
    document.getElementById('two')!.className = '';
    await lens.afterChanges();
    expect(lens.marks()).toEqual(['weibo:Weibo']);
    // Through an inline style too.
    document.getElementById('two')!.setAttribute('style', 'display: none');
    document.getElementById('two')!.className = 'closed';
    await lens.afterChanges();
    expect(lens.marks()).toEqual([]);
  });

  it('does not read content again for class changes that leave it as it was shown', async () => {
    const lens = lensOn('<p id="p">CAC <span id="s">and Weibo</span></p>', {});
    await lens.idle();
    const runs = lens.runs.length;
    const span = document.getElementById('s')!;
    span.className = 'hover';
    await lens.afterChanges();
    // The first change of an element is read once (its earlier state is not known)…
    const afterFirst = lens.runs.length;
    expect(afterFirst).toBeLessThanOrEqual(runs + 1);
    for (let i = 0; i < 8; i++) {
      span.className = i % 2 ? 'hover' : 'pulse';
      await lens.afterChanges();
    }
    // …and later restylings that show the same thing read nothing again.
    expect(lens.runs.length).toBe(afterFirst);
    expect(lens.marks()).toEqual(['cac:CAC', 'weibo:Weibo']);
  });

  it('ignores changes inside scripts and form fields', async () => {
    const lens = lensOn('<p>Douyin</p><textarea>draft</textarea>');
    await lens.idle();
    document.querySelector('textarea')!.textContent = 'A draft about WeChat';
    const script = document.createElement('script');
    script.textContent = 'var platform = "Weibo";';
    document.body.append(script);
    await lens.afterChanges();
    expect(lens.marks()).toEqual(['douyin:Douyin']);
  });

  it('reads a page that changes constantly in few batches', async () => {
    const lens = lensOn('<p id="ticker">tick</p><p>CAC</p>');
    await lens.idle();
    const ticker = document.getElementById('ticker')!;
    for (let i = 0; i < 500; i++) ticker.textContent = `tick ${i}${i === 499 ? ' Weibo' : ''}`;
    await lens.afterChanges();
    expect(lens.marks()).toEqual(['weibo:Weibo', 'cac:CAC']);
    // 500 changes to one paragraph: one batch, one run.
    expect(lens.runs).toHaveLength(2);
  });
});

describe('open shadow roots', () => {
  const withCard = (text: string) => () => {
    const root = document.querySelector('news-card')!.attachShadow({ mode: 'open' });
    root.innerHTML = `<p>${text}</p>`;
  };

  it('marks mentions inside an open shadow root, and follows changes made inside it', async () => {
    const lens = lensOn('<main><p>The CAC spoke.</p><news-card></news-card></main>', { shadowRoots: true, before: withCard('Weibo answered.') });
    await lens.idle();
    expect(lens.markTexts()).toEqual(['cac:CAC', 'weibo:Weibo']);
    const shadowP = document.querySelector('news-card')!.shadowRoot!.querySelector('p')!;
    shadowP.textContent = 'Douyin answered, then Kuaishou.';
    await lens.afterChanges();
    expect(lens.markTexts()).toEqual(['cac:CAC', 'douyin:Douyin', 'kuaishou:Kuaishou']);
    // Text added straight into the root, beside its paragraph, belongs to the block around the host.
    shadowP.parentNode!.append(document.createTextNode(' WeChat too.'));
    await lens.afterChanges();
    expect(lens.markTexts()).toEqual(['cac:CAC', 'douyin:Douyin', 'kuaishou:Kuaishou', 'wechat:WeChat']);
  });

  it('marks a host added later with its root, and forgets its marks when hidden', async () => {
    const lens = lensOn('<main id="m"><p>Nothing yet.</p></main>', { shadowRoots: true });
    await lens.idle();
    const host = document.createElement('section');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Self-media accounts on Weibo.</p>';
    document.getElementById('m')!.append(host);
    await lens.afterChanges();
    expect(lens.markTexts()).toEqual(['self-media:Self-media', 'weibo:Weibo']);
    host.setAttribute('hidden', '');
    await lens.afterChanges();
    expect(lens.markTexts()).toEqual([]);
  });

  it('leaves shadow roots unread when the scanner is not asked to read them', async () => {
    const lens = lensOn('<main><p>The CAC spoke.</p><news-card></news-card></main>', { before: withCard('Weibo answered.') });
    await lens.idle();
    expect(lens.markTexts()).toEqual(['cac:CAC']);
  });
});
