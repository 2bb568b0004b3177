/**
 * Decides what an ambiguous word means where it stands (快手 the platform or a quick
 * dish, 清朗 the campaign or "clear", CAC the regulator or the Codex commission), from
 * its SenseRule (lib/lexicon/senses.ts), tier by tier:
 *
 * 1. near: a cue right next to it (快手菜, 清朗的, CAC 40, “清朗”);
 * 2. for an acronym, a definition at this very place ("食品法典委员会（CAC）");
 * 3. the cue words of its sentence, then of its passage: its block and the block before;
 * 4. for an acronym, what the page defines it as;
 * 5. the page: the sense the same word had where its own passage decided it, then
 *    whether the page names one of the entities of the rule's world;
 * 6. the rule's fallback.
 *
 * A block is the text between block breaks (U+001E, which the page and the scan command
 * put between blocks) or line breaks. Only its own text, the block before (from `before`
 * when the text starts with this block) and the page record are read, so a block gives
 * the same answer read alone (with its `before`) or inside a whole page.
 */
import type { CueWords, Sense, SenseRule } from '../lexicon';
import { foldKeepingLength, foldString } from '../text';
import type { Definition, PageContext } from './page-context';

export type Tier = 'near' | 'definition' | 'sentence' | 'passage' | 'page-definition' | 'page-sense' | 'page-entities' | 'fallback';

/** One decision, with what it rests on. */
export interface Decision {
  take: boolean;
  sense: Sense;
  tier: Tier;
  /** What decided it: a cue's label, a definition, a sense. */
  label: string;
  /** The cue words found, when words decided it. */
  words?: string[];
}

const CONTEXT_CHARS = 24;
/** How much of a block, each side of the word, and of the block before, a passage reads. */
const PASSAGE_CHARS = 400;
const LF = 0x0a;
const CR = 0x0d;
const RECORD_SEPARATOR = 0x1e;
const LINE_SEPARATOR = 0x2028;
const PARAGRAPH_SEPARATOR = 0x2029;

function isBlockBoundary(code: number): boolean {
  return code === LF || code === CR || code === RECORD_SEPARATOR || code === LINE_SEPARATOR || code === PARAGRAPH_SEPARATOR;
}

/** The last block of a text with something in it: the context of the next text's first block. */
export function lastBlockOf(text: string): string {
  let end = text.length;
  while (end > 0) {
    let start = end;
    while (start > 0 && !isBlockBoundary(text.charCodeAt(start - 1))) start--;
    const block = text.slice(start, end);
    if (block.trim() !== '') return block;
    end = start - 1;
  }
  return '';
}

// Sentences end at these, or at a full stop followed by a space.
const SENTENCE_END = /[。！？!?；;…]|\.(?=\s)/g;

/** Reads the context of the ambiguous words of one text. One per detect() call. */
export class SenseReader {
  private blockStart = 0;
  private blockEnd = 0;
  private cache: { rule: SenseRule; from: number; to: number; found: Found[] } | undefined;

  constructor(
    private readonly text: string,
    private readonly before: string | undefined,
    private readonly page: PageContext | undefined,
  ) {}

  decide(start: number, end: number, word: string, rule: SenseRule): Decision {
    const text = this.text;
    // The word as the page's record keys it: ＣＡＣ and CAC, 快手 and 快手 are one word.
    const key = foldString(word, true);
    const near = foldString(text.slice(Math.max(0, start - CONTEXT_CHARS), start));
    const after = foldString(text.slice(end, Math.min(text.length, end + CONTEXT_CHARS)));
    for (const cue of rule.near) {
      if (cue.precededBy && !cue.precededBy.test(near)) continue;
      if (cue.followedBy && !cue.followedBy.test(after)) continue;
      if (cue.defines) this.page?.define(key, { sense: cue.sense, expansion: cue.label });
      return this.learnt(key, { take: cue.sense === 'entity', sense: cue.sense, tier: 'near', label: cue.label });
    }

    if (rule.acronym) {
      const here = definitionAt(text, start, end, word, rule.acronym.entityExpansion);
      if (here) {
        this.page?.define(key, here);
        return this.learnt(key, { take: here.sense === 'entity', sense: here.sense, tier: 'definition', label: here.expansion });
      }
    }

    const found = this.cuesAround(start, end, rule);
    const sentence = this.sentenceAround(start, end);
    for (const [tier, where] of [['sentence', found.filter((f) => f.at >= sentence[0] && f.at < sentence[1])], ['passage', found]] as const) {
      const verdict = weigh(distinct(where, key));
      if (verdict && (!rule.cuesOnlyFor || verdict.sense === rule.cuesOnlyFor)) {
        return this.learnt(key, { take: verdict.sense === 'entity', sense: verdict.sense, tier, label: verdict.label, words: verdict.words });
      }
    }

    const page = this.page;
    if (page) page.dependedOnPage();
    const defined: Definition | undefined = rule.acronym ? page?.definitionOf(key) : undefined;
    // A page that also uses the word as the entity by its own words (a regulation story that
    // mentions the CAC 40 in passing) has two senses: another sense defined somewhere does not
    // settle a bare use there, so it falls to what the page is about.
    const contested = defined !== undefined && defined.sense !== 'entity' && page?.hasSeen(key, 'entity') === true;
    if (defined && !contested) return { take: defined.sense === 'entity', sense: defined.sense, tier: 'page-definition', label: defined.expansion };
    const elsewhere = page?.senseOf(key);
    if (elsewhere) return { take: elsewhere === 'entity', sense: elsewhere, tier: 'page-sense', label: elsewhere };
    const named = page?.namesAny(rule.pageEntities);
    if (named) return { take: true, sense: 'entity', tier: 'page-entities', label: named };
    return { take: rule.fallback === 'entity', sense: rule.fallback, tier: 'fallback', label: rule.fallback };
  }

