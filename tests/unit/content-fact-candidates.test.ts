// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { DETECTION_BLOCK_BREAK, takeSnapshot } from '@/lib/dom';
import { compileMatcher, detect } from '@/lib/detect';
import { findFactCandidates } from '@/entrypoints/lens.content/facts/candidates';

function pageOf(html: string) {
  document.body.innerHTML = html;
  return takeSnapshot(document.body, { blockBreak: DETECTION_BLOCK_BREAK });
}

const everyEntity = (text: string) => detect(text);

describe('fact candidates on a page, block by block', () => {
  it('marks the sentence that states a campaign figure and not the one with an unrelated number', () => {
    const piece = pageOf(`
      <h1>Weekend news</h1>
      <p>The Cyberspace Administration of China said it closed 12,500 accounts in the Qinglang campaign. The weather was mild.</p>
      <p>The city zoo welcomed 3,200 visitors on Sunday.</p>`);
    const { candidates } = findFactCandidates(piece, { detect: everyEntity });
    expect(candidates.map((c) => c.text)).toEqual([
      'The Cyberspace Administration of China said it closed 12,500 accounts in the Qinglang campaign.',
    ]);
    const [only] = candidates;
    expect(piece.text.slice(only!.start, only!.end)).toBe(only!.text);
    expect(only!.figures.map((fig) => [fig.value, fig.unit, piece.text.slice(fig.start, fig.end)])).toEqual([[12500, 'accounts', '12,500']]);
  });

  it('gives a sentence without an entity the entities of the paragraph before it', () => {
    const piece = pageOf(`
      <p>Douyin announced a clean-up of accounts that spread rumours.</p>
      <p>By Friday it had banned 4,800 accounts.</p>`);
    const { candidates } = findFactCandidates(piece, { detect: everyEntity });
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.text).toBe('By Friday it had banned 4,800 accounts.');
    expect(candidates[0]!.entities).toEqual(['douyin']);
  });

  it('reads Chinese sentences and maps their offsets back to the page text', () => {
    const piece = pageOf('<p>今天天气很好。</p><p>微博表示，已永久关闭违规账号2.3万个。</p>');
    const { candidates } = findFactCandidates(piece, { detect: everyEntity });
    expect(candidates.map((c) => c.text)).toEqual(['微博表示，已永久关闭违规账号2.3万个。']);
    expect(piece.text.slice(candidates[0]!.start, candidates[0]!.end)).toBe(candidates[0]!.text);
    expect(candidates[0]!.figures[0]!.value).toBe(23000);
  });

  it('does not read blocks that hold no figure at all', () => {
    const piece = pageOf(`
      <p>WeChat closed accounts that spread rumours.</p>
      <p>Weibo said more would follow.</p>
      <p>Kuaishou removed 900 posts.</p>`);
    const spy = vi.fn(everyEntity);
    findFactCandidates(piece, { detect: spy });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![0]).toContain('Kuaishou removed 900 posts.');
  });

  it('needs an enabled entity or campaign words: a disabled entity no longer makes a candidate', () => {
    const piece = pageOf('<p>Weibo closed 7,000 accounts last month.</p>');
    const withWeibo = findFactCandidates(piece, { detect: everyEntity });
    expect(withWeibo.candidates).toHaveLength(1);
    const noWeibo = compileMatcher({ disabled: ['weibo'] });
    const without = findFactCandidates(piece, { detect: (text) => detect(text, noWeibo) });
    expect(without.candidates).toEqual([]);
  });

  it('takes context from the block before the piece', () => {
    const piece = pageOf('<p>By Friday it had suspended 1,100 accounts.</p>');
    const alone = findFactCandidates(piece, { detect: everyEntity });
    expect(alone.candidates).toEqual([]);
    const after = findFactCandidates(piece, { detect: everyEntity, before: 'Kuaishou began a review of livestream accounts.' });
    expect(after.candidates.map((c) => c.entities)).toEqual([['kuaishou']]);
    expect(after.lastBlock).toBe('By Friday it had suspended 1,100 accounts.');
  });
});
