/**
 * Fact candidates on a long page: `npx tsx bench/fact-candidates.bench.ts`.
 *
 * 20,000 generated paragraphs (English and Chinese, a quarter with numbers, some with
 * campaign figures) read in the content script's 2,048-character pieces. The content
 * script runs one piece at a time in idle slices, so the number that matters is the
 * longest piece (it must stay far under a 50 ms long task), next to the whole page.
 */
import { detect } from '../lib/detect';
import { findFactCandidates } from '../entrypoints/lens.content/facts/candidates';
import { prng } from './random';

const random = prng(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const PLAIN = [
  'The committee met again to discuss the plans for the coming season.',
  'Readers wrote in with questions about the new rules for the park.',
  '市民对新的公园规定提出了不少问题。',
  'Weibo users shared photos of the festival, and the mood was cheerful.',
];
const NUMBERS = [
  () => `The library lent ${Math.floor(random() * 9000 + 100)} books over the holiday.`,
  () => `The Cyberspace Administration of China said it closed ${Math.floor(random() * 90 + 10)},000 accounts in the Qinglang campaign.`,
  () => `抖音表示，已处置违规账号${(random() * 9 + 1).toFixed(2)}万个。`,
  () => `By Friday it had removed ${Math.floor(random() * 900 + 100)} posts, officials said.`,
];

const paragraphs: string[] = [];
for (let i = 0; i < 20_000; i++) {
  paragraphs.push(random() < 0.25 ? pick(NUMBERS)() : `${pick(PLAIN)} ${pick(PLAIN)}`);
}

// The pieces as the reader cuts them: whole blocks, at least 2,048 characters.
const pieces: Array<{ text: string; breaks: number[] }> = [];
let blocks: string[] = [];
let size = 0;
const flush = () => {
  const breaks: number[] = [];
  let at = 0;
  for (let b = 0; b < blocks.length - 1; b++) breaks.push((at += blocks[b]!.length) + b);
  pieces.push({ text: blocks.join('\u001e'), breaks });
  blocks = [];
  size = 0;
};
for (const p of paragraphs) {
  blocks.push(p);
  size += p.length + 1;
  if (size >= 2_048) flush();
}
if (blocks.length > 0) flush();

function run(): { total: number; longest: number; candidates: number } {
  let before = '';
  let longest = 0;
  let candidates = 0;
  const t0 = performance.now();
  for (const piece of pieces) {
    const s = performance.now();
    const found = findFactCandidates(piece, { detect: (text) => detect(text), before });
    longest = Math.max(longest, performance.now() - s);
    before = found.lastBlock;
    candidates += found.candidates.length;
  }
  return { total: performance.now() - t0, longest, candidates };
}

run(); // warm-up: V8 compiles the patterns on their first runs
const rounds = [run(), run(), run()].sort((a, b) => a.total - b.total);
const median = rounds[1]!;
const chars = pieces.reduce((n, p) => n + p.text.length, 0);
console.log(`${paragraphs.length} paragraphs, ${chars} chars, ${pieces.length} pieces, ${median.candidates} candidates`);
console.log(`whole page: ${median.total.toFixed(0)} ms (median of 3); longest piece: ${Math.max(...rounds.map((r) => r.longest)).toFixed(1)} ms`);
