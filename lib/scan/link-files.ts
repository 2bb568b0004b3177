import { factsFromCandidate, linkFacts } from '../facts';
import type { Fact, Figure } from '../types';
import type { Article } from './article';
import type { ScanResult } from './scan-article';

/** One scanned file, as `scan --link` links it with the others. */
export interface ScannedFile {
  /** The argument exactly as given. */
  file: string;
  article: Article;
  result: ScanResult;
}

/** A figure's place in a file (★ DESIGN.md, scan --link). */
export interface LinkedSource {
  file: string;
  start: number;
  end: number;
  text: string;
}

/** A fact stated by two or more files (★ DESIGN.md, scan --link). */
export interface LinkedGroup {
  value: number;
  unit?: string;
  action?: string;
  qualifier?: string;
  sources: LinkedSource[];
}

/**
 * The groups of linked figures that span two or more files, linked by the extension's
 * own code (lib/facts linkFacts): each file is an article, its DATE: header its
 * publication date, and it is named once per group, at the figure's first occurrence.
 * The group states the first source's figure (value, unit, action and qualifier), as
 * the contract's example does.
 */
export function linkFiles(files: readonly ScannedFile[]): LinkedGroup[] {
  const where = new Map<string, { file: string; figure: Figure }>();
  const facts: Fact[] = [];
  let n = 0;
  files.forEach(({ file, article, result }, i) => {
    // The path is the article: the same path given twice is one source, never two.
    const source = { url: file, title: article.title ?? file, ...(article.date && { published: article.date }) };
    for (const candidate of result.facts) {
      const made = factsFromCandidate(candidate, { highlightId: `file-${i}`, source, created: 0, newId: () => `scan-${++n}` });
      made.forEach((fact, k) => {
        where.set(fact.id, { file, figure: candidate.figures[k]! });
        facts.push(fact);
      });
    }
  });
  // Facts are in file order, and in text order within a file: the first of an article is its first occurrence.
  return linkFacts(facts)
    .filter((g) => g.facts.length >= 2)
    .map((g) => {
      const first = g.facts[0]!;
      return {
        value: first.value,
        ...(first.unit && { unit: first.unit }),
        ...(first.action && { action: first.action }),
        ...(first.qualifier && { qualifier: first.qualifier }),
        sources: g.facts.map((f) => {
          const { file, figure } = where.get(f.id)!;
          return { file, start: figure.start, end: figure.end, text: figure.text };
        }),
      };
    });
}
