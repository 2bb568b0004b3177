import type { EntityId, FactCandidate, FigureUnit, Mention } from '../types';
import { speaksForRegulator, speaksOfCampaign } from './actions';
import { findDates, periodOf, type DateFinding } from './dates';
import { findFigures, type FigureFinding } from './figures';
import { findNonFigureSpans } from './non-figures';
import { findPassages, type Passage } from './passages';
import { findQuantities } from './quantities';
import { splitSentences } from './sentences';

export interface ExtractOptions {
  /** The article's publication date (YYYY-MM-DD or ISO date-time): the year of dates written without one. */
  articleDate?: string;
}

/** A fact candidate together with the action of each of its figures (same order). */
export interface FactFinding {
  fact: FactCandidate;
  figureActions: string[];
}

/**
 * The sentences of `text` that state campaign figures: each becomes a FactCandidate
 * with its figures, the entities it is about, the action and the period or day it
 * speaks of. Offsets index `text`, so `fact.text === text.slice(fact.start, fact.end)`.
 *
 * A sentence that names no entity takes those of its paragraph, or of the paragraph
 * before ("Additionally, around 187,000 accounts faced consequences…" after a paragraph
 * about the CAC). Headlines, captions and list items stand alone: they need an entity or
 * a campaign word of their own. Lines of "Related" link lists are skipped.
 */
export function extractFacts(text: string, mentions: readonly Mention[], options: ExtractOptions = {}): FactCandidate[] {
  return findFacts(text, mentions, options).map((f) => f.fact);
}

/** extractFacts, keeping each figure's own action (a sentence may close accounts and remove posts). */
export function findFacts(text: string, mentions: readonly Mention[], options: ExtractOptions = {}): FactFinding[] {
  const analysed = asciiDigits(text);
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const passages = findPassages(analysed);
  const findings: FactFinding[] = [];
  let previousProse: Passage | undefined;
  // A line that ends with a colon leads into the list below it ("Here's a breakdown of the
  // agency's actions:"): its items speak of what it speaks of.
  let leadIn: Passage | undefined;
  /** What the last figure of the sentence before counted ("6,767 websites … 512 of these …"). */
  let antecedent: FigureUnit | undefined;
  for (const passage of passages) {
    const lead = passage.standalone ? leadIn : undefined;
    const quantities = passage.linkList ? [] : findQuantities(analysed, passage.start, passage.end);
    if (quantities.length === 0) antecedent = undefined;
    if (quantities.length > 0) {
      const dates = findDates(analysed, options, passage.start, passage.end);
      const furniture = findNonFigureSpans(analysed, passage.start, passage.end);
      const excluded = [...dates, ...furniture];
      for (const sentence of splitSentences(analysed, passage.start, passage.end)) {
        const figures = findFigures(analysed, sentence.start, sentence.end, excluded, text, quantities, antecedent);
        // "of these" points at the sentence just before: a sentence without figures between breaks the thread.
        antecedent = figures.findLast((f) => f.unit)?.unit;
        if (figures.length === 0) continue;
        const entities = lead
          ? entitiesFor(sorted, analysed, sentence, { ...lead, standalone: false }, previousProse)
          : entitiesFor(sorted, analysed, sentence, passage, previousProse);
        if (!entities) continue;
        findings.push(toFinding(text, sentence, figures, entities, dates));
      }
    }
    if (/[:：]$/.test(analysed.slice(passage.start, passage.end))) leadIn = passage;
    else if (!passage.standalone) leadIn = undefined;
    if (!passage.standalone) previousProse = passage;
  }
  return findings;
}

function toFinding(text: string, sentence: { start: number; end: number }, figures: FigureFinding[], entities: EntityId[], dates: DateFinding[]): FactFinding {
  const inSentence = dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end);
  const when = periodOf(inSentence);
  // "3月10日以来，…专项行动。截至5月22日，累计清理…": a period may open in an earlier sentence of the paragraph.
  if (when.period && !when.period.from && when.period.to) {
    const opened = dates.filter((d) => d.end <= sentence.start && d.role === 'from' && d.period?.from).pop();
    if (opened?.period?.from && opened.period.from <= when.period.to) when.period = { from: opened.period.from, to: when.period.to };
  }
  const fact: FactCandidate = {
    start: sentence.start,
    end: sentence.end,
    text: text.slice(sentence.start, sentence.end),
    entities,
    figures: figures.map(({ action: _action, phraseEnd: _end, ...figure }) => figure),
    action: figures[0]!.action,
    ...(when.date && { date: when.date }),
    ...(when.period && { period: when.period }),
  };
  return { fact, figureActions: figures.map((f) => f.action) };
}

/**
 * The entities a sentence is about, or undefined when it is about neither an entity nor
 * a campaign (then its numbers are not campaign figures).
 */
function entitiesFor(
  mentions: readonly Mention[], text: string, sentence: { start: number; end: number },
  passage: Passage, previous: Passage | undefined,
): EntityId[] | undefined {
  const own = entitiesIn(mentions, sentence.start, sentence.end);
  if (own.length > 0) return own;
  const sentenceText = text.slice(sentence.start, sentence.end);
  if (speaksForRegulator(sentenceText)) return ['cac'];
  if (passage.standalone) return speaksOfCampaign(sentenceText) ? [] : undefined;
  // Named entities first: "In a separate campaign, the regulator shut down…" is still the CAC's.
  const inPassage = entitiesIn(mentions, passage.start, passage.end);
  if (inPassage.length > 0) return inPassage;
  const passageText = text.slice(passage.start, passage.end);
  if (speaksForRegulator(passageText)) return ['cac'];
  const before = previous ? entitiesIn(mentions, previous.start, previous.end) : [];
  if (before.length > 0) return before;
  if (previous && speaksForRegulator(text.slice(previous.start, previous.end))) return ['cac'];
  const context = [sentenceText, passageText, previous ? text.slice(previous.start, previous.end) : ''];
  return context.some(speaksOfCampaign) ? [] : undefined;
}

function entitiesIn(mentions: readonly Mention[], start: number, end: number): EntityId[] {
  const ids: EntityId[] = [];
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < mentions.length && mentions[i]!.start < end; i++) {
    const m = mentions[i]!;
    if (m.end > start && !ids.includes(m.entity)) ids.push(m.entity);
  }
  return ids;
}

/** Full-width digits (and the full-width point between them) as ASCII: same length, so offsets hold. */
function asciiDigits(text: string): string {
  if (!/[０-９]/.test(text)) return text;
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(?<=\d)．(?=\d)/g, '.');
}
