import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(__dirname, '../..');
const seeds = resolve(repo, '../shared/seeds');

interface ScanLine {
  file: string;
  mentions: Array<{ entity: string; start: number; end: number; text: string }>;
  facts: Array<{ start: number; end: number; text: string; figures: Array<{ start: number; end: number; text: string; value: number }> }>;
}

/** Runs the command exactly as DESIGN.md states it, from `cwd` (npm sets INIT_CWD to it). */
function scan(args: string[], cwd = repo) {
  const r = spawnSync('npm', ['run', '--silent', '--prefix', repo, 'scan', '--', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/^npm warn.*\n/gm, '') };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scan-'));
});

describe('scan command', () => {
  it('prints one JSON line per file, in input order, with offsets into the decoded text', () => {
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    const bodyA = '\uFEFFThe CAC said WeChat\r\nand 微博 were told.\r\n';
    writeFileSync(a, bodyA);
    writeFileSync(b, '抖音與快手。');
    const r = scan(['--json', a, b]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as ScanLine);
    expect(lines.map((l) => l.file)).toEqual([a, b]);
    const textA = bodyA.slice(1); // the BOM is dropped, CRLF kept
    for (const m of lines[0]!.mentions) expect(textA.slice(m.start, m.end)).toBe(m.text);
    expect(lines[0]!.mentions.map((m) => m.entity)).toEqual(['cac', 'wechat', 'weibo']);
    expect(lines[1]!.mentions.map((m) => m.entity)).toEqual(['douyin', 'kuaishou']);
  });

  it('never scans the SOURCE header but does scan the TITLE header', () => {
    const f = join(dir, 'headers.txt');
    const text = 'SOURCE: https://example.com/weibo-and-wechat\nTITLE: Weibo fined\nDATE: 2024-05-24\n\nThe CAC acted.\n';
    writeFileSync(f, text);
    const [line] = scan(['--json', f]).stdout.trim().split('\n').map((l) => JSON.parse(l) as ScanLine);
    expect(line!.mentions.map((m) => [m.entity, m.text])).toEqual([['weibo', 'Weibo'], ['cac', 'CAC']]);
    for (const m of line!.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('resolves relative paths against the directory npm was started from and echoes them as given', () => {
    writeFileSync(join(dir, 'rel.txt'), 'Douyin');
    const r = scan(['--json', 'rel.txt'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).file).toBe('rel.txt');
  });

  it('reports a missing file on stderr, scans the others, and exits non-zero', () => {
    const ok = join(dir, 'ok.txt');
    writeFileSync(ok, 'Kuaishou');
    const r = scan(['--json', join(dir, 'missing.txt'), ok]);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('missing.txt');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).file).toBe(ok);
  });

  it('escapes U+2028 and U+2029 so every result stays on one line', () => {
    const f = join(dir, 'seps.txt');
    writeFileSync(f, 'WeChat\u2028Weibo\u2029');
    const r = scan(['--json', f]);
    expect(r.stdout).not.toMatch(/[\u2028\u2029]/);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const line = JSON.parse(r.stdout) as ScanLine;
    expect(line.mentions).toHaveLength(2);
  });

  it('extracts the text of an .html file with block boundaries as line breaks', () => {
    const f = join(dir, 'page.html');
    writeFileSync(f, '<html><head><title>x</title><script>var s = "WeChat";</script></head><body><p>Sina <b>Wei</b>bo</p><p>Douyin</p></body></html>');
    const line = JSON.parse(scan(['--json', f]).stdout) as ScanLine;
    expect(line.mentions.map((m) => m.text)).toEqual(['Sina Weibo', 'Douyin']);
  });

  it('prints a readable summary without --json', () => {
    const f = join(dir, 'summary.txt');
    writeFileSync(f, 'The CAC and the CAC again, then WeChat.');
    const r = scan([f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cac 2');
    expect(r.stdout).toContain('wechat 1');
  });

  it.skipIf(!existsSync(seeds))('scans the seed articles', () => {
    const r = scan(['--json', join(seeds, 'cac-purges-1.4m-posts.txt'), join(seeds, 'platforms-rectify-financial-self-media.txt')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as ScanLine);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.mentions.length).toBeGreaterThan(10);
  });
});

describe('scan command on .html', () => {
  it('does not join names across blocks: list items "Sina" and "Weibo" are one Weibo mention, not "Sina Weibo"', () => {
    const d = mkdtempSync(join(tmpdir(), 'scan-html-'));
    const f = join(d, 'list.html');
    writeFileSync(f, '<ul><li>Sina</li><li>Weibo</li></ul><p>Sina Weibo</p>');
    const line = JSON.parse(scan(['--json', f]).stdout) as ScanLine;
    expect(line.mentions.map((m) => m.text)).toEqual(['Weibo', 'Sina Weibo']);
  });
});

interface GroupsLine {
  groups: Array<{ value: number; unit?: string; action?: string; qualifier?: string;
    sources: Array<{ file: string; start: number; end: number; text: string }> }>;
}

describe('scan --json --link', () => {
  let texts: Record<string, string>;
  let out: { code: number | null; stdout: string };
  beforeAll(() => {
    texts = {
      // Repeats its figure: one source, at the first occurrence.
      'en.txt': 'DATE: 2023-05-27\n\nThe CAC closed more than 67,000 accounts in the campaign. In all, 67,000 accounts were closed, the CAC said.\n',
      'zh.txt': 'DATE: 2023-05-26\n\n网信办永久关闭账号6.66万余个。\n',
      // The same figure four years earlier: another fact.
      'old.txt': 'DATE: 2019-05-26\n\nThe CAC closed 67,000 accounts.\n',
      // The same number, another act: never linked.
      'summoned.txt': 'DATE: 2023-05-20\n\nThe CAC summoned 67,000 accounts.\n',
      // A figure only one file states, twice: no group.
      'alone.txt': 'DATE: 2023-05-20\n\nThe CAC removed 2,300 posts. Again: the CAC removed 2,300 posts.\n',
    };
    for (const [name, text] of Object.entries(texts)) writeFileSync(join(dir, name), text);
    out = scan(['--json', '--link', ...Object.keys(texts)], dir);
  }, 60_000);

  it('prints the groups as one last line, after one line per file', () => {
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(Object.keys(texts).length + 1);
    expect(lines.slice(0, -1).map((l) => (JSON.parse(l) as ScanLine).file)).toEqual(Object.keys(texts));
    expect(Object.keys(JSON.parse(lines.at(-1)!))).toEqual(['groups']);
  });

  it('links English and Chinese of the same year, each file once at its first occurrence, with offsets into the file', () => {
    const { groups } = JSON.parse(out.stdout.trim().split('\n').at(-1)!) as GroupsLine;
    expect(groups).toHaveLength(1);
    const [g] = groups;
    expect(g).toMatchObject({ value: 67000, unit: 'accounts', action: 'closed', qualifier: 'more than' });
    expect(g!.sources.map((s) => [s.file, s.text])).toEqual([['en.txt', '67,000'], ['zh.txt', '6.66万']]);
    for (const s of g!.sources) expect(texts[s.file]!.slice(s.start, s.end)).toBe(s.text);
    expect(g!.sources[0]!.start).toBe(texts['en.txt']!.indexOf('67,000'));
  });

  it('prints no groups line without --link', () => {
    const r = scan(['--json', 'en.txt', 'zh.txt'], dir);
    expect(r.stdout.trim().split('\n').map((l) => Object.keys(JSON.parse(l)))).toEqual([
      ['file', 'mentions', 'facts'], ['file', 'mentions', 'facts'],
    ]);
  }, 60_000);
});
