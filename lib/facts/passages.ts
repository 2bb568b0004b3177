import { isWrappedLine } from './sentences';

/**
 * The blocks of a text (lines, with wrapped lines joined): the paragraphs a sentence may
 * take its entities from, and the lines that are not prose at all.
 */
export interface Passage {
  start: number;
  end: number;
  /**
   * A line that does not end like a sentence: a headline, caption, byline or list item.
   * It stands on its own: it never takes entities from the paragraph before it.
   */
  standalone: boolean;
  /** An item of a "Related" / "Read more" / 相关阅读 list: links to other articles. */
  linkList: boolean;
}

const LINK_LIST_HEADING =
  /^(?:related(?:\s+(?:articles?|stories|news|content|coverage|reading|links))?|read\s+(?:more|also|next)(?:\s+on)?|more\s+(?:from|on|stories|news)(?:\s+[\p{L}\s]{0,30})?|see\s+also|also\s+read|recommended(?:\s+for\s+you)?|you\s+(?:may|might)\s+also\s+like|most\s+(?:read|popular|viewed)|trending(?:\s+now)?|latest(?:\s+news)?|top\s+stories|相关阅读|相關閱讀|相关新闻|相關新聞|相关文章|相關文章|相关报道|相關報導|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|热门文章|熱門文章|热门新闻|熱門新聞|猜你喜欢|猜你喜歡)\s*[:：]?$/iu;
const SENTENCE_END = /[.!?。！？｡…]["'”’」』)）\]]*$/;

export function findPassages(text: string): Passage[] {
  const passages: Passage[] = [];
  let start = 0;
  let inLinkList = false;
  const close = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length > 0) {
      const standalone = !SENTENCE_END.test(body);
      if (LINK_LIST_HEADING.test(body)) inLinkList = true;
      else if (!standalone) inLinkList = false;
      passages.push({ start: start + lead, end: start + lead + body.length, standalone, linkList: inLinkList });
    }
  };
  for (let i = 0; i < text.length; i++) {
    if (text.charAt(i) !== '\n' || isWrappedLine(text, i)) continue;
    close(i);
    start = i + 1;
  }
  close(text.length);
  return passages;
}
