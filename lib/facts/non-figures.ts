/**
 * Numbers that are never campaign figures however close they stand to a campaign verb:
 * times of day, ages, sums of money, percentages, ordinals and references, and page
 * furniture ("1 mins read", "Reading Time: 2 minutes", "12 comments", "Page A2").
 * Dates are found by ./dates.
 */
export interface Span {
  start: number;
  end: number;
}

const PATTERNS: RegExp[] = [
  // Times of day: 10:30, 3 p.m., 9am, 上午10点, 10时30分.
  /(?<!\d)\d{1,2}[:：]\d{2}(?!\d)/g,
  /(?<![\d.])\d{1,2}(?:[.:]\d{2})?\s?(?:a\.m\.|p\.m\.|am|pm)(?![\p{L}])/giu,
  /(?<!\d)\d{1,2}\s*(?:时|時|点|點)(?:\s*\d{1,2}\s*分)?/g,
  // Ages: 35-year-old, aged 35, 35 years old, 35岁.
  /(?<!\d)\d{1,3}-year-old/gi,
  /(?<![\p{L}])aged?\s+\d{1,3}(?!\d)/giu,
  /(?<!\d)\d{1,3}\s+years?\s+old(?![\p{L}])/giu,
  /(?<!\d)\d{1,3}\s*(?:岁|歲|周岁|週歲)/g,
  // Money and shares: $5 million, ¥300, RMB 50,000, 5%, 百分之三十.
  /(?:[$¥￥€£]|US\$|HK\$|RMB|CNY|USD)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:thousand|million|billion|trillion|mn|bn|m|k))?/giu,
  /\d[\d,]*(?:\.\d+)?\s?(?:%|％|percent|per\s+cent)/giu,
  /百分之[零〇一二两三四五六七八九十百点點\d.]+/g,
  // Ordinals and references: 3rd, 第五, No. 5, Article 12, Page 2, Section 3, Phase 2.
  /(?<!\d)\d+(?:st|nd|rd|th)(?![\p{L}])/giu,
  /第[\d零〇一二两兩三四五六七八九十百千]+/g,
  /(?<![\p{L}])(?:No\.|Nos\.|Article|Art\.|Page|P\.|Section|Sec\.|Chapter|Phase|Version|Vol\.|Volume|Issue|Item|Clause|Paragraph|Rule|Level|Grade|Room|Gate|Line|Route|Flight)\s*[A-Z]?\d+(?:[-–]\d+)?/gu,
  // Ratios: "1 in 5 posts", "one out of every 10 accounts".
  /(?<![\p{L}\d.])(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out\s+of)\s+(?:every\s+)?\d+(?![\d.])/giu,
  // Page furniture.
  /(?<!\d)\d+\s*(?:mins?|minutes?)\s+read(?![\p{L}])/giu,
  /reading\s+time\s*[:：]?\s*\d+(?:\s*(?:mins?|minutes?))?/giu,
  /(?:阅读|閱讀|浏览|瀏覽|评论|評論|点赞|點讚|转发|轉發|分享)\s*[:：]?\s*\d[\d,.]*\s*(?:万|萬)?/g,
  // Counts shown next to a share or comment button, on a line of their own.
  /^\s*\d[\d,.]*\s*[kK]?\s*(?:comments?|replies|likes|shares|views|reads|retweets|reposts)\s*$/gimu,
  // Photo counters and pagination: 1/5, 3 of 12 photos.
  /(?<![\d/])\d+\s?\/\s?\d+(?![\d/])/g,
  /(?<!\d)\d+\s+of\s+\d+\s+(?:photos|images|pictures|slides)/giu,
];

/** Spans of `text[from, to)` holding numbers that are not campaign figures. */
export function findNonFigureSpans(text: string, from = 0, to = text.length): Span[] {
  const segment = text.slice(from, to);
  const spans: Span[] = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(segment); m; m = re.exec(segment)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      spans.push({ start: from + m.index, end: from + m.index + m[0].length });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Whether [start, end) overlaps any of `spans`. */
export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && start < s.end);
}
