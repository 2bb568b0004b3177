import type { FactCandidate, Mention } from '../types';
import type { Article } from './article';
import { defaultMatcher, detectPage, type Explanation } from '../detect';
import { dedupeFacts, extractFacts } from '../facts';

export interface ScanResult {
  mentions: Mention[];
  facts: FactCandidate[];
}

/**
 * Runs the same detection and fact extraction as the extension over one article.
 * Excluded ranges are blanked with spaces of the same length, so offsets stay those
 * of the original text while nothing inside them is scanned.
 */
export interface ScanOptions {
  /** Told why each ambiguous word was or was not taken (the scan command's --explain). */
  explain?: (explanation: Explanation) => void;
}

export function scanArticle(article: Article, options: ScanOptions = {}): ScanResult {
  const scanned = blank(article.text, article.excluded);
  // The whole file is the page: definitions anywhere in it decide its ambiguous words.
  const detectionText = article.detectionText === undefined ? scanned : blank(article.detectionText, article.excluded);
  const mentions = detectPage(detectionText, defaultMatcher(), { explain: options.explain });
  const facts = dedupeFacts(extractFacts(scanned, mentions, { articleDate: article.date }));
  // Report the original characters: blanking only ever touched excluded ranges, which hold no results.
  return { mentions, facts };
}

function blank(text: string, ranges: Article['excluded']): string {
  if (ranges.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    out += text.slice(pos, r.start) + ' '.repeat(r.end - r.start);
    pos = r.end;
  }
  return out + text.slice(pos);
}
