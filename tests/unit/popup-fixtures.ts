// A store holding highlights saved the way the extension saves them (through the
// highlight service: entities detected, facts extracted), for the popup, library and
// options tests. The sentences are written for these tests.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createHighlightService, type HighlightDraft } from '../../lib/highlight-service';
import { createLibraryService } from '../../lib/library-service';
import type { PageWrites } from '../../lib/library-service';
import type { Result } from '../../lib/result';
import { openStore, type LensStore, type StoreResult } from '../../lib/store';
import type { Highlight, PageMeta } from '../../lib/types';

export const RUMOURS_EN: PageMeta = {
  url: 'https://daily.example.com/2023/05/weibo-rumours',
  title: 'Weibo closes accounts in rumour crackdown',
  site: 'Example Daily',
  author: 'Li Wen',
  published: '2023-05-26',
};
export const RUMOURS_ZH: PageMeta = {
  url: 'https://news.example.cn/2023/0527/weibo.html',
  title: '微博关闭散布谣言账号',
  site: '示例新闻',
  published: '2023-05-27',
};
export const FOLLOW_UP: PageMeta = {
  url: 'https://review.example.org/qinglang-follow-up',
  title: 'What the Qinglang campaign means for platforms',
  site: 'Example Review',
  published: '2023-06-02',
};

export const CLOSED_EN =
  'The Cyberspace Administration of China said on Tuesday that Weibo had closed more than 1,200 accounts that spread rumours between March 10 and May 22.';
export const CLOSED_ZH = '国家网信办通报，3月10日至5月22日期间，微博共关闭散布谣言的账号1200余个。';
export const DOUYIN_EN = 'Douyin removed 35,000 videos and banned 820 accounts in April, the CAC said.';
export const FOLLOW_UP_EN = "Weibo said it would keep working with the CAC on this year's Qinglang campaign against online rumours.";
export const GONE_EN = 'A paragraph about Weibo that the outlet later took down.';

export async function freshStore(name = 'lens-pages-test'): Promise<LensStore> {
  const opened = await openStore(new IDBFactory(), name, { keyRange: IDBKeyRange });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

let serial = 0;
export interface SaveSpec {
  page: PageMeta;
  quote: string;
  created: number;
  note?: string;
  tags?: string[];
}

/** Saves a highlight as the content script's save message would. */
export async function save(store: LensStore, spec: SaveSpec): Promise<Highlight> {
  const service = createHighlightService(store, { now: () => spec.created });
  const id = `h-${++serial}`;
  const start = 100 + serial * 10;
  const draft: HighlightDraft = {
    id,
    page: spec.page,
    selectors: [
      { type: 'TextQuoteSelector', exact: spec.quote, prefix: 'Reported on the day: ', suffix: ' More to follow.' },
      { type: 'TextPositionSelector', start, end: start + spec.quote.length },
    ],
    quote: spec.quote,
    note: spec.note ?? '',
    tags: spec.tags ?? [],
    color: 'yellow',
    created: spec.created,
  };
  const saved = await service.save(draft);
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.value.highlight;
}

export const DAY = 86_400_000;
export const T0 = Date.UTC(2023, 4, 26, 9);

/** Three outlets: two report the same closures (English and Chinese), one follows up. */
export async function seededStore(name?: string): Promise<{ store: LensStore; highlights: Highlight[] }> {
  const store = await freshStore(name);
  const highlights = [
    await save(store, { page: RUMOURS_EN, quote: CLOSED_EN, created: T0, tags: ['rumours'] }),
    await save(store, { page: RUMOURS_ZH, quote: CLOSED_ZH, created: T0 + DAY, note: '与英文报道数字一致' }),
    await save(store, { page: RUMOURS_EN, quote: DOUYIN_EN, created: T0 + 2 * DAY, tags: ['douyin', 'to-cite'] }),
    await save(store, { page: FOLLOW_UP, quote: FOLLOW_UP_EN, created: T0 + 3 * DAY, note: 'Follow-up piece' }),
  ];
  return { store, highlights };
}

const asWrite = <T>(result: StoreResult<T>): Result<T> => result;

/** The pages' writes, answered by the same services the background runs, on `store`. */
export function directWrites(store: LensStore, now: () => number = () => T0 + 10 * DAY): PageWrites & { calls: string[] } {
  const highlights = createHighlightService(store, { now });
  const library = createLibraryService(store, now);
  const calls: string[] = [];
  return {
    calls,
    updateHighlight: async (id, edit) => (calls.push(`update ${id}`), asWrite(await highlights.update(id, edit))),
    deleteHighlight: async (id) => (calls.push(`delete ${id}`), asWrite(await highlights.delete(id))),
    restoreHighlight: async (h) => (calls.push(`restore ${h.id}`), asWrite(await highlights.restore(h))),
    updateFact: async (id, edit) => (calls.push(`fact ${id}`), asWrite(await library.updateFact(id, edit))),
    resolveChange: async (id, choice) => (calls.push(`${choice} ${id}`), asWrite(await highlights.resolveChange(id, choice))),
    addFact: async (id, fact) => (calls.push(`add fact ${id}`), asWrite(await highlights.addFact(id, fact))),
    importHighlights: async (h, p) => (calls.push('import'), asWrite(await library.importHighlights(h, p))),
    deleteAll: async ({ takeBackShared } = {}) => (calls.push(takeBackShared ? 'delete-all, take back shared' : 'delete-all'), asWrite(await library.deleteAll())),
  };
}
