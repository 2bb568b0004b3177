import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../lib/export';
import { chinesePage, financePage, makeHighlight, purgePage, seedHighlights } from './export-samples';

/** Lines of the Markdown between a page's heading and the next one. */
function section(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith('## ') && l.includes(heading));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start, end === -1 ? undefined : end);
}

describe('toMarkdown', () => {
  const md = toMarkdown(seedHighlights());

  it('groups highlights under one heading per page, in the order pages were first saved from', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toHaveLength(3);
    expect(headings[0]).toContain('China purges 1.4m');
    expect(headings[1]).toBe('## Platforms rectify financial self-media');
    expect(headings[2]).toContain('網信辦啟動「清朗」專項行動');
  });

  it('puts a citation with outlet, title, author, date and URL under each heading', () => {
    const [, , citation] = section(md, 'China purges');
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
    expect(lines).toContain('**Tags:** figures, self-media');
    expect(lines.find((l) => l.startsWith('**Note:**'))).toContain('6.66萬');
    const fact = lines.find((l) => l.startsWith('- '));
    expect(fact).toContain('67,000 accounts closed');
    expect(fact).toContain('2023-03-10 – 2023-05-22');
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
    expect(out).toContain('## Weibo \\*bans\\* fan \\[groups\\]');
  });

  it('does not link a page address that is not http or https', () => {
    const page = { ...purgePage, url: 'javascript:alert(1)' };
    const out = toMarkdown([makeHighlight({ quote: 'A quote.', page })]);
    expect(out).not.toContain('<javascript:');
    expect(out).toContain('javascript:alert(1)');
  });

  it('has only a heading for an empty export', () => {
    expect(toMarkdown([])).toBe('# Qinglang Lens highlights\n');
  });
});
