/**
 * Sentence boundaries in English, Chinese and text that mixes them, in one linear pass.
 * Intl.Segmenter would do this too, but it slows down sharply on long strings and
 * splits after abbreviations; the rules a news sentence needs are few:
 * - 。！？ end a sentence; . ! ? end one when a space (or CJK text, or the end) follows;
 * - a '.' inside a number (1.4) or after an abbreviation (U.S., Mr.) does not;
 * - inside quotes a sentence goes on ("Stop!" the CAC said.), and a quote that closes
 *   right after the stop takes the closing mark with it;
 * - a line break ends a sentence (headlines, captions, list items have no full stop),
 *   unless the line was merely wrapped: it ends mid-sentence and the next one goes on in
 *   lower case.
 */
export interface TextSpan {
  start: number;
  end: number;
}

const FULL_WIDTH_STOPS = new Set(['。', '！', '？', '｡']);
const ASCII_STOPS = new Set(['.', '!', '?']);
const CLOSERS = new Set(['"', '”', '’', "'", '」', '』', ')', '）', ']', '】', '》']);
const OPENING_QUOTES: Record<string, string> = { '“': '”', '「': '」', '『': '』' };
const SPECIAL = /[\n“「『」』”"。！？｡.!?]/g;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'gov', 'sen', 'rep', 'lt', 'col', 'capt', 'sgt',
  'inc', 'ltd', 'co', 'corp', 'vs', 'e.g', 'i.e', 'no', 'nos', 'art', 'vol', 'fig', 'approx', 'est', 'dept',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'a.m', 'p.m', 'u.s',
  'u.k', 'u.n', 'e.u', 'p.r.c', 'ph.d', 'cf', 'al',
]);

/** Whether the line break at `i` only wraps a paragraph's line. */
export function isWrappedLine(text: string, i: number): boolean {
  let p = i - 1;
  while (p >= 0 && (text[p] === ' ' || text[p] === '\t' || text[p] === '\r')) p--;
  const last = text.charAt(p);
  if (!/[\p{Ll},;\-]/u.test(last)) return false;
  let n = i + 1;
  while (n < text.length && (text[n] === ' ' || text[n] === '\t')) n++;
  return /\p{Ll}/u.test(text.charAt(n));
}

/** The sentences of `text[from, to)`, trimmed, as offsets into `text`. */
export function splitSentences(text: string, from = 0, to = text.length): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = from;
  let closeQuote: string | undefined;
  let asciiQuoteOpen = false;
  const emit = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text.charAt(s))) s++;
    while (e > s && /\s/.test(text.charAt(e - 1))) e--;
    if (e > s) spans.push({ start: s, end: e });
    start = end;
  };
  // Jump from one character that matters to the next: a per-character loop over long
  // pages spends its time making one-character strings.
  SPECIAL.lastIndex = from;
  for (let m = SPECIAL.exec(text); m && m.index < to; m = SPECIAL.exec(text)) {
    const i = m.index;
    const ch = m[0];
    if (ch === '\n') {
      if (!isWrappedLine(text, i)) {
        emit(i);
        closeQuote = undefined;
        asciiQuoteOpen = false;
      }
      continue;
    }
    if (ch in OPENING_QUOTES) {
      closeQuote = OPENING_QUOTES[ch];
      continue;
    }
    if (ch === closeQuote) {
      closeQuote = undefined;
      continue;
    }
    if (ch === '"') {
      asciiQuoteOpen = !asciiQuoteOpen;
      continue;
    }
    const fullWidth = FULL_WIDTH_STOPS.has(ch);
    if (!fullWidth && !ASCII_STOPS.has(ch)) continue;
    if (ch === '.' && !isFullStop(text, i)) continue;
    // Take the run of stops and closing marks that ends the sentence: "?!", "。”", '."'.
    let end = i + 1;
    let closesQuote = false;
    while (end < to) {
      const c = text.charAt(end);
      if (FULL_WIDTH_STOPS.has(c) || ASCII_STOPS.has(c)) end++;
      else if (c === closeQuote || (c === '"' && asciiQuoteOpen)) {
        closesQuote = true;
        end++;
      } else if (CLOSERS.has(c) && c !== '"') end++;
      else break;
    }
    const insideQuote = (closeQuote !== undefined || asciiQuoteOpen) && !closesQuote;
    if (insideQuote) {
      SPECIAL.lastIndex = end;
      continue;
    }
    if (closesQuote) {
      closeQuote = undefined;
      asciiQuoteOpen = false;
    }
    SPECIAL.lastIndex = end;
    if (startsNewSentence(text, end, to, fullWidth)) emit(end);
  }
  emit(to);
  return spans;
}

/** Whether a '.' at `i` can end a sentence (not a decimal point, an abbreviation or an ellipsis). */
function isFullStop(text: string, i: number): boolean {
  if (/\d/.test(text.charAt(i + 1)) && /\d/.test(text.charAt(i - 1))) return false;
  if (text.charAt(i + 1) === '.' || text.charAt(i - 1) === '.') return false;
  let w = i;
  while (w > 0 && /[\p{L}.]/u.test(text.charAt(w - 1))) w--;
  const word = text.slice(w, i).toLowerCase();
  if (ABBREVIATIONS.has(word)) return false;
  // A single capital is an initial ("J. Smith"); dotted capitals are an acronym ("U.S.").
  if (/^[A-Z]$/.test(text.slice(w, i)) || /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(text.slice(w, i))) return false;
  return true;
}

/** Whether what follows position `end` starts a new sentence. */
function startsNewSentence(text: string, end: number, to: number, afterFullWidth: boolean): boolean {
  if (end >= to) return true;
  if (afterFullWidth) return true;
  const next = text.charAt(end);
  if (CJK.test(next)) return true;
  if (!/\s/.test(next)) return false;
  let n = end;
  while (n < to && /[ \t\u00a0]/.test(text.charAt(n))) n++;
  if (n >= to || text.charAt(n) === '\n' || text.charAt(n) === '\r') return true;
  // A lower-case word after the stop means the sentence goes on ("e.g. this", "said: stop? no").
  return !/\p{Ll}/u.test(text.charAt(n));
}
