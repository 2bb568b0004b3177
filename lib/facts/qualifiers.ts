/**
 * Qualifiers hedge a figure ("more than 67,000", "6.66萬餘"). They are kept as one
 * normalised English phrase so that facts in both languages compare.
 */
export type Qualifier = 'more than' | 'nearly' | 'around' | 'at least' | 'up to' | 'less than';

const EN_BEFORE: ReadonlyArray<readonly [string, Qualifier]> = [
  ['more than', 'more than'], ['over', 'more than'], ['upwards of', 'more than'], ['in excess of', 'more than'],
  ['above', 'more than'],
  ['nearly', 'nearly'], ['almost', 'nearly'], ['close to', 'nearly'], ['just under', 'nearly'],
  ['around', 'around'], ['about', 'around'], ['approximately', 'around'], ['roughly', 'around'],
  ['some', 'around'], ['an estimated', 'around'], ['estimated', 'around'],
  ['at least', 'at least'], ['no fewer than', 'at least'], ['no less than', 'at least'],
  ['up to', 'up to'], ['as many as', 'up to'],
  ['fewer than', 'less than'], ['less than', 'less than'], ['under', 'less than'],
];

const ZH_BEFORE: ReadonlyArray<readonly [string, Qualifier]> = [
  ['超过', 'more than'], ['超過', 'more than'], ['逾', 'more than'], ['超', 'more than'],
  ['将近', 'nearly'], ['將近', 'nearly'], ['接近', 'nearly'], ['近', 'nearly'],
  ['大约', 'around'], ['大約', 'around'], ['约', 'around'], ['約', 'around'],
  ['至少', 'at least'], ['多达', 'up to'], ['多達', 'up to'], ['高达', 'up to'], ['高達', 'up to'],
  ['不到', 'less than'], ['不足', 'less than'],
];

/** Written after the number (6.66萬餘, 3000多, 10余万) or after its classifier (3000个以上). */
export const ZH_AFTER: ReadonlyArray<readonly [string, Qualifier]> = [
  ['余', 'more than'], ['餘', 'more than'], ['多', 'more than'], ['以上', 'more than'], ['左右', 'around'],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const EN_BEFORE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${EN_BEFORE.map(([w]) => escape(w).replace(/ /g, '\\s+')).join('|')})\\s+$`, 'iu');
const ZH_BEFORE_RE = new RegExp(`(${[...ZH_BEFORE].sort((a, b) => b[0].length - a[0].length).map(([w]) => escape(w)).join('|')})$`);

/** The qualifier written just before a number: `before` is the text up to the number. */
export function qualifierBefore(before: string): { qualifier: Qualifier; length: number } | undefined {
  const tail = before.slice(-24);
  const en = EN_BEFORE_RE.exec(tail);
  if (en) {
    const phrase = en[1]!.toLowerCase().replace(/\s+/g, ' ');
    const q = EN_BEFORE.find(([w]) => w === phrase)?.[1];
    if (q) return { qualifier: q, length: tail.length - en.index };
  }
  const zh = ZH_BEFORE_RE.exec(tail);
  if (zh) {
    // 最近 / 附近 are "recently" / "nearby", not 近 "nearly".
    if (zh[1] === '近' && /[最附]近$/.test(tail)) return undefined;
    const q = ZH_BEFORE.find(([w]) => w === zh[1])?.[1];
    if (q) return { qualifier: q, length: zh[1]!.length };
  }
  return undefined;
}

/** The Chinese qualifier that starts at `pos`, if any. */
export function zhQualifierAt(text: string, pos: number): { qualifier: Qualifier; length: number } | undefined {
  for (const [w, q] of ZH_AFTER) if (text.startsWith(w, pos)) return { qualifier: q, length: w.length };
  return undefined;
}
