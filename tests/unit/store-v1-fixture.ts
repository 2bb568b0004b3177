/**
 * Highlights as version 1 of the database stored them, built from a frozen copy of the
 * version-1 record shape: this file must not import today's types or builders, so that
 * a change to them cannot quietly change what "version 1 data" means in the migration
 * tests. Do not edit it to follow lib/types; add a new fixture for a new version.
 */

/** lib/types' PageMeta as version 1 wrote it. */
export interface V1Page {
  url: string;
  title: string;
  site?: string;
  author?: string;
  published?: string;
  canonical?: string;
}

/** A version-1 fact, inside its highlight (there was no facts store). */
export interface V1Fact {
  id: string;
  highlightId: string;
  text: string;
  value: number;
  unit?: string;
  action?: string;
  figureText: string;
  entities: string[];
  source: V1Page;
  created: number;
}

/** A version-1 record of the `highlights` store (keyPath id, index by-url). */
export interface V1Highlight {
  schemaVersion: 1;
  id: string;
  url: string;
  page: V1Page;
  selectors: Array<
    { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string } | { type: 'TextPositionSelector'; start: number; end: number }
  >;
  quote: string;
  note: string;
  tags: string[];
  color: string;
  entities: string[];
  facts: V1Fact[];
  orphaned?: boolean;
  created: number;
  updated: number;
}

export const V1_ENTITIES = ['cac', 'self-media', 'wechat', 'douyin', 'weibo', 'kuaishou', 'qinglang'] as const;
const T0 = Date.UTC(2023, 4, 26);
const url = (n: number) => `https://news.example.com/2023/05/article-${n}`;

/** Hundreds of highlights over 40 pages, each with zero to three facts, as version 1 stored them. */
export function version1Records(count = 360): V1Highlight[] {
  return Array.from({ length: count }, (_, i): V1Highlight => {
    const id = `v1-${i}`;
    const page: V1Page = { url: url(i % 40), title: `Page ${i % 40}`, site: i % 2 ? 'Caixin' : 'Dawn', published: '2023-05-26' };
    const quote = `The CAC said it closed ${(i + 1) * 100} accounts.`;
    const created = T0 + i * 60_000;
    const facts = Array.from({ length: i % 4 }, (_, k): V1Fact => ({
      id: `${id}-f${k}`,
      highlightId: id,
      text: quote,
      value: (i + 1) * 100 + k,
      unit: 'accounts',
      action: 'closed',
      figureText: String((i + 1) * 100 + k),
      entities: [V1_ENTITIES[(i + k) % 7]!, V1_ENTITIES[(i + k + 3) % 7]!],
      source: page,
      created,
    }));
    return {
      schemaVersion: 1,
      id,
      url: page.url,
      page,
      selectors: [
        { type: 'TextQuoteSelector', exact: quote, prefix: 'Earlier this week, ', suffix: ' Critics said' },
        { type: 'TextPositionSelector', start: i * 50, end: i * 50 + quote.length },
      ],
      quote,
      note: i % 7 === 0 ? `Note ${i}: 核实数字 ✓` : '',
      tags: i % 5 === 0 ? ['to-cite'] : [],
      color: (['yellow', 'green', 'blue', 'pink', 'purple'] as const)[i % 5]!,
      entities: [...new Set(facts.flatMap((f) => f.entities))],
      facts,
      created,
      updated: created + (i % 3) * 1000,
    };
  });
}
