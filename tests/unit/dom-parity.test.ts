import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { takeSnapshot, type TextSnapshot } from '../../lib/dom';
import { prng } from '../../bench/random';

const WORDS = ['Weibo', 'Wei', 'bo', 'CAC', '微博', '網信辦', ' ', '  ', '\n  ', 'Sina ', 'and', '，'];
const INLINE = ['b', 'i', 'a', 'span', 'em'];
const BLOCK = ['p', 'div', 'li', 'h2', 'section', 'td'];
const SKIPPED = ['script', 'style', 'textarea', 'noscript'];

/** A random tree: text, inline and block elements (sometimes hidden), line breaks, comments, skipped elements. */
type Tree = string | { comment: true } | { tag: string; hidden?: boolean; children: Tree[] };

function randomTree(rnd: () => number, depth = 0): Tree[] {
  const out: Tree[] = [];
  const parts = 1 + Math.floor(rnd() * 5);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  for (let i = 0; i < parts; i++) {
    const r = rnd();
    if (r < 0.35 || depth > 3) out.push(pick(WORDS));
    else if (r < 0.55) out.push({ tag: pick(INLINE), children: randomTree(rnd, depth + 1) });
    else if (r < 0.8) out.push({ tag: pick(BLOCK), hidden: rnd() < 0.1, children: randomTree(rnd, depth + 1) });
    else if (r < 0.88) out.push({ tag: 'br', children: [] });
    else if (r < 0.94) out.push({ comment: true });
    else out.push({ tag: pick(SKIPPED), children: ['Weibo'] });
  }
  return out;
}

/** Builds the same tree with each DOM's own methods, so both walks see identical nodes. */
function build(doc: Document, parent: Node, trees: Tree[]): void {
  for (const t of trees) {
    if (typeof t === 'string') parent.appendChild(doc.createTextNode(t));
    else if ('comment' in t) parent.appendChild(doc.createComment('a comment'));
    else {
      const el = doc.createElement(t.tag);
      if (t.hidden) el.setAttribute('hidden', '');
      build(doc, el, t.children);
      parent.appendChild(el);
    }
  }
}

/** The text and how it maps, as plain data (nodes by their content). */
const shape = (s: TextSnapshot) => ({ text: s.text, breaks: s.breaks, nodes: s.nodes.map((n, i) => [n.data, s.starts[i], s.ends[i]]) });

describe('reading the same markup in two DOMs', () => {
  // linkedom has no full TreeWalker, so lib/dom walks its child links; happy-dom, like a
  // browser, gets the TreeWalker walk. Both must read a tree the same way.
  it('gives the same text and map under linkedom (the scan command) and happy-dom (a browser-like DOM)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const tree = randomTree(prng(seed));
      const window = new Window();
      const happy = window.document as unknown as Document;
      build(happy, happy.body, tree);
      const linkedDoc = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
      build(linkedDoc, linkedDoc.body, tree);
      if (seed === 1) {
        // The premise: the two DOMs take the two walks.
        expect(typeof happy.createTreeWalker(happy.body, 5).nextSibling).toBe('function');
        expect(typeof (linkedDoc.createTreeWalker(linkedDoc.body, 5) as Partial<TreeWalker>).nextSibling).toBe('undefined');
      }
      const browserLike = shape(takeSnapshot(happy));
      expect({ seed, ...shape(takeSnapshot(linkedDoc)) }).toEqual({ seed, ...browserLike });
      window.close();
    }
  });
});
