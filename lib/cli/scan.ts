/**
 * `npm run --silent scan -- [--json] FILE...` — the command-line companion (★ DESIGN.md).
 * Node-only glue: reading files and printing. The work itself is lib/scan.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { parseTxtArticle, type Article } from '../scan/article';
import { scanArticle } from '../scan/scan-article';
import { groupsSummary, toGroupsLine, toJsonLine, toSummary } from '../scan/format';
import { linkFiles, type ScannedFile } from '../scan/link-files';
import { DETECTION_READING, extractText } from '../dom';
import type { Explanation } from '../detect';

const USAGE =
  'usage: npm run --silent scan -- [--json] [--link] [--explain] FILE...   (FILE: .txt or .html)\n' +
  '  --link     after the per-file lines, one line with the figures linked across the files\n' +
  '  --explain  say why each ambiguous word (快手, 清朗, CAC, …) was or was not taken\n' +
  '             (after the summary; on standard error with --json, so the JSON lines stay as they are)';

async function main(argv: string[]): Promise<number> {
  let json = false;
  let link = false;
  let explain = false;
  const files: string[] = [];
  let optionsDone = false;
  for (const arg of argv) {
    if (!optionsDone && arg === '--') optionsDone = true;
    else if (!optionsDone && arg === '--json') json = true;
    else if (!optionsDone && arg === '--link') link = true;
    else if (!optionsDone && arg === '--explain') explain = true;
    else if (!optionsDone && (arg === '--help' || arg === '-h')) {
      process.stdout.write(USAGE + '\n');
      return 0;
    } else if (!optionsDone && arg.startsWith('--')) {
      process.stderr.write(`scan: unknown option ${arg}\n${USAGE}\n`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  // npm runs scripts from the package folder; paths are the user's, relative to where they typed.
  const base = process.env.INIT_CWD ?? process.cwd();
  let failed = false;
  const scanned: ScannedFile[] = [];
  const decoder = new TextDecoder('utf-8'); // drops a leading BOM, keeps line endings
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(resolve(base, file));
    } catch (err) {
      failed = true;
      process.stderr.write(`scan: cannot read ${file}: ${describe(err)}\n`);
      continue;
    }
    const article = readArticle(file, decoder.decode(bytes));
    const why: string[] = [];
    const onExplain = explain ? (e: Explanation) => why.push(`  ${e.taken ? '✓' : '✗'} ${e.start}–${e.end} ${e.why}`) : undefined;
    const result = scanArticle(article, { explain: onExplain });
    if (link) scanned.push({ file, article, result });
    process.stdout.write((json ? toJsonLine(file, result) : toSummary(file, result)) + '\n');
    if (explain) {
      const text = [`${file}: ${why.length} ambiguous word${why.length === 1 ? '' : 's'}`, ...why].join('\n') + '\n';
      (json ? process.stderr : process.stdout).write(text);
    }
  }
  if (link) {
    const groups = linkFiles(scanned);
    process.stdout.write((json ? toGroupsLine(groups) : groupsSummary(groups)) + '\n');
  }
  return failed ? 1 : 0;
}

function readArticle(file: string, content: string): Article {
  const ext = extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm') {
    // linkedom keeps only the first top-level element of a bare fragment; a browser
    // would wrap it in <html><body>, so do the same for files saved without them.
    const html = /<html[\s>]/i.test(content) ? content : `<!doctype html><html><body>${content}</body></html>`;
    const doc: Document = parseHTML(html).document;
    const date = doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content');
    return {
      text: extractText(doc),
      detectionText: extractText(doc, DETECTION_READING),
      excluded: [],
      date: date?.slice(0, 10).match(/^\d{4}-\d{2}-\d{2}$/)?.[0],
    };
  }
  return parseTxtArticle(content);
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return err instanceof Error ? err.message : String(err);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`scan: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
