import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTxtArticle } from '../../lib/scan/article';
import { scanArticle } from '../../lib/scan/scan-article';

// Real pages collected for the context rules (recipes, food standards, stock news,
// weather, campaign reports), with counts made by hand: see expected.json.
const dir = join(__dirname, '../fixtures/real-detect');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, { counts: Record<string, number> }>;

describe('real pages: ambiguous names read the way each page means them', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));

  it('has a hand-made count for every collected page, each with its source', () => {
    expect(files.sort()).toEqual(Object.keys(expected).filter((k) => !k.startsWith('_')).sort());
    for (const f of files) expect(readFileSync(join(dir, f), 'utf8'), f).toMatch(/^SOURCE: https?:\/\/\S+\n/);
  });

  for (const file of files) {
    it(`counts ${file} as read by hand`, () => {
      const { mentions } = scanArticle(parseTxtArticle(readFileSync(join(dir, file), 'utf8')));
      const counts: Record<string, number> = {};
      for (const m of mentions) counts[m.entity] = (counts[m.entity] ?? 0) + 1;
      expect(counts).toEqual(expected[file]!.counts);
    });
  }
});
