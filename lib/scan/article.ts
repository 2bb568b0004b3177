/**
 * A saved article as the scan command reads it: a `.txt` file with optional header
 * lines, or the text extracted from an `.html` file. Offsets everywhere index `text`.
 */
export interface Article {
  /** The whole text as decoded (BOM dropped, line endings kept). */
  text: string;
  /**
   * What detection reads, when it must differ from `text`: the same length, with block
   * boundaries as U+001E instead of line breaks, so that no name runs from one block
   * into the next ("<li>Sina</li><li>Weibo</li>" is not "Sina Weibo"). Offsets agree.
   */
  detectionText?: string;
  /** Ranges of `text` that must not be scanned (the SOURCE header line: a URL is not prose). */
  excluded: Array<{ start: number; end: number }>;
  source?: string;
  title?: string;
  /** YYYY-MM-DD, when the file says when it was published. */
  date?: string;
}

const HEADER = /^(SOURCE|TITLE|DATE):[ \t]*(.*?)[ \t]*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads the `SOURCE:` / `TITLE:` / `DATE:` header block of a .txt article. The block
 * counts only when it ends with a blank line: a body that happens to start with
 * "Title: …" is prose, not a header.
 */
export function parseTxtArticle(text: string): Article {
  const article: Article = { text, excluded: [] };
  const fields: Array<{ key: string; value: string; start: number; end: number }> = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(pos, lineEnd).replace(/\r$/, '');
    if (line.trim() === '') {
      if (fields.length > 0) applyHeaders(article, fields);
      return article;
    }
    const m = HEADER.exec(line);
    if (!m) return article;
    fields.push({ key: m[1]!, value: m[2]!, start: pos, end: pos + line.length });
    if (nl === -1) break;
    pos = nl + 1;
  }
  // Headers with no body after them are still headers.
  if (fields.length > 0 && pos >= text.length) applyHeaders(article, fields);
  return article;
}

function applyHeaders(article: Article, fields: Array<{ key: string; value: string; start: number; end: number }>): void {
  for (const f of fields) {
    if (f.key === 'SOURCE') {
      article.source = f.value;
      article.excluded.push({ start: f.start, end: f.end });
    } else if (f.key === 'TITLE') {
      article.title = f.value;
      // The label is not part of the headline: a headline printed again as the first line of
      // the body must read as the same sentence.
      const label = /^TITLE:[ \t]*/.exec(article.text.slice(f.start, f.end));
      if (label) article.excluded.push({ start: f.start, end: f.start + label[0].length });
    } else if (f.key === 'DATE' && ISO_DATE.test(f.value)) {
      article.date = f.value;
    }
  }
}
