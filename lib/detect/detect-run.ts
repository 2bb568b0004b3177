/**
 * One detect() call's dealings with context: asks the sense reader about ambiguous
 * words, puts mentions together (with their reason when asked), and teaches the page's
 * record what this text shows. Forms that need no context pass straight through.
 */
import { foldString } from '../text';
import type { Mention } from '../types';
import type { Variant } from './compile-matcher';
import type { PageContext } from './page-context';
import { SenseReader, type Decision } from './senses';

export interface DetectOptions {
  /** The text of the block just before `text`, when `text` starts mid-page (a live page's block, a piece). */
  before?: string;
  /** The page's record of definitions and senses: consulted, and taught what this text shows. */
  page?: PageContext;
  /** Put on each mention that context decided the sentence saying why (for hover cards). */
  reasons?: boolean;
  /** Called for every ambiguous word met, taken or not, with why (the scan command's --explain). */
  explain?: (explanation: Explanation) => void;
}

/** Why an ambiguous word was or was not taken. */
export interface Explanation {
  /** The entity it would be. */
  entity: string;
  start: number;
  end: number;
  text: string;
  taken: boolean;
  decision: Decision;
  /** One sentence for people. */
  why: string;
}

export class DetectRun {
  private reader: SenseReader | undefined;
  private decision: Decision | undefined;

  constructor(
    private readonly text: string,
    private readonly options: DetectOptions,
  ) {}

  /** Whether an ambiguous form found at [start, end) means its entity here. */
  takes(start: number, end: number, v: Variant): boolean {
    const rule = v.sense!;
    this.reader ??= new SenseReader(this.text, this.options.before, this.options.page);
    const word = this.text.slice(start, end);
    const decision = this.reader.decide(start, end, word, rule);
    this.decision = decision;
    this.options.explain?.({
      entity: v.entity,
      start,
      end,
      text: word,
      taken: decision.take,
      decision,
      why: describe(word, rule.meaning, decision),
    });
    return decision.take;
  }

  /** The mention for a form that passed; the page learns from it. */
  mention(v: Variant, start: number, end: number): Mention {
    const text = this.text.slice(start, end);
    const mention: Mention = { entity: v.entity, start, end, text };
    const page = this.options.page;
    if (v.sense) {
      if (this.options.reasons && this.decision) mention.reason = describe(text, v.sense.meaning, this.decision);
    } else if (page) {
      page.name(v.entity);
      if (v.defines) page.define(foldString(v.defines, true), { sense: 'entity', expansion: text });
    }
    return mention;
  }
}

/** "快手 is not the platform Kuaishou: a dish (快手菜) is next to it." */
export function describe(word: string, meaning: string, d: Decision): string {
  const verdict = `${word} ${d.take ? 'is' : 'is not'} ${meaning}`;
  const words = d.words ? ` (${d.words.join(', ')})` : '';
  switch (d.tier) {
    case 'near':
      return `${verdict}: next to it, ${d.label}.`;
    case 'definition':
      return `${verdict}: the text spells it out here as “${d.label}”.`;
    case 'sentence':
      return `${verdict}: its sentence speaks of ${d.label}${words}.`;
    case 'passage':
      return `${verdict}: its paragraph or the one before speaks of ${d.label}${words}.`;
    case 'page-definition':
      return `${verdict}: the page defines ${word} as “${d.label}”.`;
    case 'page-sense':
      return `${verdict}: nothing nearby decides, and where its own context decided elsewhere on the page, ${word} was ${d.take ? meaning : 'another word'}.`;
    case 'page-entities':
      return `${verdict}: nothing nearby decides, and the page names ${d.label}.`;
    case 'fallback':
      return `${verdict}: nothing on the page decides, so it is ${d.take ? 'taken' : 'left'} by default.`;
  }
}
