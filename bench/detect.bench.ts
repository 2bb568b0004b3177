/**
 * Detection throughput: `npx tsx bench/detect.bench.ts` (also part of `npm run bench`).
 *
 * Generates mixed English/Chinese text with sparse mentions (deterministic PRNG, word
 * lists written here) at 1 MB and 20 MB, and measures in the same process:
 *   (a) a loop reading every char code once: the ceiling for anything that reads all text;
 *   (b) a naive scan: indexOf for every surface form of the lexicon, one after another;
 *   (c) detect(): our one-pass matcher, on the whole text and block by block (each with the block
 *       before it, which decides ambiguous words), as the content script calls it;
 * plus alternatives tried on the way, so the choice stays checkable:
 *   (d) one combined case-insensitive RegExp over all forms (the probe's approach);
 *   (e) the same RegExp without the `i` flag, case folded into character classes.
 * Speeds are medians of several rounds after warm-up, in CPU time; ratios are medians of
 * per-round ratios, with their range over the rounds. MB = 10^6 bytes of UTF-8.
 */
import { BUILTIN_ENTITIES } from '../lib/lexicon';
import { detect, defaultMatcher } from '../lib/detect';
import { prng } from './random';

// ---------------------------------------------------------------- text generation

const EN_WORDS = (
  'the of and to in a is that for on with as was by at from it an be are this have has had not but ' +
  'or which were their said will would can could also more after over new other some than about into ' +
  'government officials policy market economy trade report reports week month year years people users ' +
  'online internet platform platforms companies company content video videos news media account accounts ' +
  'rules regulation regulators law legal court state national local province city data security privacy ' +
  'technology apps app mobile service services post posts comment comments search public private campaign ' +
  'investors shares index prices growth rate bank banks finance financial business industry workers school ' +
  'students teachers health hospital weather travel railway airport summer winter spring autumn music film ' +
  'culture history science research university study analysts expected announced according statement ' +
  'measures launched review removed closed suspended warned issued released published spokesperson told ' +
  'monday tuesday wednesday thursday friday saturday sunday morning evening district residents community ' +
  'Beijing Shanghai Shenzhen Guangzhou Hong Kong Asia Europe America ministry department agency council'
).split(/\s+/);

const ZH_WORDS = (
  '我们 他们 今天 昨天 明天 记者 报道 表示 认为 发布 通知 要求 进一步 加强 管理 工作 发展 经济 市场 ' +
  '企业 公司 用户 平台 网络 信息 内容 视频 直播 账号 评论 新闻 媒体 文章 数据 安全 隐私 技术 服务 ' +
  '政策 法律 法规 部门 地方 城市 农村 学校 学生 老师 医院 医生 健康 天气 交通 铁路 机场 旅游 文化 ' +
  '历史 科学 研究 大学 调查 结果 显示 增长 下降 价格 银行 金融 投资 股票 指数 行业 工人 社会 群众 ' +
  '问题 情况 活动 会议 领导 代表 委员 计划 项目 建设 环境 保护 资源 能源 电力 汽车 手机 电脑 软件 ' +
  '國際 經濟 資訊 報導 網絡 社會 發展 問題 會議 環境 銀行 學生 醫院 價格 服務 內容 視頻 帳號 評論'
).split(/\s+/);

const ZH_PUNCT = ['，', '，', '，', '。', '、', '；', '：'];

/** Surface forms as pages write them; inserted sparsely so matches are rare, as on real pages. */
const MENTIONS = [
  'CAC', 'the Cyberspace Administration of China', 'self-media', 'WeChat', 'Weibo', 'Douyin', 'Kuaishou',
  'Qinglang', 'Sina Weibo', 'we media', '网信办', '国家网信办', '國家網信辦', '自媒体', '自媒體', '微信', '微博',
  '抖音', '快手', '“清朗”', '新浪微博', '中央网信办',
];

function makeText(targetBytes: number, seed: number): { text: string; blocks: string[] } {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const blocks: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const english = rand() < 0.5;
    const parts: string[] = [];
    const length = 30 + Math.floor(rand() * 90);
    for (let w = 0; w < length; w++) {
      // About one mention per 1,500 characters.
      if (rand() < 0.004) parts.push(pick(MENTIONS));
      else if (english) parts.push(pick(EN_WORDS));
      else parts.push(pick(ZH_WORDS) + (rand() < 0.2 ? pick(ZH_PUNCT) : ''));
    }
    const block = english ? parts.join(' ') + '.' : parts.join('') + '。';
    blocks.push(block);
    bytes += Buffer.byteLength(block, 'utf8') + 1;
  }
  return { text: blocks.join('\n'), blocks };
}

// ---------------------------------------------------------------- contenders

const FORMS = [...new Set(BUILTIN_ENTITIES.flatMap((e) => e.forms.map((f) => f.text)))];

