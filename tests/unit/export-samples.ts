// Sample highlights for the export, import and search tests: sentences from the seed
// articles in shared/seeds and sentences written for these tests.
import type { Fact, Highlight, PageMeta } from '../../lib/types';
import { SCHEMA_VERSION } from '../../lib/types';

export const purgePage: PageMeta = {
  url: 'https://news.example.com/world/china-purges-posts',
  title: "China purges 1.4m social media posts in crackdown on 'self-media' accounts",
  site: 'Example News',
  author: 'Web Desk',
  published: '2023-05-28T09:30:00+05:00',
};

export const financePage: PageMeta = {
  url: 'https://daily.example.org/business/self-media-finance',
  title: 'Platforms rectify financial self-media',
  site: 'Example Daily',
  published: '2023-10-21',
};

export const chinesePage: PageMeta = {
  url: 'https://tw.example.net/news/qinglang',
  title: '網信辦啟動「清朗」專項行動',
  site: '範例新聞',
};

let counter = 0;

export function makeFact(over: Partial<Fact> & Pick<Fact, 'value' | 'figureText' | 'text'>): Fact {
  counter += 1;
  return {
    id: `fact-${counter}`,
    highlightId: 'unset',
    entities: ['cac', 'self-media'],
    source: purgePage,
    created: Date.UTC(2023, 4, 29, 8, 0, 0),
    ...over,
  };
}

/** A highlight of `quote` as found at `start` in a page, with both selectors. */
export function makeHighlight(over: Partial<Highlight> & { quote: string; start?: number }): Highlight {
  counter += 1;
  const { start = 100, ...rest } = over;
  const page = rest.page ?? purgePage;
  const id = rest.id ?? `0f8e6a2c-1b3d-4e5f-8a9b-${String(counter).padStart(12, '0')}`;
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    url: page.url,
    page,
    selectors: [
      { type: 'TextQuoteSelector', exact: over.quote, prefix: 'before ', suffix: ' after' },
      { type: 'TextPositionSelector', start, end: start + over.quote.length },
    ],
    note: '',
    tags: [],
    color: 'yellow',
    entities: [],
    facts: [],
    created: Date.UTC(2023, 4, 29, 8, counter, 0),
    updated: Date.UTC(2023, 4, 29, 9, counter, 0),
    ...rest,
  };
}

/** The seed article's sentence with its figure, saved with a note, tags and a fact. */
export function seedHighlights(): Highlight[] {
  const closed = makeHighlight({
    quote:
      'In a statement released on Friday, the CAC disclosed that between March 10 and May 22, it closed down 67,000 social media accounts and eradicated hundreds of thousands of posts, as part of a comprehensive "rectification" campaign.',
    start: 820,
    note: 'Compare with the 6.66萬 figure in the Chinese report.',
    tags: ['figures', 'self-media'],
    color: 'green',
    entities: ['cac'],
  });
  closed.facts = [
    makeFact({
      highlightId: closed.id,
      text: closed.quote,
      value: 67000,
      unit: 'accounts',
      action: 'closed',
      figureText: '67,000',
      period: { from: '2023-03-10', to: '2023-05-22' },
    }),
  ];
  const platforms = makeHighlight({
    quote:
      'Four Chinese social media platforms – WeChat, Douyin, Weibo and Kuaishou – announced on Saturday to rectify irregular financial information that "self-media" accounts publish on them.',
    page: financePage,
    start: 640,
    tags: ['platforms'],
    entities: ['wechat', 'douyin', 'weibo', 'kuaishou', 'self-media'],
  });
  const chinese = makeHighlight({
    quote: '網信辦表示，共處置違規帳號6.66萬個。',
    page: chinesePage,
    start: 12,
    note: '繁體原文',
    tags: ['清朗'],
    color: 'pink',
    entities: ['cac'],
    orphaned: true,
  });
  return [closed, platforms, chinese];
}
