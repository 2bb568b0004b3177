import { findFacts, type ExtractOptions } from '@/lib/facts';
import type { FactCandidate, Mention } from '@/lib/types';

/** What the finder reads: a piece of page text with the offsets of its block breaks (a TextSnapshot fits). */
export interface BlockText {
  text: string;
  /** Offsets of the break characters between blocks, ascending. */
  breaks: readonly number[];
}

export interface CandidateOptions extends ExtractOptions {
  /** The mentions of a text, of the entities the user has on. */
  detect: (text: string) => Mention[];
  /** The text of the block just before the piece (a piece may begin mid-article). */
  before?: string;
}

export interface CandidateFinding {
  /** Offsets index the piece's text. */
  candidates: FactCandidate[];
  /** The piece's last block with text: the context of the next piece's first block. */
  lastBlock: string;
}

// Digits, Chinese numerals and unit characters, English number words: a block with none
// of these states no figure, and is passed over without detecting or splitting it. 一 and
// 〇 are left out on purpose: nearly every Chinese sentence has 一, and 一 alone (一个, 一些)
// is not a campaign figure; 一万, 一百 are still caught by their unit.
const FIGURE_HINT =
  /[0-9０-９二三四五六七八九十百千万萬亿億两兩]|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?)\b/i;

// Between the previous block and this one: two line breaks end a passage whatever the
// line before ends with, so no sentence runs across blocks.
const JOIN = '\n\n';

/**
 * The sentences of a piece of page text that are campaign fact candidates, block by
 * block. A block is read with the block before it as context, so that a sentence that
 * names no entity takes those of the paragraph before it, as lib/facts does within a
 * text. Mentions are detected only in blocks that may state a figure.
 */
export function findFactCandidates(piece: BlockText, options: CandidateOptions): CandidateFinding {
  const { text, breaks } = piece;
  const candidates: FactCandidate[] = [];
  let previous = options.before ?? '';
  let start = 0;
  for (let b = 0; b <= breaks.length; b++) {
    const end = b < breaks.length ? breaks[b]! : text.length;
    const block = text.slice(start, end);
    if (FIGURE_HINT.test(block)) {
      const joined = previous ? previous + JOIN + block : block;
      const shift = previous ? previous.length + JOIN.length : 0;
      const found = findFacts(joined, options.detect(joined), { articleDate: options.articleDate });
      for (const { fact } of found) {
        if (fact.start < shift) continue; // a sentence of the context block: its own block reports it
        candidates.push(moved(fact, start - shift, text));
      }
    }
    if (block.trim().length > 0) previous = block;
    start = end + 1;
  }
  return { candidates, lastBlock: previous };
}

function moved(fact: FactCandidate, by: number, text: string): FactCandidate {
  const start = fact.start + by;
  const end = fact.end + by;
  return {
    ...fact,
    start,
    end,
    text: text.slice(start, end),
    figures: fact.figures.map((f) => ({ ...f, start: f.start + by, end: f.end + by })),
  };
}
