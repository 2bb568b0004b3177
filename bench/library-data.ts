/**
 * A research library of the size the library page must handle: highlights on a few
 * hundred pages of English, simplified and traditional Chinese outlets, most of them with
 * campaign figures. A fixed seed makes every run (and every machine) see the same data.
 */
import { ENTITY_IDS, type EntityId, type Fact, type FigureUnit, type Highlight, type PageMeta } from '../lib/types';
import { prng } from './random';

const OUTLETS = ['Lantern Post', 'Harbour Review', '示例新闻', 'Example Daily', '財經觀察', '南方觀察報'];
const UNITS: FigureUnit[] = ['accounts', 'posts', 'people', 'cases'];
const ACTIONS = ['closed', 'removed', 'banned', 'dealt with'];
/** How outlets name the CAC and the platforms, so search by meaning has work to do. */
const NAMES: Record<string, readonly string[]> = {
  cac: ['the Cyberspace Administration of China', 'CAC', '国家网信办', '國家網信辦', '网信办'],
  'self-media': ['self-media', '自媒体', '自媒體'],
  wechat: ['WeChat', '微信'],
  douyin: ['Douyin', '抖音'],
  weibo: ['Weibo', '微博'],
  kuaishou: ['Kuaishou', '快手'],
  qinglang: ['the Qinglang campaign', '清朗'],
};

function pageMeta(n: number): PageMeta {
  return {
    url: `https://outlet-${n % 23}.example.com/2023/${String(n).padStart(4, '0')}`,
    title: n % 3 === 0 ? `网络清朗专项行动通报 ${n}` : `Clean-up campaign report ${n}`,
    site: OUTLETS[n % OUTLETS.length]!,
    published: `2023-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`,
  };
}

/** `count` highlights on `pages` pages with about 1.5 facts each (0–3), newest last. */
export function makeLibrary(count = 10_000, pages = 400, seed = 20230526): Highlight[] {
  const next = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const t0 = Date.UTC(2023, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const page = pageMeta(Math.floor(next() * pages));
    const id = `bench-${i}`;
    const created = t0 + i * 1_800_000;
    const entities = [...new Set([pick(ENTITY_IDS), pick(ENTITY_IDS)])] as EntityId[];
    const figure = 100 + Math.floor(next() * 80_000);
    const unit = pick(UNITS);
    const action = pick(ACTIONS);
    const chinese = next() < 0.4;
    const named = entities.map((e) => pick(NAMES[e] ?? [e]));
    const quote = chinese
      ? `${named.join('和')}表示，专项行动期间共${action === 'closed' ? '关闭' : '处置'}账号${(figure / 10_000).toFixed(2)}万个（第${i}条）。`
      : `${named.join(' and ')}: platforms ${action} ${figure.toLocaleString('en')} ${unit} during the campaign, the regulator said (${i}).`;
    const facts: Fact[] = Array.from({ length: Math.floor(next() * 4) }, (_, k) => ({
      id: `${id}:fact-${k}`,
      highlightId: id,
      text: quote,
      value: figure + k,
      unit,
      action,
      figureText: chinese ? `${((figure + k) / 10_000).toFixed(2)}万` : (figure + k).toLocaleString('en'),
      ...(k === 0 ? { qualifier: 'more than' } : {}),
      period: { from: '2023-03-10', to: '2023-05-22' },
      entities: entities.slice(0, 1 + (k % entities.length)),
      source: page,
      created,
    }));
    const at = Math.floor(next() * 8000);
    return {
      schemaVersion: 1,
      id,
      url: page.url,
      page,
      selectors: [
        { type: 'TextQuoteSelector', exact: quote, prefix: 'The statement said that ', suffix: ' Critics disagreed.' },
        { type: 'TextPositionSelector', start: at, end: at + quote.length },
      ],
      quote,
      note: next() < 0.25 ? 'Check against the Xinhua figure.' : '',
      tags: next() < 0.2 ? ['to-cite'] : [],
      color: 'yellow',
      entities,
      facts,
      created,
      updated: created,
    } satisfies Highlight;
  });
}
