/**
 * Page and user text made inert for Markdown: it reads the same when pasted into
 * Obsidian, Notion or any CommonMark renderer, and never turns into a link, an
 * image, HTML, a heading, a list, a table, maths, a tag or a footnote.
 *
 * CommonMark lets a backslash escape any ASCII punctuation, so escaping more than
 * needed is harmless; we still escape only what can take effect, to keep the file
 * readable as plain text.
 */

// Significant anywhere in a line: emphasis (* _), code (`), links and wikilinks ([ ]),
// HTML and autolinks (< >), tables (|), strikethrough (~), Obsidian maths ($),
// tags (#), footnotes and block ids (^), and the escape character itself.
const INLINE = /[\\`*_[\]<>|~$#^]/g;
// Two-character constructs: ==highlight== and %%comment%% (Obsidian).
const PAIRS = /(=)(?==)|(%)(?=%)/g;
// An entity reference (&amp; &#60;) would render as the character it names.
const ENTITY = /&(?=#?[a-z0-9]+;)/gi;
// A bare web address becomes a link in GFM, Obsidian and Notion: escaping the colon
// of the scheme, or the dot after www, keeps it text.
const BARE_URL = /\b(https?|ftp|mailto|www)(:|\.)/gi;
// At the start of a line: lists (- + 1. 1)), setext underlines (= -), quotes and
// headings are covered by INLINE; leading spaces would make an indented code block.
const LINE_START = /^([-+=])|^(\d+)([.)])/;

function escapeLine(line: string): string {
  const escaped = line
    .trimStart()
    .replace(INLINE, '\\$&')
    .replace(PAIRS, '\\$1$2')
    .replace(ENTITY, '\\&')
    .replace(BARE_URL, (_, scheme: string, sep: string) => `${scheme}\\${sep}`);
  return escaped.replace(LINE_START, (_m, mark: string | undefined, digits: string | undefined, dot: string | undefined) =>
    mark ? `\\${mark}` : `${digits}\\${dot}`,
  );
}

/** Splits on every kind of line break, including U+2028/U+2029 that some pages use. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|[\r\n\u2028\u2029\u0085]/);
}

/** Text for one line (a heading, a list item): line breaks become spaces. */
export function escapeInline(text: string): string {
  return escapeLine(splitLines(text).join(' ').replace(/\s+/g, ' ').trim());
}

/** Text of several lines, each escaped; blank lines are kept as paragraph breaks. */
export function escapeBlock(text: string): string[] {
  return splitLines(text.trim()).map((l) => escapeLine(l.trimEnd()));
}

/** Every line prefixed with "> ", blank ones too, so the quote stays one block quote. */
export function blockQuote(text: string): string {
  return escapeBlock(text)
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');
}