function ceilingLoop(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

function naiveIndexOf(text: string): number {
  let count = 0;
  for (const form of FORMS) {
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + form.length)) count++;
  }
  return count;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = [...FORMS].sort((a, b) => b.length - a.length);
const COMBINED_I = new RegExp(byLength.map(escape).join('|'), 'gi');
const COMBINED_CLASSES = new RegExp(
  byLength
    .map((f) => [...f].map((ch) => (/[A-Za-z]/.test(ch) ? `[${ch.toUpperCase()}${ch.toLowerCase()}]` : escape(ch))).join(''))
    .join('|'),
  'g',
);

function countRegExp(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let count = 0;
  while (re.exec(text) !== null) count++;
  return count;
}

// ---------------------------------------------------------------- timing

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

let sink = 0;

/**
 * Times every contender on the same text, round-robin, in CPU time of this process:
 * the machine may be busy with other work, and wall-clock time then measures the
 * scheduler more than the code. Returns each contender's time per round (ms).
 */
function measureAll(contenders: ReadonlyArray<() => number>, runs: number, repeat: number): number[][] {
  // Warm-up: long enough for the JIT to reach its optimising tier on every contender.
  for (const run of contenders) {
    const warmUntil = performance.now() + 300;
    for (let w = 0; w < 3 || performance.now() < warmUntil; w++) sink ^= run();
  }
  const rounds: number[][] = [];
  for (let r = 0; r < runs; r++) {
    rounds.push(
      contenders.map((run) => {
        // CPU time is accounted in scheduler ticks: a sample must span many of them.
        const before = process.cpuUsage();
        for (let n = 0; n < repeat; n++) sink ^= run();
        const used = process.cpuUsage(before);
        return (used.user + used.system) / 1000 / repeat;
      }),
    );
  }
  return rounds;
}

/**
 * Ratios are taken within each round, then the median over rounds: neighbouring runs
 * share the machine's conditions of the moment (a busy sibling core slows every
 * contender alike), so a per-round ratio is far steadier than a ratio of medians.
 */
function report(label: string, mb: number, rounds: number[][], k: number): void {
  const ms = median(rounds.map((r) => r[k]!));
  const toCeiling = rounds.map((r) => r[0]! / r[k]!);
  const toNaive = median(rounds.map((r) => r[1]! / r[k]!));
  const spread = k === 0 ? '' : `  (rounds ${Math.min(...toCeiling).toFixed(2)}–${Math.max(...toCeiling).toFixed(2)})`;
  console.log(
    `  ${label.padEnd(40)} ${(mb / (ms / 1000)).toFixed(0).padStart(6)} MB/s` +
      `   ×ceiling ${median(toCeiling).toFixed(2).padStart(5)}   ×naive ${toNaive.toFixed(1).padStart(5)}${spread}`,
  );
}

function main(): void {
  defaultMatcher(); // compile outside the timings
  console.log(`Detection throughput (${FORMS.length} surface forms, Node ${process.version})`);
  for (const [name, size, runs, repeat] of [['1 MB', 1e6, 9, 20], ['20 MB', 20e6, 9, 1]] as const) {
    const { text, blocks } = makeText(size, 20240610);
    const mb = Buffer.byteLength(text, 'utf8') / 1e6;
    const found = detect(text).length;
    console.log(`\n${name}: ${mb.toFixed(2)} MB, ${text.length.toLocaleString('en')} UTF-16 units, ${blocks.length.toLocaleString('en')} blocks, ${found.toLocaleString('en')} mentions`);
    // Block by block, each with the block before it as context, as the content script reads a page.
    const byBlocks = (): number => {
      let n = 0;
      for (let k = 0; k < blocks.length; k++) n += detect(blocks[k]!, undefined, { before: blocks[k - 1] }).length;
      return n;
    };
    const inBlocks = byBlocks();
    if (inBlocks !== found) throw new Error(`block by block found ${inBlocks} mentions, the whole text ${found}`);
    const rounds = measureAll(
      [
        () => ceilingLoop(text),
        () => naiveIndexOf(text),
        () => detect(text).length,
        byBlocks,
        () => countRegExp(COMBINED_I, text),
        () => countRegExp(COMBINED_CLASSES, text),
      ],
      runs,
      repeat,
    );
    report('(a) char-code loop (ceiling)', mb, rounds, 0);
    report('(b) naive indexOf per form', mb, rounds, 1);
    report('(c) detect(), whole text', mb, rounds, 2);
    report('(c) detect(), block by block', mb, rounds, 3);
    report('(d) one RegExp, i flag (tried)', mb, rounds, 4);
    report('(e) one RegExp, case in classes (tried)', mb, rounds, 5);
  }
  if (sink === 0.5) console.log(sink); // keeps the results alive without printing them
}

main();
