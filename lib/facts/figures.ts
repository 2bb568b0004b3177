import type { Figure, FigureUnit } from '../types';
import { actionAfter, actionAfterObject, actionBefore, actionForDuration, objectFirst, participleAction, type Action } from './actions';
import { overlapsAny, type Span } from './non-figures';
import { findQuantities, type Quantity } from './quantities';
import { isEnglishInformationNoun, lastZhUnitNoun, readEnglishNoun, ZH_CLASSIFIERS, zhUnitNounAt } from './units';
import type { Qualifier } from './qualifiers';

/**
 * Campaign figures in one sentence: quantities that count what a campaign did or found.
 * A quantity is one when a campaign verb acts on it: as its object ("closed down 67,000
 * accounts", "永久关闭账号6.66万余个"), as the subject of a passive or of a verb of
 * suffering ("45,000 accounts were closed", "187,000 accounts faced consequences",
 * "6.66万个账号被关闭"), as a participle before its noun ("67,000 permanently closed
 * accounts"), or by coordination with such a figure ("3,000 accounts and 500 groups").
 * A number that is the agent ("Four platforms announced …") is not.
 */
export interface FigureFinding extends Figure {
  action: Action;
  /** Where the figure's noun phrase ends (internal: for passives and coordination). */
  phraseEnd: number;
}

