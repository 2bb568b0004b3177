/**
 * Steps the popup and library browser tests share: saving highlights through the real
 * page (the selection, handed to the content script as the keyboard shortcut would),
 * and through the background's message API from an extension page, as the extension's
 * own pages do.
 */
import type { Page } from 'playwright-core';
import type { Lens } from './harness';

// Shared with the Firefox tests; re-exported where the Chromium specs have always found it.
export { select } from './page-text';

declare const chrome: {
  tabs: { sendMessage(tabId: number, message: object, options: { frameId: number }): Promise<unknown> };
  runtime: { sendMessage(message: object): Promise<unknown> };
};

/** Saves the current selection of `page` with the handler the keyboard shortcut reaches. */
export async function highlightSelection(lens: Lens, page: Page): Promise<{ ok: boolean; value?: { id: string; quote: string } }> {
  const tabId = await lens.tabIdOf(page);
  return lens.inWorker(
    (id: number) => chrome.tabs.sendMessage(id, { type: 'highlights/from-selection', via: 'command' }, { frameId: 0 }),
    tabId,
  ) as Promise<{ ok: boolean; value?: { id: string; quote: string } }>;
}

export interface SeedArticle {
  url: string;
  title: string;
  site: string;
  published?: string;
  quotes: { quote: string; note?: string; tags?: string[]; color?: string }[];
}

/**
 * Saves highlights through the background's `highlights/save` message from an
 * extension page, so the background detects their entities and facts as for any save.
 */
export async function seedThroughBackground(extensionPage: Page, articles: SeedArticle[], startTime: number): Promise<void> {
  const results = await extensionPage.evaluate(
    async ([list, t0]) => {
      const out: unknown[] = [];
      let n = 0;
      for (const a of list) {
        for (const q of a.quotes) {
          n++;
          const draft = {
            id: `seed-${n}-${Math.random().toString(36).slice(2)}`,
            page: { url: a.url, title: a.title, site: a.site, ...(a.published && { published: a.published }) },
            selectors: [
              { type: 'TextQuoteSelector', exact: q.quote, prefix: '', suffix: '' },
              { type: 'TextPositionSelector', start: n * 400, end: n * 400 + q.quote.length },
            ],
            quote: q.quote,
            note: q.note ?? '',
            tags: q.tags ?? [],
            color: q.color ?? 'yellow',
            created: t0 + n * 3_600_000,
          };
          out.push(await chrome.runtime.sendMessage({ type: 'highlights/save', draft }));
        }
      }
      return out;
    },
    [articles, startTime] as const,
  );
  const failed = results.filter((r) => !(r as { ok?: boolean }).ok);
  if (failed.length > 0) throw new Error(`seeding failed: ${JSON.stringify(failed[0])}`);
}

/** Outlets and passages for the screenshots and the library test, written for these tests. */
export const OTHER_ARTICLES: SeedArticle[] = [
  {
    url: 'https://news.example.cn/2023/0527/weibo.html',
    title: '微博关闭散布谣言账号',
    site: '示例新闻',
    published: '2023-05-27',
    quotes: [{ quote: '国家网信办通报，3月10日至5月22日期间，微博共关闭散布谣言的账号1200余个。', note: '与英文报道数字一致', color: 'green' }],
  },
  {
    url: 'https://tech.example.org/2023/04/douyin-videos',
    title: 'Douyin removes thousands of videos in April sweep',
    site: 'Example Tech',
    published: '2023-04-30',
    quotes: [
      { quote: 'Douyin removed 35,000 videos and banned 820 accounts in April, the CAC said.', tags: ['douyin', 'to-cite'], color: 'blue' },
    ],
  },
  {
    url: 'https://daily.example.com/2023/03/self-media',
    title: 'Regulator targets self-media that fake the news',
    site: 'Example Daily',
    published: '2023-03-12',
    quotes: [
      {
        quote: 'The Qinglang campaign will target self-media accounts that fabricate news, the Cyberspace Administration of China said.',
        note: 'Launch of the 2023 round',
        tags: ['qinglang'],
        color: 'pink',
      },
    ],
  },
];
