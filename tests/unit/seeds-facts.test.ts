import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../../lib/detect';
import { dedupeFacts, extractFacts } from '../../lib/facts';
import { parseTxtArticle } from '../../lib/scan/article';
import type { FactCandidate } from '../../lib/types';

// The seed articles live beside the repository (../shared/seeds from its root).
const SEEDS = resolve(__dirname, '../../../shared/seeds');
const haveSeeds = existsSync(resolve(SEEDS, 'cac-purges-1.4m-posts.txt'));
const title = haveSeeds ? 'facts in the seed articles' : `facts in the seed articles (SKIPPED: no seeds at ${SEEDS})`;

/** What the scan command does with a .txt file: headers, detection, facts, dedupe. */
function scanSeed(name: string, articleDate?: string): { text: string; facts: FactCandidate[] } {
  const article = parseTxtArticle(readFileSync(resolve(SEEDS, name), 'utf8'));
  const facts = dedupeFacts(extractFacts(article.text, detect(article.text), { articleDate: articleDate ?? article.date }));
  return { text: article.text, facts };
}

const summary = (facts: FactCandidate[]) =>
  facts.flatMap((f) => f.figures.map((g) => [g.text, g.value, g.unit, g.qualifier ?? null]));

describe.skipIf(!haveSeeds)(title, () => {
  describe('cac-purges-1.4m-posts.txt', () => {
    it('yields the campaign figures and no others', () => {
      const { facts } = scanSeed('cac-purges-1.4m-posts.txt');
      expect(summary(facts)).toEqual([
        ['1.4m', 1400000, 'posts', null],
        ['1.4 million', 1400000, 'posts', null],
        ['67,000', 67000, 'accounts', null],
        // "out of the 67,000 permanently closed accounts, nearly 8,000 were removed"
        ['67,000', 67000, 'accounts', null],
        ['8,000', 8000, 'accounts', 'nearly'],
        ['930,000', 930000, 'accounts', 'around'],
        ['100,000', 100000, 'accounts', 'more than'],
        ['13,000', 13000, 'accounts', 'around'],
        ['25,000', 25000, 'accounts', null],
        ['187,000', 187000, 'accounts', 'around'],
        ['430,000', 430000, 'accounts', 'more than'],
        ['45,000', 45000, 'accounts', 'around'],
      ]);
    });

    it('gives every fact and figure offsets that slice the file text', () => {
      const { text, facts } = scanSeed('cac-purges-1.4m-posts.txt');
      for (const fact of facts) {
        expect(text.slice(fact.start, fact.end)).toBe(fact.text);
        for (const figure of fact.figures) expect(text.slice(figure.start, figure.end)).toBe(figure.text);
      }
    });

    it('takes neither the caption date, the year, "two months", nor vague counts for figures', () => {
      const { facts } = scanSeed('cac-purges-1.4m-posts.txt');
      const values = facts.flatMap((f) => f.figures.map((g) => g.value));
      for (const notAFigure of [2021, 8, 2, 10, 22]) expect(values).not.toContain(notAFigure);
      expect(facts.some((f) => f.text.includes('billions of social media accounts'))).toBe(false);
    });

    it('ties the 67,000 closed accounts to the CAC, and each account figure to an entity', () => {
      const { facts } = scanSeed('cac-purges-1.4m-posts.txt');
      const closed = facts.find((f) => f.text.includes('closed down 67,000'));
      expect(closed).toMatchObject({ action: 'closed', entities: ['cac'] });
      for (const fact of facts) expect(fact.entities.length).toBeGreaterThan(0);
    });

    it('leaves the period out while the year is unknown, and gives March 10 – May 22 once the article date is known', () => {
      const unknown = scanSeed('cac-purges-1.4m-posts.txt').facts.find((f) => f.text.includes('closed down 67,000'));
      expect(unknown?.period).toBeUndefined();
      expect(unknown?.date).toBeUndefined();
      const known = scanSeed('cac-purges-1.4m-posts.txt', '2023-05-27').facts.find((f) => f.text.includes('closed down 67,000'));
      expect(known?.period).toEqual({ from: '2023-03-10', to: '2023-05-22' });
    });
  });

  describe('platforms-rectify-financial-self-media.txt', () => {
    // "Four Chinese social media platforms … announced" counts who announced the
    // campaign, not what it did, so it is not a campaign figure; nothing else in the
    // article is a count either.
    it('yields no figures: "Four … platforms" are the announcers, not what the campaign acted on', () => {
      expect(scanSeed('platforms-rectify-financial-self-media.txt').facts).toEqual([]);
      expect(scanSeed('platforms-rectify-financial-self-media.txt', '2021-08-08').facts).toEqual([]);
    });
  });
});
