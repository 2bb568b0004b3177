import search from 'approx-string-match';

/**
 * Finding a quote in a (folded) text: every exact occurrence, or approximate matches,
 * each scored by how well the quote, its context and its position agree with what was
 * stored. Weights follow the Hypothesis client: the quote counts most, the context
 * decides between look-alikes, the old position only breaks ties.
 */

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** An edited quote may differ from the stored one in at most a quarter of its characters. */
export const MAX_QUOTE_ERROR_RATE = 0.25;
/**
 * A match that is not at its stored position must score at least this: an edited quote
 * needs more of its context to agree than an intact one (a quote three-quarters intact
 * needs about 60 % of its context, an intact one about a third).
 */
export const MIN_SCORE = 0.7;
/**
 * ...and at least half of its context must agree, on average over both sides. Unrelated
 * text agrees with a 32-character context by about a quarter (this approximate measure
 * lets any letters line up; 0.44 at the 99th percentile over the seed articles), so a
 * passage that merely looks like the quote, among other sentences, is not taken for it.
 */
export const MIN_CONTEXT_SCORE = 0.5;
/**
 * A long quote that is nearly intact is its own evidence, even when the text on both
 * sides of it changed: a stretch this long this close is not found by chance.
 */
const SELF_EVIDENT_LENGTH = 64;
const SELF_EVIDENT_QUOTE_SCORE = 0.9;

/** Quotes longer than this are searched by pieces (seeds) and checked as a whole around each hit. */
const SEED_LENGTH = 32;
const MAX_SEEDS = 5;
/** Context shorter than this is too weak to suggest where a quote went. */
const MIN_CONTEXT_SEED = 8;
const MAX_WINDOWS_SHORT = 40;
/** Checking a window costs in proportion to the quote's length, so long quotes get fewer. */
const MAX_WINDOWS_LONG = 8;

export interface QuoteContext {
  prefix: string;
  suffix: string;
  /** Folded offset near which the quote was, if known. */
  hint?: number;
}

export interface ScoredMatch {
  /** Folded offsets. */
  start: number;
  end: number;
  errors: number;
  /** 0–1, normalised weighted score. */
  score: number;
  /** 0–1, the quote's share of characters that agree. */
  quoteScore: number;
  /** 0–1, how well the text around the match agrees with the stored prefix and suffix. */
  contextScore: number;
}

/** How well `pattern` appears in `window`: 1 for intact, 0 for nothing in common. */
function similarity(window: string, pattern: string): number {
  // Nothing stored on that side (the quote began or ended the text): nothing to disagree with.
  if (pattern.length === 0) return 1;
  const best = search(window, pattern, pattern.length)[0];
  return best ? 1 - best.errors / pattern.length : 0;
}

function scoreMatch(text: string, quoteLength: number, match: { start: number; end: number; errors: number }, context: QuoteContext): ScoredMatch {
  const quoteScore = 1 - match.errors / quoteLength;
  const prefixScore = similarity(text.slice(Math.max(0, match.start - context.prefix.length), match.start), context.prefix);
  const suffixScore = similarity(text.slice(match.end, match.end + context.suffix.length), context.suffix);
  const positionScore =
    context.hint === undefined || text.length === 0 ? 1 : 1 - Math.abs(match.start - context.hint) / text.length;
  const raw =
    QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore;
  return { ...match, score: raw / MAX_SCORE, quoteScore, contextScore: (prefixScore + suffixScore) / 2 };
}

/** Whether a match is good enough evidence to paint the user's highlight there. */
function trusted(m: ScoredMatch, quoteLength: number): boolean {
  if (quoteLength >= SELF_EVIDENT_LENGTH && m.quoteScore >= SELF_EVIDENT_QUOTE_SCORE) return true;
  return m.score >= MIN_SCORE && m.contextScore >= MIN_CONTEXT_SCORE;
}

/** The highest-scoring match among those that can be trusted. */
function bestTrusted(matches: ScoredMatch[], quoteLength: number): ScoredMatch | null {
  let top: ScoredMatch | null = null;
  for (const m of matches) if (trusted(m, quoteLength) && (!top || m.score > top.score)) top = m;
  return top;
}

/** Every occurrence of `quote` in `text`, as [start, end) pairs. */
export function exactOccurrences(text: string, quote: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  if (quote.length === 0) return found;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) {
    found.push({ start: i, end: i + quote.length });
  }
  return found;
}

/**
 * Among exact occurrences of a folded quote (folded offsets), the index of the one whose
 * context and position agree best, if it can be trusted; -1 otherwise. An exact short
 * quote among unrelated sentences is another use of the same words, not the passage
 * the user saved.
 */
export function bestExact(
  text: string,
  quoteLength: number,
  occurrences: ReadonlyArray<{ start: number; end: number }>,
  context: QuoteContext,
): number {
  const scored = occurrences.map((o) => scoreMatch(text, quoteLength, { ...o, errors: 0 }, context));
  const top = bestTrusted(scored, quoteLength);
  return top ? scored.indexOf(top) : -1;
}

interface Window {
  start: number;
  end: number;
  /** How many seeds pointed here. */
  hits: number;
}