  /** A decision its own passage made: the page remembers it for the word's other uses. */
  private learnt(word: string, decision: Decision): Decision {
    this.page?.saw(word, decision.sense);
    return decision;
  }

  /**
   * The cue words of the passage around [start, end): its block (within PASSAGE_CHARS of
   * the word, so a huge block costs no more than a paragraph) and the end of the block
   * before. Offsets (`at`) are offsets of the text; the block before's words come first,
   * below the block's start. One pass of one expression per rule and passage, cached
   * for the next word in the same place.
   */
  private cuesAround(start: number, end: number, rule: SenseRule): Found[] {
    const text = this.text;
    let blockStart = start;
    const floor = Math.max(0, start - PASSAGE_CHARS);
    while (blockStart > floor && !isBlockBoundary(text.charCodeAt(blockStart - 1))) blockStart--;
    let blockEnd = end;
    const ceiling = Math.min(text.length, end + PASSAGE_CHARS);
    while (blockEnd < ceiling && !isBlockBoundary(text.charCodeAt(blockEnd))) blockEnd++;
    this.blockStart = blockStart;
    this.blockEnd = blockEnd;
    const cached = this.cache;
    if (cached && cached.rule === rule && cached.from === blockStart && cached.to === blockEnd) return cached.found;

    const atBlockStart = blockStart === 0 || isBlockBoundary(text.charCodeAt(blockStart - 1));
    const previous = atBlockStart ? this.blockBefore(blockStart).slice(-PASSAGE_CHARS) : '';
    // Built-in cue lists are written in both scripts and read case-insensitively, so they
    // read the text as it is; a user's cues are their terms folded, so the text is folded too.
    const raw = `${previous}\n${text.slice(blockStart, blockEnd)}`;
    const window = rule.foldPassage ? foldKeepingLength(raw) : raw;
    const shift = blockStart - previous.length - 1;
    const { pattern, cues } = compiledCues(rule);
    const found: Found[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const group = m.findIndex((g, k) => k > 0 && g !== undefined);
      const cue = cues[group - 1]!;
      found.push({ sense: cue.sense, label: cue.label, word: m[0], at: m.index + shift });
    }
    this.cache = { rule, from: blockStart, to: blockEnd, found };
    return found;
  }

  /** The nearest block before `start` with something in it; from `before` when the text has none. */
  private blockBefore(start: number): string {
    const text = this.text;
    let end = start - 1;
    while (end > 0) {
      let from = end;
      while (from > 0 && !isBlockBoundary(text.charCodeAt(from - 1))) from--;
      const block = text.slice(from, end);
      if (block.trim() !== '') return block;
      end = from - 1;
    }
    return this.before ? lastBlockOf(this.before) : '';
  }

  /** The sentence holding [start, end) inside its block, as offsets of the text. */
  private sentenceAround(start: number, end: number): [number, number] {
    const block = this.text.slice(this.blockStart, this.blockEnd);
    const from = start - this.blockStart;
    const to = end - this.blockStart;
    let sentenceStart = 0;
    let sentenceEnd = block.length;
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(block); m; m = SENTENCE_END.exec(block)) {
      if (m.index < from) sentenceStart = m.index + 1;
      else if (m.index >= to) {
        sentenceEnd = m.index;
        break;
      }
    }
    return [this.blockStart + sentenceStart, this.blockStart + sentenceEnd];
  }
}

/** A rule's cue words as one expression, a capture group per cue, compiled once. */
const compiled = new WeakMap<SenseRule, { pattern: RegExp; cues: readonly CueWords[] }>();
function compiledCues(rule: SenseRule): { pattern: RegExp; cues: readonly CueWords[] } {
  let c = compiled.get(rule);
  if (!c) {
    const source = rule.cues.map((cue) => `(${cue.words.source})`).join('|');
    c = { pattern: new RegExp(source || '(?!)', 'gi'), cues: rule.cues };
    compiled.set(rule, c);
  }
  return c;
}

