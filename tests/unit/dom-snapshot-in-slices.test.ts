// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { takeSnapshot, takeSnapshotInSlices, type TextSnapshot } from '../../lib/dom';

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
const WORDS = ['Weibo', '微博', 'the CAC', ' ', '  ', '自媒体', 'said', '\n', 'Douyin 抖音'];

describe('takeSnapshotInSlices', () => {
  it('reads a page piece by piece, pausing between pieces, into the snapshot one reading makes', async () => {
    document.body.innerHTML = Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i} on <b>Wei</b>bo.</p>`).join('') + '<ul><li>抖音</li><li> </li></ul>';
    const { snapshot, pauses } = await inSlices(document, 50);
    expect(pauses).toBeGreaterThan(10);
    const all = textNodes(document.body);
    expect(shape(snapshot, all)).toEqual(shape(takeSnapshot(document), all));
  });

  it('gives the same snapshot as one reading for any nesting of blocks, inline elements and blank text', async () => {
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