/** Where the quote might be: places suggested by pieces of it, by its context and by its old position. */
function candidateWindows(text: string, quote: string, context: QuoteContext, maxErrors: number): Window[] {
  const estimates: number[] = [];
  const seed = (pattern: string, toQuoteStart: (m: { start: number; end: number }) => number) => {
    const errors = Math.floor(pattern.length * MAX_QUOTE_ERROR_RATE);
    for (const m of search(text, pattern, errors)) estimates.push(toQuoteStart(m));
  };

  if (quote.length > SEED_LENGTH * 2) {
    const span = quote.length - SEED_LENGTH;
    const count = Math.min(MAX_SEEDS, Math.ceil(quote.length / SEED_LENGTH));
    for (let k = 0; k < count; k++) {
      const offset = Math.round((span * k) / (count - 1));
      seed(quote.slice(offset, offset + SEED_LENGTH), (m) => m.start - offset);
    }
  }
  const prefix = context.prefix.slice(-SEED_LENGTH);
  if (prefix.length >= MIN_CONTEXT_SEED) seed(prefix, (m) => m.end);
  const suffix = context.suffix.slice(0, SEED_LENGTH);
  if (suffix.length >= MIN_CONTEXT_SEED) seed(suffix, (m) => m.start - quote.length);
  if (context.hint !== undefined) estimates.push(context.hint);

  // Each estimate is widened by the errors the quote may have, then overlapping windows merged.
  const slack = maxErrors + 1;
  const raw = estimates
    .map((s) => ({ start: Math.max(0, s - slack), end: Math.min(text.length, s + quote.length + slack), hits: 1 }))
    .filter((w) => w.end > w.start)
    .sort((a, b) => a.start - b.start);
  const merged: Window[] = [];
  for (const w of raw) {
    const last = merged[merged.length - 1];
    if (last && w.start <= last.end) {
      last.end = Math.max(last.end, w.end);
      last.hits += 1;
    } else merged.push({ ...w });
  }
  const limit = quote.length > SEED_LENGTH * 2 ? MAX_WINDOWS_LONG : MAX_WINDOWS_SHORT;
  return merged.sort((a, b) => b.hits - a.hits).slice(0, limit);
}

/** Characters that agree reading forwards from `a[i]` and `b[j]`. */
function agreeForward(a: string, i: number, b: string, j: number): number {
  let n = 0;
  while (i + n < a.length && j + n < b.length && a.charCodeAt(i + n) === b.charCodeAt(j + n)) n++;
  return n;
}

/** Characters that agree reading backwards from just before `a[i]` and `b[j]`. */
function agreeBackward(a: string, i: number, b: string, j: number): number {
  let n = 0;
  while (i - n > 0 && j - n > 0 && a.charCodeAt(i - n - 1) === b.charCodeAt(j - n - 1)) n++;
  return n;
}

/** How far a fuzzy match's edges may be moved to line them up with the quote and its context. */
const SNAP_RADIUS = 32;

/**
 * An approximate match's edges are only as good as the cheapest alignment: with "Four
 * Chinese" edited to "Four major Chinese", "jor Chinese" is fewer edits away than the
 * whole phrase. Each edge is moved to where the text agrees longest with the quote on
 * one side and with the stored context on the other, when that agrees better than
 * where it was. Moved inward, an edge gives up characters the match had aligned with
 * the quote, so there the agreement must gain more than the characters given up: in a
 * list that repeats its words, a quote's last words stand again one item earlier, and
 * with little context left after the quote they would otherwise cut that item off.
 */
function snapEdges(text: string, quote: string, context: QuoteContext, match: ScoredMatch, maxErrors: number): ScoredMatch {
  const radius = Math.min(SNAP_RADIUS, maxErrors);
  const startAgreement = (s: number) =>
    agreeForward(text, s, quote, 0) + agreeBackward(text, s, context.prefix, context.prefix.length);
  const endAgreement = (e: number) =>
    agreeBackward(text, e, quote, quote.length) + agreeForward(text, e, context.suffix, 0);

  let start = match.start;
  let best = startAgreement(start);
  for (let s = Math.max(0, match.start - radius); s <= Math.min(match.end - 1, match.start + radius); s++) {
    const a = startAgreement(s) - Math.max(0, s - match.start);
    if (a > best || (a === best && Math.abs(s - match.start) < Math.abs(start - match.start))) [start, best] = [s, a];
  }
  let end = match.end;
  best = endAgreement(end);
  for (let e = Math.max(start + 1, match.end - radius); e <= Math.min(text.length, match.end + radius); e++) {
    const a = endAgreement(e) - Math.max(0, match.end - e);
    if (a > best || (a === best && Math.abs(e - match.end) < Math.abs(end - match.end))) [end, best] = [e, a];
  }
  return { ...match, start, end };
}

/**
 * The best approximate match of `quote` (folded) in `text` (folded) that can be
 * trusted, or null. Short quotes are also searched over the whole text; long ones
 * only where a seed suggests, because the search costs grow with the pattern's length.
 */
export function bestFuzzy(text: string, quote: string, context: QuoteContext): ScoredMatch | null {
  // A quote too short to tolerate one changed character (under 4) gets no errors: the
  // search below finds only its exact occurrences, which anchor() has already weighed.
  const maxErrors = Math.floor(quote.length * MAX_QUOTE_ERROR_RATE);

  const found = new Map<string, { start: number; end: number; errors: number }>();
  const keep = (m: { start: number; end: number; errors: number }) => {
    const key = `${m.start}:${m.end}`;
    const seen = found.get(key);
    if (!seen || seen.errors > m.errors) found.set(key, m);
  };
  if (quote.length <= SEED_LENGTH * 2) for (const m of search(text, quote, maxErrors)) keep(m);
  for (const w of candidateWindows(text, quote, context, maxErrors)) {
    for (const m of search(text.slice(w.start, w.end), quote, maxErrors)) {
      keep({ start: m.start + w.start, end: m.end + w.start, errors: m.errors });
    }
  }

  // No match is empty: it would have as many errors as the quote has characters.
  const scored = [...found.values()].map((m) => scoreMatch(text, quote.length, m, context));
  const top = bestTrusted(scored, quote.length);
  return top ? snapEdges(text, quote, context, top, maxErrors) : null;
}
