import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detect } from '../../lib/detect';

// The seed articles live beside the repository, in ../shared/seeds.
const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const present = existsSync(SEEDS);

function countByEntity(file: string): Record<string, number> {
  const text = readFileSync(SEEDS + file, 'utf8');
  const counts: Record<string, number> = {};
  for (const m of detect(text)) {
    expect(m.text).toBe(text.slice(m.start, m.end));
    counts[m.entity] = (counts[m.entity] ?? 0) + 1;
  }
  return counts;
}

describe.skipIf(!present)(`mentions in the seed articles${present ? '' : ` (skipped: ${SEEDS} not found)`}`, () => {
  it('counts the mentions of cac-purges-1.4m-posts.txt as a careful reader does', () => {
    // Counted by hand, line by line:
    // cac 8: "Cyberspace Administration of China (CAC)" three times (the caption, printed
    //   twice, and the first paragraph; each is one mention), then "the CAC" ×2 in the
    //   paragraph on the two-month probe, "According to the CAC", "The CAC's latest
    //   efforts" and "The CAC emphasised". "the regulator" (100,000 accounts) is not a name.
    // self-media 4: the headline's 'self-media' and three quoted "self-media" in the body.
    // wechat 1, douyin 1, weibo 1: "WeChat, Douyin, and Weibo".
    expect(countByEntity('cac-purges-1.4m-posts.txt')).toEqual({ cac: 8, 'self-media': 4, wechat: 1, douyin: 1, weibo: 1 });
  });

  it('counts the mentions of platforms-rectify-financial-self-media.txt as a careful reader does', () => {
    // Counted by hand, line by line:
    // cac 3: "Cyberspace Administration of China (CAC)" twice (one mention each) and
    //   "the CAC has greater enforcement power". "China's internet regulator", "China's
    //   cyberspace regulator" and "the Chinese cyberspace regulator" are descriptions.
    // self-media 8: "self-media" in lines 2, 3, 5, 6, 9 and 10 (6), plus "zimeiti" and 自媒体 in line 3.
    // wechat 2 (lines 5 and 9), douyin 1 (line 5), weibo 2 (lines 5 and 8), kuaishou 1 (line 5).
    // qinglang 1: "Operation Qinglang", one mention.
    expect(countByEntity('platforms-rectify-financial-self-media.txt')).toEqual({
      cac: 3,
      'self-media': 8,
      wechat: 2,
      douyin: 1,
      weibo: 2,
      kuaishou: 1,
      qinglang: 1,
    });
  });
});
