// `npm test`: every test, from a fresh clone. Installs what it needs, then runs the
// type check, the unit tests (vitest), the Firefox lint and the browser tests (the built
// extension in Chromium, then the Firefox build in Firefox).
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium, ensureDependencies, ensureFirefox, root } from './setup.mjs';

ensureDependencies();
ensureChromium();
ensureFirefox();

const reports = mkdtempSync(join(tmpdir(), 'qinglang-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function step(name, cmd, args) {
  console.log(`\n━━ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    ok = false;
    console.error(`✗ ${name} failed (exit ${r.status ?? r.signal})`);
  }
  return r.status === 0;
}

function count(file) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } catch {
    // No report means the runner died before writing one: that is a failure, not zero tests.
    totals.failed += 1;
    ok = false;
  }
}

step('type check', 'npx', ['tsc', '--noEmit']);
const unitReport = join(reports, 'unit.json');
step('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]);
count(unitReport);
const built = step('build (chrome-mv3)', 'npx', ['wxt', 'build']);
const builtFirefox = step('build (firefox-mv3)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
if (builtFirefox) step('web-ext lint (firefox-mv3)', 'node', ['scripts/lint-firefox.mjs']);
if (built) {
  const e2eReport = join(reports, 'e2e.json');
  step('browser tests (Chromium)', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${e2eReport}`]);
  count(e2eReport);
}
if (builtFirefox) {
  const firefoxReport = join(reports, 'firefox.json');
  step('browser tests (Firefox)', 'npx', ['vitest', 'run', '--config', 'vitest.firefox.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${firefoxReport}`]);
  count(firefoxReport);
}

console.log(`\nall tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
