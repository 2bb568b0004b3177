// `web-ext lint` on the Firefox build (.output/firefox-mv3): no error, and no warning but the
// one the README explains — Preact's own `dangerouslySetInnerHTML` branch, which our code never
// takes (tests/unit/no-html-sinks.test.ts keeps it so). Any other warning fails, so a new one
// is either fixed or explained on purpose.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './setup.mjs';

const dir = join(root, '.output/firefox-mv3');
if (!existsSync(join(dir, 'manifest.json'))) {
  console.error(`✗ No Firefox build in ${dir}: run \`npx wxt build -b firefox --mv3\` first.`);
  process.exit(1);
}

const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--boring'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 32 * 1024 * 1024,
});
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`✗ web-ext lint gave no report (exit ${run.status ?? run.signal}):\n${run.stderr || run.stdout}`);
  process.exit(1);
}

/**
 * Preact writes `dom.innerHTML = props.dangerouslySetInnerHTML.__html` in its diff; the linter
 * cannot know that no component passes that prop. The flagged code must be exactly that.
 */
function isPreactHtmlProp(message) {
  if (message.code !== 'UNSAFE_VAR_ASSIGNMENT' || !message.file || !message.line) return false;
  const line = readFileSync(join(dir, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  const around = line.slice(Math.max(0, (message.column ?? 0) - 40), (message.column ?? 0) + 60);
  return /\b[\w$]+\.innerHTML=([\w$]+)\.__html\b/.test(around) && line.includes('dangerouslySetInnerHTML');
}

const where = (m) => (m.file ? ` (${m.file}${m.line ? `:${m.line}:${m.column}` : ''})` : '');
const errors = report.errors ?? [];
const warnings = report.warnings ?? [];
const explained = warnings.filter(isPreactHtmlProp);
const unexplained = warnings.filter((w) => !isPreactHtmlProp(w));

for (const m of [...errors, ...unexplained]) console.error(`✗ ${m._type} ${m.code}: ${m.message}${where(m)}`);
for (const m of explained) console.log(`· explained: ${m.code} in Preact's dangerouslySetInnerHTML branch${where(m)}`);
console.log(
  `web-ext lint: ${errors.length} errors, ${warnings.length} warnings (${explained.length} explained in the README), ${(report.notices ?? []).length} notices`,
);
process.exit(errors.length === 0 && unexplained.length === 0 ? 0 : 1);