interface Reading {
  q: Quantity;
  unit?: FigureUnit;
  /** A noun or classifier says what is counted. */
  explicit: boolean;
  /** Nothing after the number says what it counts ("nearly 8,000 were removed"). */
  elliptical: boolean;
  /** "512 of these", "8,000 of them": counts what a figure before it counted, perhaps in the sentence before. */
  anaphoric?: boolean;
  phraseEnd: number;
  participle?: Action;
  qualifier?: Qualifier;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const ZH_CAMPAIGN_AFTER = /^[^，,；;：:。！？!?\n\d]{0,12}?(?:专项行动|專項行動|行动|行動|任务|任務|措施)/;
// A space ends the noun phrase: headlines separate clauses with one ("关闭网站10946家 关闭账号107802个").
const ZH_STOP = /[，,；;：:。！？!?\s\u3000、“”"（）()\d]/;
const WORD_RE = /\s*(?:["'“”‘’«»]\s*)?([\p{L}][\p{L}\p{M}\p{N}'’-]*)/uy;
const EN_STOP = new Set([
  'and', 'or', 'but', 'that', 'which', 'who', 'whom', 'whose', 'in', 'on', 'at', 'for', 'from', 'to', 'by',
  'with', 'as', 'into', 'than', 'since', 'during', 'after', 'before', 'over', 'under', 'across', 'per', 'while',
  'including', 'such', 'because', 'among', 'between', 'against', 'within', 'without', 'through', 'via', 'the',
  'a', 'an', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'it', 'they', 'he', 'she', 'we',
  'said', 'says', 'out',
]);
const EN_AUX = new Set(['were', 'was', 'are', 'is', 'have', 'has', 'had', 'got', 'get', 'will', 'would', 'could',
  'may', 'might', 'been', 'be', 'being', 'also', 'all', 'reportedly', 'allegedly']);
/** Verbs right after a number that make it the subject of a penalty: "6,767 receiving warnings". */
const EN_SUFFERING = new Set(['faced', 'facing', 'received', 'receiving', 'suffered', 'suffering']);
const EN_PRONOUNS = new Set(['them', 'these', 'those', 'which', 'whom', 'the', 'its', 'their', 'such']);
/** A clause ends at these; a comma between digit groups ("67,000") does not end one. */
const CLAUSE_BREAK = /[;:；：，。！？!?()（）[\]【】—–]|,(?!\d{3})|\s-\s/g;
const EN_COORDINATION = /^\s*,?\s*(?:(?:and|as\s+well\s+as|plus|&)(?:\s+|$))?(?:(?:another|a\s+further|an\s+additional|an\s+extra)\s*)?$/i;
/** A breakdown of the figure before: "dealt with 830,000 accounts, including 55,000 …", "其中". */
const BREAKDOWN = /^\s*(?:including|among\s+them|of\s+which|of\s+them|其中(?:包括)?|包括)\s*$/i;
/** "interviewed 3,491 websites" is the CAC's 约谈; "interviewed 30 people" is a reporter's work. */
const INTERVIEW = /(?<![\p{L}])interview/iu;
const ZH_COORDINATION = /^\s*(?:、|和|及|以及|与|與|并|並)\s*[\u3400-\u9fffA-Za-z]{0,6}$/;

/**
 * The campaign figures of the sentence `text[start, end)`. `excluded` holds spans whose
 * numbers are dates, times, ages and the like. `original` is the text offsets refer to,
 * when `text` is a copy with full-width digits made ASCII. `quantities` may hold the
 * quantities already found in a larger range (those outside the sentence are ignored).
 * `antecedent`: the unit of the last figure of the sentence before, which "512 of these"
 * at the start of this one counts.
 */
export function findFigures(
  text: string, start: number, end: number, excluded: readonly Span[], original = text,
  quantities: readonly Quantity[] = findQuantities(text, start, end),
  antecedent?: FigureUnit,
): FigureFinding[] {
  const figures: FigureFinding[] = [];
  const waiting: FigureFinding[] = [];
  let previousUnit: FigureUnit | undefined;
  for (const q of quantities) {
    if (q.start < start || q.end > end) continue;
    if (overlapsAny(excluded, q.start, q.end)) continue;
    const r = isChinese(text, q, end) ? readChinese(text, q, start, end) : readEnglish(text, q, end);
    if (!r) continue;
    if (q.form !== 'digits' && !r.explicit) continue; // "one of", "一些": word numbers need a noun or classifier
    // "since 2021" is a year; "nearly 2000 were removed" and "2000 accounts" are counts.
    if (q.bare && !r.explicit && !q.qualifier && q.value >= 1900 && q.value <= 2099) continue;
    const clause = clauseBefore(text, start, q.leadStart);
    const after = text.slice(r.phraseEnd, end);
    // "handed over 300 leads": the "over" taken for a hedge is the verb's particle.
    const particleAction = /^over\s+$/i.test(text.slice(q.leadStart, q.start)) ? actionBefore(clauseBefore(text, start, q.start)) : undefined;
    const particle = particleAction !== undefined;
    let action = particleAction ?? actionBefore(clause) ?? r.participle;
    if (action === 'summoned' && r.unit !== 'platforms' && INTERVIEW.test(clause)) continue;
    if (!action && objectFirst(clause)) action = actionAfterObject(after);
    const passive = action ? undefined : actionAfter(after);
    action ??= passive;
    if (!action && r.unit === 'days') action = actionForDuration(clause);
    const previous = figures[figures.length - 1];
    if (!action && previous) {
      const between = text.slice(previous.phraseEnd, q.leadStart);
      if (EN_COORDINATION.test(between) || ZH_COORDINATION.test(between) || BREAKDOWN.test(clause)) action = previous.action;
    }
    let unit = r.unit;
    if (!unit && r.elliptical) unit = previousUnit ?? unitMentionedBefore(text, start, q.leadStart) ?? (r.anaphoric ? antecedent : undefined);
    if (!action) {
      // "More than 22 million items … and 2,160 apps … were removed": the verb comes after
      // the last of the joined subjects; keep this one until it does.
      const last = waiting[waiting.length - 1];
      if (last && !joined(text, last.phraseEnd, q.leadStart)) waiting.length = 0;
      waiting.push(toFinding(q, r, unit, 'dealt with', original));
      continue;
    }
    const lastWaiting = waiting[waiting.length - 1];
    if (passive && lastWaiting && joined(text, lastWaiting.phraseEnd, q.leadStart)) {
      for (const w of waiting) figures.push({ ...w, action });
    }
    waiting.length = 0;
    const figure = toFinding(particle ? { ...q, qualifier: undefined } : q, r, unit, action, original);
    figures.push(figure);
    if (unit) previousUnit = unit;
  }
  return figures;
}

function toFinding(q: Quantity, r: Reading, unit: FigureUnit | undefined, action: Action, original: string): FigureFinding {
  const qualifier = r.qualifier ?? q.qualifier;
  return {
    start: q.start, end: q.end, text: original.slice(q.start, q.end), value: q.value,
    ...(unit && { unit }), ...(qualifier && { qualifier }), action, phraseEnd: r.phraseEnd,
  };
}

/** Whether the text between two figures' noun phrases only joins them ("and", "，", "、"). */
function joined(text: string, from: number, to: number): boolean {
  const between = text.slice(from, to);
  return EN_COORDINATION.test(between) || ZH_COORDINATION.test(between);
}

/** Whether the quantity sits in Chinese: CJK after it, or, when the text stops right after it ("清理信息141"), before it. */
function isChinese(text: string, q: Quantity, end: number): boolean {
  const next = skipSpaces(text, q.tailEnd, end);
  if (next < end) return CJK.test(text.charAt(next));
  return CJK.test(text.charAt(q.leadStart - 1));
}

function skipSpaces(text: string, pos: number, end: number): number {
  while (pos < end && /\s/.test(text.charAt(pos))) pos++;
  return pos;
}

/** The clause that leads up to `pos`: from the last clause break (or the sentence start). */
function clauseBefore(text: string, sentenceStart: number, pos: number): string {
  const slice = text.slice(Math.max(sentenceStart, pos - 200), pos);
  let cut = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(slice); m; m = CLAUSE_BREAK.exec(slice)) cut = m.index + m[0].length;
  return slice.slice(cut);
}

/** What an English quantity counts, read from the words after it. */
function readEnglish(text: string, q: Quantity, end: number): Reading | undefined {
  const words: Array<{ word: string; end: number }> = [];
  let pos = q.tailEnd;
  while (words.length < 7 && pos < end) {
    WORD_RE.lastIndex = pos;
    const m = WORD_RE.exec(text);
    if (!m || m.index + m[0].length > end) break;
    // A possessive is a determiner, not the counted noun: "7,200 streamers' accounts".
    if (/(?:['’]s?|s['’])$/i.test(m[1]!) && /['’]/.test(m[1]!.slice(-2))) {
      pos = m.index + m[0].length;
      continue;
    }
    words.push({ word: m[1]!.replace(/['’-]+$/, ''), end: m.index + m[0].length });
    pos = m.index + m[0].length;
  }
  const base: Reading = { q, explicit: false, elliptical: false, phraseEnd: q.tailEnd };
  let participle: Action | undefined;
  // How far the counted noun may stand from the number: five words, and a little further
  // through modifiers joined by "and" (see modifiersJoined).
  let reach = 5;
  for (let i = 0; i < words.length && i < reach; i++) {
    const { word, end: wordEnd } = words[i]!;
    const lower = word.toLowerCase();
    if (i > 0 && (lower === 'and' || lower === 'or') && modifiersJoined(words, i)) {
      reach = words.length;
      continue;
    }
    if (i === 0 && (EN_AUX.has(lower) || EN_SUFFERING.has(lower))) {
      return { ...base, elliptical: true };
    }
    if (i === 0 && lower === 'of') {
      // "8,000 of them were removed", "3,000 of the accounts".
      const next = words[1];
      const noun = next && EN_PRONOUNS.has(next.word.toLowerCase()) ? words[2] : next;
      const reading = noun ? readEnglishNoun(noun.word) : undefined;
      if (reading && 'unit' in reading) return { ...base, unit: reading.unit, explicit: true, phraseEnd: noun!.end };
      if (next && EN_PRONOUNS.has(next.word.toLowerCase())) return { ...base, elliptical: true, anaphoric: true, phraseEnd: next.end };
      return base;
    }
    const reading = readEnglishNoun(word, words.slice(i + 1).map((w) => w.word));
    if (reading && 'notAFigure' in reading) return undefined;
    if (reading) {
      // "pieces of information": the phrase runs to the noun after "of".
      let phraseEnd = wordEnd;
      if (/^(?:pieces?|items)$/i.test(word) && words[i + 1]?.word.toLowerCase() === 'of') {
        const info = words.slice(i + 2, i + 6).find((w) => isEnglishInformationNoun(w.word));
        if (info) phraseEnd = info.end;
      }
      return { ...base, unit: reading.unit, explicit: true, phraseEnd, participle };
    }
    if (EN_STOP.has(lower) || EN_AUX.has(lower)) break;
    participle ??= participleAction(word);
  }
  // No unit noun: the number stands alone before a verb or a clause break. A participle
  // seen on the way is not kept: without a noun it is the verb of an unknown subject
  // ("12 influencers closed their accounts").
  const first = words[0];
  const gap = first ? text.slice(q.tailEnd, first.end - first.word.length) : '';
  const elliptical = !first || /[,;:.!?)—–]/.test(gap);
  return { ...base, elliptical };
}

/**
 * Whether the "and" at `at` joins modifiers of one noun rather than two phrases: "3,000
 * fake police and court accounts" counts accounts, as "500 illegal and harmful accounts"
 * does. It does when the words after it reach a counted noun within three words, none of
 * them a word that starts a new phrase (a determiner, preposition, auxiliary or verb).
 */
function modifiersJoined(words: ReadonlyArray<{ word: string }>, at: number): boolean {
  for (let j = at + 1; j < words.length && j <= at + 3; j++) {
    const w = words[j]!.word;
    const lower = w.toLowerCase();
    if (EN_STOP.has(lower) || EN_AUX.has(lower) || participleAction(w)) return false;
    const reading = readEnglishNoun(w);
    if (reading) return 'unit' in reading;
  }
  return false;
}

/** What a Chinese quantity counts: the noun after it or its classifier, or the noun before it. */
function readChinese(text: string, q: Quantity, sentenceStart: number, end: number): Reading | undefined {
  let pos = skipSpaces(text, q.tailEnd, end);
  const classifier = ZH_CLASSIFIERS.find(([c]) => text.startsWith(c, pos));
  if (classifier?.[1] === 'not-a-figure') return undefined;
  if (classifier) pos += classifier[0].length;
  let phraseEnd = pos;
  let nounAfter: FigureUnit | undefined;
  // After the classifier a few modifiers may come before the noun ("个违规账号", "個違規「自媒體」賬號").
  for (let k = 0; k <= (classifier ? 9 : 0) && pos + k < end; k++) {
    if (ZH_STOP.test(text.charAt(pos + k))) break;
    const noun = zhUnitNounAt(text, pos + k);
    if (noun) {
      nounAfter = noun.unit;
      phraseEnd = pos + k + noun.noun.length;
      break;
    }
  }
  // "15项“清朗”系列专项行动" counts campaigns, not what they did.
  if (!nounAfter && classifier && ZH_CAMPAIGN_AFTER.test(text.slice(pos, end))) return undefined;
  // Reports often put the noun first: "关闭账号6.66万余个", "移交线索1200条".
  const nounBefore = nounAfter ? undefined : lastZhUnitNoun(clauseBefore(text, sentenceStart, q.leadStart).slice(-12));
  const classifierUnit = classifier?.[1] ?? undefined;
  // A measure of time says what is counted whatever the noun before: "账号禁言30天" counts days.
  const unit = classifierUnit === 'days' ? 'days' : nounAfter ?? nounBefore ?? classifierUnit;
  let qualifier: Qualifier | undefined;
  for (const at of [pos, phraseEnd]) {
    if (text.startsWith('以上', at)) qualifier = 'more than';
    else if (text.startsWith('左右', at)) qualifier = 'around';
  }
  return {
    q,
    unit,
    explicit: !!(nounAfter || nounBefore || classifier),
    elliptical: !unit,
    phraseEnd,
    ...(qualifier && { qualifier }),
  };
}

/** The nearest unit noun earlier in the sentence, for a number that leaves its noun out. */
function unitMentionedBefore(text: string, sentenceStart: number, pos: number): FigureUnit | undefined {
  const before = text.slice(sentenceStart, pos);
  const zh = lastZhUnitNoun(before);
  let en: { at: number; unit: FigureUnit } | undefined;
  const wordRe = /[\p{L}][\p{L}\p{M}'’-]*/gu;
  for (let m = wordRe.exec(before); m; m = wordRe.exec(before)) {
    const reading = readEnglishNoun(m[0]);
    if (reading && 'unit' in reading) en = { at: m.index, unit: reading.unit };
  }
  return en?.unit ?? zh;
}
