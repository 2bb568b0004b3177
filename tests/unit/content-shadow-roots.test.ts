// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createShadowRoots } from '../../entrypoints/lens.content/mentions/shadow-roots';

function setUp(html: string) {
  document.body.innerHTML = html;
  const watched: ShadowRoot[] = [];
  const styled: ShadowRoot[] = [];
  const rescanned: Element[] = [];
  const idle: Array<{ fn: () => void; ms: number }> = [];
  const roots = createShadowRoots({
    doc: document,
    watch: (root) => void watched.push(root),
    style: (root) => void styled.push(root),
    rescan: (block) => void rescanned.push(block),
    whenIdle: (fn, ms) => void idle.push({ fn, ms }),
  });
  /** Runs the idle callbacks due now; returns their waits. */
  const runIdle = () => {
    const due = idle.splice(0);
    for (const { fn } of due) fn();
    return due.map((d) => d.ms);
  };
  return { roots, watched, styled, rescanned, idle, runIdle };
}

describe('the page’s open shadow roots', () => {
  it('watches a root once and styles it every time it is read (the page may replace its sheets)', () => {
    const t = setUp('<x-card></x-card>');
    const root = document.querySelector('x-card')!.attachShadow({ mode: 'open' });
    t.roots.found(root);
    t.roots.found(root);
    expect(t.watched).toEqual([root]);
    expect(t.styled).toEqual([root, root]);
  });

  it('looks again, in idle time, at custom elements not yet defined, and reads the block of one that got a root', () => {
    const t = setUp('<p id="para">A <late-card></late-card> here.</p><div><never-defined></never-defined></div>');
    t.roots.settled();
    expect(t.runIdle()).toEqual([500]); // the first look, after a first wait
    expect(t.rescanned).toEqual([]);
    // The page defines the element: it upgrades and attaches its root, with no mutation of the page's tree.
    const host = document.querySelector('late-card')!;
    customElements.define('late-card', class extends HTMLElement {});
    host.attachShadow({ mode: 'open' }).innerHTML = '<b>Weibo</b>';
    const waits = t.runIdle();
    expect(waits).toEqual([1_000]);
    expect(t.rescanned).toEqual([document.getElementById('para')]);
  });

  it('looks at a host defined right after the scan, before the first look', () => {
    const t = setUp('<p id="para"><soon-card></soon-card></p>');
    t.roots.settled();
    const host = document.querySelector('soon-card')!;
    customElements.define('soon-card', class extends HTMLElement {});
    host.attachShadow({ mode: 'open' });
    t.runIdle();
    expect(t.rescanned).toEqual([document.getElementById('para')]);
  });

  it('stops looking after a bounded number of idle looks, waits doubling', () => {
    const t = setUp('<never-defined></never-defined>');
    t.roots.settled();
    const waits: number[] = [];
    for (let i = 0; i < 20 && t.idle.length > 0; i++) waits.push(...t.runIdle());
    expect(waits).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000]);
    expect(t.idle).toEqual([]);
  });

  it('still looks at a host defined between two scans (no longer matched as undefined)', () => {
    const t = setUp('<p id="para"><later-card></later-card></p>');
    t.roots.settled();
    t.runIdle();
    const host = document.querySelector('later-card')!;
    customElements.define('later-card', class extends HTMLElement {});
    host.attachShadow({ mode: 'open' });
    // Another scan ends before the next look.
    t.roots.settled();
    t.runIdle();
    expect(t.rescanned).toEqual([document.getElementById('para')]);
  });

  it('drops an older scan’s looking when a newer scan ends', () => {
    const t = setUp('<never-defined></never-defined>');
    t.roots.settled();
    t.roots.settled();
    expect(t.runIdle()).toEqual([500, 500]);
    // Only the newer one goes on.
    expect(t.idle.map((i) => i.ms)).toEqual([1_000]);
  });
});
