/**
 * What a whole page says, for the ambiguous words of each block: which acronyms it
 * defines and as what, which tracked entities it names unambiguously, and which sense
 * the same ambiguous word had where its own passage decided it.
 *
 * Detection stays per block: a block is read with the block before it, and consults
 * this record for anything only the page can tell. The record is learnt as detection
 * runs (`detect(…, { page })` feeds it), so the scan command reads a file twice (learn,
 * then decide), and a live page learns as it is read. Everything in it only grows, and
 * its version moves only when something new is learnt: a page that learns something
 * after a block was decided from the page's side is `stale`, and the blocks read before
 * are read again (at most once per new fact, so a page cannot make us loop).
 */
import type { Sense } from '../lexicon';

export interface Definition {
  sense: Sense;
  /** How the page spells it out ("国际食品法典委员会"), or what showed it ("a stock index name"). */
  expansion: string;
}

export class PageContext {
  /** Moves each time the page teaches something new. */
  version = 0;
  private readonly named = new Set<string>();
  private readonly definitions = new Map<string, Definition[]>();
  private readonly senses = new Map<string, Set<Sense>>();
  /** The oldest version a decision was taken from the page's side at, since the last `settled`; -1 for none. */
  private dependsSince = -1;

  /** An entity named by a form that needs no context. */
  name(entity: string): void {
    if (this.named.has(entity)) return;
    this.named.add(entity);
    this.version++;
  }

  /** An acronym defined on the page, as the entity or as something else. */
  define(acronym: string, definition: Definition): void {
    const list = this.definitions.get(acronym) ?? [];
    if (list.some((d) => d.sense === definition.sense)) return;
    list.push(definition);
    this.definitions.set(acronym, list);
    this.version++;
  }

  /** The sense an ambiguous word had where its own passage decided it. */
  saw(word: string, sense: Sense): void {
    const set = this.senses.get(word) ?? new Set<Sense>();
    if (set.has(sense)) return;
    set.add(sense);
    this.senses.set(word, set);
    this.version++;
  }

  /** The one sense the page defines an acronym as; undefined when it defines none, or both. */
  definitionOf(acronym: string): Definition | undefined {
    const list = this.definitions.get(acronym);
    return list && list.length === 1 ? list[0] : undefined;
  }

  /** Whether the word had `sense` somewhere on the page where its own passage decided it. */
  hasSeen(word: string, sense: Sense): boolean {
    return this.senses.get(word)?.has(sense) ?? false;
  }

  /** The one sense a word had elsewhere on the page; undefined when none or both. */
  senseOf(word: string): Sense | undefined {
    const set = this.senses.get(word);
    return set && set.size === 1 ? [...set][0] : undefined;
  }

  /** The first of `entities` the page names, if any. */
  namesAny(entities: readonly string[]): string | undefined {
    return entities.find((e) => this.named.has(e));
  }

  /** A decision was taken from the page's side (or by the fallback), with what the page knew now. */
  dependedOnPage(): void {
    if (this.dependsSince < 0) this.dependsSince = this.version;
  }

  /** Whether the page learnt something after a decision that depended on it. */
  get stale(): boolean {
    return this.dependsSince >= 0 && this.dependsSince < this.version;
  }

  /** The page is about to be read again with all it knows now. */
  settled(): void {
    this.dependsSince = -1;
  }
}
