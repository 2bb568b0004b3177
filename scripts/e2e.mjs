// `npm run test:e2e`: build the extension, then run the browser tests on it in Debian's
// Chromium. Fails, never skips, when that Chromium is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(chromium)) {
  console.error(
    `✗ Browser tests need Chromium at ${chromium}, and it is not there.\n` +
      '  Install Debian\'s package (sudo apt-get install chromium) or set CHROMIUM_PATH; `npm test` installs it for you.',
  );
  process.exit(1);
}

function run(args) {
  const r = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
  if (r.error) {
    console.error(`✗ npx ${args.join(' ')}: ${r.error.message}`);
    process.exit(1);
  }
  return r.status ?? 1;
}

const built = run(['wxt', 'build']);
if (built !== 0) {
  console.error('✗ wxt build failed: no browser tests run on a stale build.');
  process.exit(built);
}
process.exit(run(['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)]));