interface Found {
  sense: Sense;
  label: string;
  word: string;
  /** Offset in the text (the block before's words are below the block's start). */
  at: number;
}

/** Each cue word once, leaving out the ambiguous word itself (folded, lower-case). */
function distinct(found: readonly Found[], ownWord: string): Found[] {
  const seen = new Set<string>();
  const out: Found[] = [];
  for (const f of found) {
    const word = f.word.toLowerCase();
    const id = `${f.sense}:${word}`;
    if (word === ownWord || seen.has(id)) continue;
    seen.add(id);
    out.push(f);
  }
  return out;
}

/** The sense with more distinct cue words, and the label of its strongest group; undefined on a tie. */
function weigh(found: readonly Found[]): { sense: Sense; label: string; words: string[] } | undefined {
  const entity = found.filter((f) => f.sense === 'entity');
  const other = found.filter((f) => f.sense === 'other');
  if (entity.length === other.length) return undefined;
  const winner = entity.length > other.length ? entity : other;
  const byLabel = new Map<string, number>();
  for (const f of winner) byLabel.set(f.label, (byLabel.get(f.label) ?? 0) + 1);
  const label = [...byLabel].sort((a, b) => b[1] - a[1])[0]![0];
  return { sense: winner[0]!.sense, label, words: winner.map((f) => f.word) };
}

// "Codex Alimentarius Commission (CAC)", "国际食品法典委员会（简称CAC）": the name before the bracket.
const OPENS_BEFORE = /[(（]\s*(?:简称|簡稱|以下简称|以下簡稱|下称|下稱|hereinafter(?: referred to as)?|or|abbreviated(?: as)?)?\s*["“「]?$/;
const CLOSES_AFTER = /^\s*["”」]?\s*[)）,，;；]/;
// "CAC (Codex Alimentarius Commission)", "CAC（国际食品法典委员会）": the name inside the bracket after.
const BRACKET_AFTER = /^\s?[(（]\s*([^()（）]{2,80}?)\s*[)）]/;
const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'du', 'des', 'en', 'et', 'la', 'le', '&']);
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * What the text defines the acronym at [start, end) as, right here: the name before a
 * bracket that holds it, or the name in a bracket right after it. A name that means
 * the entity makes it the entity; a Chinese name, or an English one whose initials spell
 * the acronym, makes it something else; anything else ("the regulator (CAC)") says nothing.
 */
export function definitionAt(text: string, start: number, end: number, acronym: string, entityExpansion: RegExp): Definition | undefined {
  const before = text.slice(Math.max(0, start - 80), start);
  const opens = OPENS_BEFORE.exec(before);
  if (opens && CLOSES_AFTER.test(text.slice(end, end + 4))) {
    const name = nameBefore(before.slice(0, opens.index));
    const sense = name && classify(name, acronym, entityExpansion);
    if (sense) return { sense, expansion: name };
  }
  const inside = BRACKET_AFTER.exec(text.slice(end, end + 90));
  if (inside) {
    const name = inside[1]!.trim();
    const sense = classify(name, acronym, entityExpansion);
    if (sense) return { sense, expansion: name };
  }
  return undefined;
}

/** The name that ends where a bracket opens: a run of Han characters, or of Latin words. */
function nameBefore(text: string): string | undefined {
  const trimmed = text.replace(/\s+$/, '');
  const han = /[\u3400-\u9fff\uf900-\ufaff·]{2,30}$/.exec(trimmed);
  if (han) return han[0];
  // A name's words are capitalised, small words aside: "… established by the Codex Alimentarius Commission".
  const words = trimmed.split(/\s+/);
  let first = words.length;
  while (first > 0 && /^(?:[A-Z][\w'’.-]*|of|the|and|for|on|de|du|des|en|et|la|le|&)$/.test(words[first - 1]!)) first--;
  while (first < words.length && SMALL_WORDS.has(words[first]!.toLowerCase())) first++;
  return first < words.length ? words.slice(first).join(' ') : undefined;
}

function classify(name: string, acronym: string, entityExpansion: RegExp): Sense | undefined {
  if (entityExpansion.test(name)) return 'entity';
  if (HAN.test(name)) return 'other';
  return initialsSpell(name, acronym) ? 'other' : undefined;
}

/** Whether the last words of a name, small words aside, start with the acronym's letters: Codex Alimentarius Commission → CAC. */
function initialsSpell(name: string, acronym: string): boolean {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
  const words = name.split(/[\s-]+/).filter((w) => w !== '' && !SMALL_WORDS.has(w.toLowerCase()));
  if (words.length < letters.length) return false;
  const initials = words.slice(-letters.length).map((w) => w[0]!.toLowerCase()).join('');
  return initials === letters;
}
