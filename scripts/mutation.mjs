// `npm run mutation [-- MODULE...]`: StrykerJS over the modules whose tests must bite, one
// module at a time, each against its own test files only (not part of `npm test`: it takes
// minutes per module). Prints the score per module and writes reports/mutation/<module>.json.
//
// Stryker 9 (10 needs Node 22) with the vitest runner; `related: false` because the tests
// import through the index.ts barrels, `inPlace: true` because tests read ../shared/seeds,
// which a sandbox copy would not have. In place means the sources are mutated on disk while
// it runs: do not edit or commit during a run. QINGLANG_MUTATE=lib/detect/senses.ts (files,
// comma-separated) mutates only those files of a module, against the same tests: for a
// run while one file's tests are written.
import { Stryker } from '@stryker-mutator/core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './setup.mjs';

/** Module → files to mutate and the unit tests that state its behaviour. */
export const MODULES = {
  detect: { mutate: ['lib/detect/**/*.ts'], tests: ['tests/unit/detect*.test.ts', 'tests/unit/seeds-mentions.test.ts'] },
  anchor: { mutate: ['lib/anchor/**/*.ts'], tests: ['tests/unit/anchor*.test.ts'] },
  import: { mutate: ['lib/import/**/*.ts'], tests: ['tests/unit/import*.test.ts', 'tests/unit/store-import.test.ts'] },
  store: { mutate: ['lib/store/**/*.ts'], tests: ['tests/unit/store*.test.ts'] },
  link: { mutate: ['lib/facts/link*.ts'], tests: ['tests/unit/link*.test.ts'] },
  fold: { mutate: ['lib/search/fold.ts'], tests: ['tests/unit/search-fold*.test.ts'] },
};

/** The score each module must reach (issue 9). */
const TARGET = 85;

const wanted = process.argv.slice(2);
const unknown = wanted.filter((m) => !(m in MODULES));
if (unknown.length > 0) {
  console.error(`✗ Unknown module ${unknown.join(', ')}; known: ${Object.keys(MODULES).join(', ')}`);
  process.exit(2);
}
const names = wanted.length > 0 ? wanted : Object.keys(MODULES);
const outDir = join(root, 'reports/mutation');
mkdirSync(outDir, { recursive: true });

const scores = [];
for (const name of names) {
  const { mutate, tests } = MODULES[name];
  console.log(`\n━━ mutation: ${name} (${mutate.join(', ')})`);
  process.env.QINGLANG_MUTATION_TESTS = tests.join(',');
  const started = Date.now();
  const results = await new Stryker({
    mutate: [...(process.env.QINGLANG_MUTATE?.split(',') ?? mutate), '!**/index.ts', '!**/types.ts'],
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    vitest: { configFile: 'vitest.mutation.config.ts', related: false },
    inPlace: true,
    coverageAnalysis: 'perTest',
    // Two runners fill this machine's two cores; set QINGLANG_MUTATION_CONCURRENCY=1 when
    // other work shares them, or Stryker's time-outs start counting slow runs as kills.
    concurrency: Number(process.env.QINGLANG_MUTATION_CONCURRENCY ?? 2),
    reporters: ['clear-text', 'json'],
    clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
    jsonReporter: { fileName: join(outDir, `${name}.json`) },
    tempDirName: join('reports', '.stryker-tmp'),
    cleanTempDir: true,
    logLevel: 'warn',
  }).runMutationTest();
  const detected = results.filter((m) => m.status === 'Killed' || m.status === 'Timeout').length;
  const undetected = results.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage').length;
  const score = detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
  scores.push({ name, score, detected, undetected, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log('\nmodule    score   killed  survived  seconds');
for (const s of scores) {
  const mark = s.score >= TARGET ? '✓' : '✗';
  console.log(`${mark} ${s.name.padEnd(8)} ${s.score.toFixed(1).padStart(5)}%  ${String(s.detected).padStart(6)}  ${String(s.undetected).padStart(8)}  ${String(s.seconds).padStart(7)}`);
}
process.exit(scores.every((s) => s.score >= TARGET) ? 0 : 1);
