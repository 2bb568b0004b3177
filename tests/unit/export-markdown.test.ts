import { describe, expect, it } from 'vitest';
import { exportHighlights, obsidianTag, toMarkdownNotes, zipTextFiles } from '../../lib/export';
import type { Highlight } from '../../lib/types';
import { chinesePage, financePage, makeFact, makeHighlight, purgePage, seedHighlights } from './export-samples';

/** Every note of the export, one after another. */
const toMarkdown = (highlights: readonly Highlight[]) => toMarkdownNotes(highlights).map((n) => n.text).join('\n');

/** Lines of the note whose heading holds `heading`, from its heading on. */
function section(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith('# ') && l.includes(heading));
  const end = lines.findIndex((l, i) => i > start && l === '---');
  return lines.slice(start, end === -1 ? undefined : end);
}

describe('Markdown notes', () => {
  const notes = toMarkdownNotes(seedHighlights());
  const md = notes.map((n) => n.text).join('\n');

  it('makes one note per page, in the order pages were first saved from, named by title', () => {
    expect(notes.map((n) => n.fileName)).toEqual([
      "China purges 1.4m social media posts in crackdown on 'self-media' accounts.md",
      'Platforms rectify financial self-media.md',
      '網信辦啟動「清朗」專項行動.md',
    ]);
    expect(notes.map((n) => n.text.split('\n').find((l) => l.startsWith('# ')))).toEqual([
      "# China purges 1.4m social media posts in crackdown on 'self-media' accounts",
      '# Platforms rectify financial self-media',
      '# 網信辦啟動「清朗」專項行動',
    ]);
  });

  it('opens each note with YAML front matter Obsidian reads as properties', () => {
    const head = notes[0]!.text.split('\n').slice(0, 12);
    expect(head).toEqual([
      '---',
      `title: "China purges 1.4m social media posts in crackdown on 'self-media' accounts"`,
      'outlet: "Example News"',
      'author: "Web Desk"',
      'published: "2023-05-28"',
      `url: "${purgePage.url}"`,
      'tags:',
      '  - "qinglang-lens"',
      '  - "cac"',
      '  - "figures"',
      '  - "self-media"',
      '---',
    ]);
    // A page without an author or a date leaves those properties out rather than inventing them.
    expect(notes[2]!.text).not.toMatch(/^author:|^published:/m);
  });

  it('quotes any title safely in the front matter', () => {
    const page = { ...purgePage, title: 'Weibo: "rumours"\n---\nnot: yaml' };
    const [note] = toMarkdownNotes([makeHighlight({ quote: 'x', page })]);
    expect(note!.text.split('\n')[1]).toBe('title: "Weibo: \\"rumours\\"\\n---\\nnot: yaml"');
    expect(note!.fileName).toBe('Weibo rumours --- not yaml.md');
  });

  it('writes tags as #tags Obsidian reads', () => {
    expect(obsidianTag('to cite')).toBe('to-cite');
    expect(obsidianTag('清朗 行动')).toBe('清朗-行动');
    expect(obsidianTag('#already')).toBe('already');
    expect(obsidianTag('2023')).toBe('');
    expect(section(md, 'China purges')).toContain('#figures #self-media');
  });

  it('writes each fact once with its qualifier, without doubled parentheses or a repeated sentence', () => {
    const text = '清理違法和不良信息141.09萬條。';
    const fact = makeFact({ value: 1_410_900, figureText: '141.09萬', qualifier: 'more than', unit: 'posts', action: 'removed', text, period: { from: '2023-03-10', to: '2023-05-22' } });
    const h = makeHighlight({ quote: text, facts: [fact, { ...fact }, { ...fact, id: 'copy-of-the-same' }] });
    const lines = toMarkdown([h]).split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toEqual(['- **more than 1,410,900 posts removed · 2023-03-10 – 2023-05-22 · as written 141.09萬**']);
    expect(lines[0]).not.toMatch(/\)\s*\(/);
  });

  it('gives a fact’s sentence when the quote does not hold it', () => {
    const fact = makeFact({ value: 67_000, figureText: '67,000', unit: 'accounts', action: 'closed', text: 'The CAC closed 67,000 accounts.' });
    const h = makeHighlight({ quote: 'A passage about something else.', facts: [fact] });
    expect(toMarkdown([h])).toContain('- **67,000 accounts closed** — The CAC closed 67,000 accounts.');
  });

  it('downloads one page as a note, several as a .zip of notes', () => {
    const one = exportHighlights('markdown', [makeHighlight({ quote: 'Only one page.' })]);
    expect(one.extension).toBe('.md');
    expect(one.text).toContain('> Only one page.');
    const many = exportHighlights('markdown', seedHighlights());
    expect(many.extension).toBe('.md.zip');
    expect(many.bytes).toEqual(zipTextFiles(notes.map((n) => ({ name: n.fileName, text: n.text }))));
  });

  it('puts a citation with outlet, title, author, date and URL under each heading', () => {
    const [, , citation] = section(md, 'China purges');
    expect(citation).toMatch(/^Source: /);
    expect(citation).toContain('Example News');
    expect(citation).toContain('Web Desk');
    expect(citation).toContain('2023-05-28');
    expect(citation).toContain(`<${purgePage.url}>`);
    expect(section(md, 'Platforms')[2]).toContain(`<${financePage.url}>`);
    expect(section(md, '清朗')[2]).toContain(`<${chinesePage.url}>`);
  });

  it('writes quotes as block quotes, facts as a list, with notes and tags', () => {
    const lines = section(md, 'China purges');
    expect(lines.some((l) => l.startsWith('> In a statement released on Friday'))).toBe(true);
    expect(lines).toContain('#figures #self-media');
    expect(lines.find((l) => l.startsWith('**Note:**'))).toContain('6.66萬');
    const fact = lines.find((l) => l.startsWith('- '));
    expect(fact).toContain('67,000 accounts closed · 2023-03-10 – 2023-05-22');
  });

  it('prefixes every line of a multi-line quote, blank lines included', () => {
    const h = makeHighlight({ quote: 'First paragraph of the statement.\n\nSecond paragraph.\r\nThird line.' });
    const quoteLines = toMarkdown([h]).split('\n').filter((l) => l.startsWith('>'));
    expect(quoteLines).toEqual(['> First paragraph of the statement.', '>', '> Second paragraph.', '> Third line.']);
  });

  it('marks a passage that is no longer found on its page', () => {
    expect(section(md, '清朗').join('\n')).toMatch(/no longer found/);
  });

  it('never turns page text into a link, an image or HTML', () => {
    const h = makeHighlight({
      quote: 'Click [here](javascript:alert(1)) or ![x](https://evil.example/x.png) <img src=x onerror=alert(1)> https://evil.example',
      note: '<script>alert(1)</script> [[Wiki link]]',
    });
    const out = toMarkdown([h]);
    expect(out).not.toMatch(/(^|[^\\])\[here\]/);
    expect(out).not.toMatch(/(^|[^\\])!\[x\]|(^|[^\\])\[x\]/);
    expect(out).not.toMatch(/(^|[^\\])<img/);
    expect(out).not.toMatch(/(^|[^\\])<script/);
    expect(out).not.toMatch(/(^|[^\\])\[\[Wiki/);
    expect(out).toContain('https\\://evil.example');
    expect(out).toContain('\\[here\\](javascript:alert(1))');
  });

  it('keeps page text from becoming headings, lists, emphasis, maths or tags', () => {
    const h = makeHighlight({
      quote: '# Not a heading\n- not a list\n1. not numbered\n*not emphasis* and $5 to $10 #notatag ==not marked==',
    });
    const quote = toMarkdown([h])
      .split('\n')
      .filter((l) => l.startsWith('>'));
    expect(quote).toEqual([
      '> \\# Not a heading',
      '> \\- not a list',
      '> 1\\. not numbered',
      '> \\*not emphasis\\* and \\$5 to \\$10 \\#notatag \\==not marked\\==',
    ]);
  });

  it('keeps a title that holds line breaks or Markdown on its heading line', () => {
    const page = { ...purgePage, title: 'Weibo *bans*\nfan [groups]' };
    const out = toMarkdown([makeHighlight({ quote: 'Weibo banned the groups.', page })]);
    expect(out).toContain('# Weibo \\*bans\\* fan \\[groups\\]');
  });

  it('does not link a page address that is not http or https', () => {
    const page = { ...purgePage, url: 'javascript:alert(1)' };
    const out = toMarkdown([makeHighlight({ quote: 'A quote.', page })]);
    expect(out).not.toContain('<javascript:');
    expect(out).toContain('javascript:alert(1)');
  });

  it('has no notes for an empty export', () => {
    expect(toMarkdownNotes([])).toEqual([]);
  });
});
