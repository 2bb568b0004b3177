import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detect } from '../lib/detect';
import { dedupeFacts, findFacts } from '../lib/facts';
import { parseTxtArticle } from '../lib/scan/article';

/**
 * Real pages collected for the fact extractor (tests/fixtures/real), each with the campaign
 * figures a reader finds in it, written by hand beside it. The same measure serves the test
 * (tests/unit/facts-real-pages.test.ts) and the before/after table (scripts/measure-facts.ts).
 */
export const REAL_DIR = join(import.meta.dirname, 'fixtures', 'real');
export const HELD_OUT_DIR = join(REAL_DIR, 'held-out');

/** A figure as the hand-written expectation states it; null: the field must be absent. */
export interface ExpectedFigure {
  value: number;
  unit: string | null;
  action: string | null;
  qualifier: string | null;
}

export interface Expectation {
  source: string;
  /** Every campaign figure of the page, once per sentence that states it. */
  figures: ExpectedFigure[];
  /** Numbers a careful reader may or may not count: neither required nor false. */
  optional?: ExpectedFigure[];
  note?: string;
}

export interface FoundFigure extends ExpectedFigure {
  text: string;
}

export interface Measure {
  name: string;
  /** Expected figures whose value was found. */
  found: number;
  /** Expected figures found with the right unit, action and qualifier too. */
  right: number;
  there: number;
  /** Figures found that are no campaign figure of the page. */
  falseFigures: FoundFigure[];
  /** Expected figures not found at all. */
  missed: ExpectedFigure[];
  /** Expected figures found with a wrong field: [expected, found]. */
  wrong: Array<[ExpectedFigure, FoundFigure]>;
}

export function realPages(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
}

/** The figures the extractor reports for a page, the way the scan command reports them. */
export function extractedFigures(dir: string, name: string): FoundFigure[] {
  const article = parseTxtArticle(readFileSync(join(dir, `${name}.txt`), 'utf8'));
  const blanked = blankExcluded(article.text, article.excluded);
  const findings = findFacts(blanked, detect(blanked), { articleDate: article.date });
  const kept = new Set(dedupeFacts(findings.map((f) => f.fact)));
  return findings.filter((f) => kept.has(f.fact)).flatMap((f) => f.fact.figures.map((figure, i) => ({
    text: figure.text,
    value: figure.value,
    unit: figure.unit ?? null,
    action: f.figureActions[i] ?? null,
    qualifier: figure.qualifier ?? null,
  })));
}

export function expectationOf(dir: string, name: string): Expectation {
  return JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expectation;
}

const sameFields = (a: ExpectedFigure, b: ExpectedFigure) => a.unit === b.unit && a.action === b.action && a.qualifier === b.qualifier;

/** Pairs expected with found figures by value (the best-fitting found one first). */
export function measure(dir: string, name: string): Measure {
  const expected = expectationOf(dir, name);
  const found = extractedFigures(dir, name);
  const used = new Set<number>();
  const m: Measure = { name, found: 0, right: 0, there: expected.figures.length, falseFigures: [], missed: [], wrong: [] };
  const pick = (e: ExpectedFigure) => {
    const candidates = found.map((f, i) => [f, i] as const).filter(([f, i]) => !used.has(i) && f.value === e.value);
    return candidates.find(([f]) => sameFields(e, f)) ?? candidates[0];
  };
  for (const e of expected.figures) {
    const hit = pick(e);
    if (!hit) {
      m.missed.push(e);
      continue;
    }
    used.add(hit[1]);
    m.found++;
    if (sameFields(e, hit[0])) m.right++;
    else m.wrong.push([e, hit[0]]);
  }
  for (const e of expected.optional ?? []) {
    const hit = pick(e);
    if (hit) used.add(hit[1]);
  }
  m.falseFigures = found.filter((_, i) => !used.has(i));
  return m;
}

function blankExcluded(text: string, ranges: ReadonlyArray<{ start: number; end: number }>): string {
  let out = text;
  for (const r of ranges) out = out.slice(0, r.start) + ' '.repeat(r.end - r.start) + out.slice(r.end);
  return out;
}
