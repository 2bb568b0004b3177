// `npm run bench`: every benchmark, one after another so they don't compete for the two
// cores. Each prints its own ratios against a baseline measured in the same process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensureDependencies, root } from './setup.mjs';

ensureDependencies();

const only = process.argv.slice(2);
const benches = [
  { file: 'bench/detect.bench.ts', what: 'detection throughput (Node)' },
  { file: 'bench/store.bench.ts', what: 'store queries with 10,000 highlights (fake-indexeddb)' },
  { file: 'bench/fact-candidates.bench.ts', what: 'fact candidates on 20,000 paragraphs (Node)' },
  { file: 'bench/link.bench.ts', what: 'linking 15,000 facts, old quadratic vs indexed (Node)' },
  { file: 'bench/popup.bench.ts', what: 'popup data and first render with 10,000 highlights' },
  { file: 'bench/page.bench.ts', what: 'painting a 20,000-paragraph page in Chromium vs mark.js', browser: true },
  { file: 'bench/save.bench.ts', what: 'the longest task of a save on a 20,000-paragraph page in Chromium', browser: true },
  { file: 'bench/library.bench.ts', what: 'the library with 10,000 highlights and 15,000 facts in Chromium', browser: true },
].filter((b) => only.length === 0 || only.some((o) => b.file.includes(o)));

let failed = 0;
for (const bench of benches) {
  if (!existsSync(join(root, bench.file))) {
    console.error(`✗ ${bench.file} is missing`);
    failed++;
    continue;
  }
  if (bench.browser) {
    ensureChromium();
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) { failed++; continue; }
  }
  console.log(`\n━━ ${bench.what} — ${bench.file}`);
  const r = spawnSync('npx', ['tsx', bench.file], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
