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
function lensOn(html: string, options: { budgetMs?: number; isRendered?: (el: Element) => boolean } = {}) {
  document.body.innerHTML = html;
  const painter = new RecordingPainter();
  const registry = new MentionRegistry(painter);
  const runs: ScanRun[] = [];
  const errors: unknown[] = [];
  const timers: Array<() => void> = [];
  const skip = (el: Element) => el.localName.startsWith('qinglang-');
  let watch: MutationWatch | undefined;
  const scanner = createPageScanner({
    registry,
    detect,
    isRendered: options.isRendered ?? (() => true),
    isHidden: (el) => el.hasAttribute('hidden'),
    skip,
    slicer: { budgetMs: options.budgetMs ?? 8, now: () => performance.now(), yield: () => Promise.resolve(), stopped: () => false },
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
