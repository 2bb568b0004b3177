// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PiecedText, spanOf, takePiecedSnapshotInSlices, takeSnapshot, takeSnapshotInSlices, type TextSnapshot } from '../../lib/dom';

/** What a snapshot says, with nodes compared by identity through their index in the page. */
function shape(s: TextSnapshot, all: Text[]) {
  return { text: s.text, nodes: s.nodes.map((n) => all.indexOf(n)), starts: s.starts, ends: s.ends, breaks: s.breaks, blocks: s.blocks.length };
}

function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Reads in pieces of `pieceChars`, pausing after every piece (a slice of 0 ms), counting the pauses. */
async function inSlices(root: Node, pieceChars: number): Promise<{ snapshot: TextSnapshot; pauses: number }> {
  let pauses = 0;
  const snapshot = await takeSnapshotInSlices(root, {}, { pause: async () => void pauses++, now: () => 0, sliceMs: 0, pieceChars });
  return { snapshot, pauses };
}

const BLOCKS = ['p', 'div', 'li', 'h2', 'blockquote'];
const INLINE = ['b', 'em', 'a', 'span'];
const WORDS = ['Weibo', '微博', 'the CAC', ' ', '  ', '自媒体', 'said', '\n', 'Douyin 抖音', '<script>var x = 1;</script>', '<span hidden>hidden</span>'];

/** Random markup: blocks, inline elements, line breaks and blank text, nested. */
const node: fc.Memo<string> = fc.memo((depth) =>
  depth <= 1
    ? fc.constantFrom(...WORDS)
    : fc.oneof(
        fc.constantFrom(...WORDS),
        fc.tuple(fc.constantFrom(...BLOCKS, ...INLINE, 'br'), fc.array(node(depth - 1), { maxLength: 4 })).map(([tag, kids]) =>
          tag === 'br' ? '<br>' : `<${tag}>${kids.join('')}</${tag}>`,
        ),
      ),
);

describe('takeSnapshotInSlices', () => {
  it('reads a page piece by piece, pausing between pieces, into the snapshot one reading makes', async () => {
    document.body.innerHTML = Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i} on <b>Wei</b>bo.</p>`).join('') + '<ul><li>抖音</li><li> </li></ul>';
    const { snapshot, pauses } = await inSlices(document, 50);
    expect(pauses).toBeGreaterThan(10);
    const all = textNodes(document.body);
    expect(shape(snapshot, all)).toEqual(shape(takeSnapshot(document), all));
  });

  it('gives the same snapshot as one reading for any nesting of blocks, inline elements and blank text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(node(4), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 40 }), async (parts, pieceChars) => {
        document.body.innerHTML = parts.join('');
        const all = textNodes(document.body);
        const { snapshot } = await inSlices(document, pieceChars);
        expect(shape(snapshot, all)).toEqual(shape(takeSnapshot(document), all));
      }),
      { numRuns: 150 },
    );
  });
});

describe('takePiecedSnapshotInSlices', () => {
  it('keeps the text in its pieces, and any part of it reads as the joined text would', async () => {
    document.body.innerHTML = Array.from({ length: 30 }, (_, i) => `<p>第${i}段：<b>微</b>博 and Weibo 😀</p>`).join('');
    const whole = takeSnapshot(document);
    const pieced = await takePiecedSnapshotInSlices(document, {}, { pause: async () => undefined, now: () => 0, sliceMs: 0, pieceChars: 40 });
    expect(pieced.text).toBeInstanceOf(PiecedText);
    expect(pieced.text.length).toBe(whole.text.length);
    expect(pieced.text.slice(0, pieced.text.length)).toBe(whole.text);
    expect([pieced.nodes, pieced.starts, pieced.ends, pieced.breaks]).toEqual([whole.nodes, whole.starts, whole.ends, whole.breaks]);
    // Offsets map to the page the same way.
    const p = document.querySelectorAll('p')[17]!;
    const range = document.createRange();
    range.selectNodeContents(p);
    expect(spanOf(pieced, range)).toEqual(spanOf(whole, range));
  });

  it('maps any point of the page to the offset one reading gives, by walking from it instead of searching', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(node(4), { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(), async (parts, a, b) => {
        document.body.innerHTML = parts.join('');
        const all: Node[] = [document.body];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) all.push(n);
        const container = all[a % all.length]!;
        const length = container.nodeType === Node.TEXT_NODE ? (container as Text).length : container.childNodes.length;
        const offset = b % (length + 1);
        const whole = takeSnapshot(document);
        const pieced = await takePiecedSnapshotInSlices(document, {}, { pause: async () => undefined, now: () => 0, sliceMs: 0, pieceChars: 7 });
        const asStart = { startContainer: container, startOffset: offset, endContainer: container, endOffset: offset };
        const asEnd = { startContainer: document.body, startOffset: 0, endContainer: container, endOffset: offset };
        expect(spanOf(pieced, asStart).start).toBe(spanOf(whole, asStart).start);
        expect(spanOf(pieced, asEnd).end).toBe(spanOf(whole, asEnd).end);
      }),
      { numRuns: 300 },
    );
  });
});

describe('PiecedText', () => {
  it('slices across any cut of its pieces exactly as String#slice slices the joined text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', '网', '\n', ' ', '😀') }), { maxLength: 8 }),
        fc.integer({ min: -3, max: 60 }),
        fc.integer({ min: -3, max: 60 }),
        (parts, a, b) => {
          const starts: number[] = [];
          let at = 0;
          for (const part of parts) {
            starts.push(at);
            at += part.length;
          }
          const joined = parts.join('');
          const text = new PiecedText(parts, starts, joined.length);
          const [start, end] = [Math.max(0, a), Math.max(0, b)];
          expect(text.slice(start, end)).toBe(joined.slice(start, end));
          expect(text.charAt(start)).toBe(joined.charAt(start));
        },
      ),
      { numRuns: 500 },
    );
  });
});
