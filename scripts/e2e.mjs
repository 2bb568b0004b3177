// `npm run test:e2e`: build the extension, then run the browser tests on it: the Chrome build
// in Debian's Chromium, then the Firefox build in Debian's firefox-esr. Fails, never skips,
// when a browser is missing. `npm run test:e2e -- --chromium` or `-- --firefox` runs one
// browser; other arguments go to vitest (a spec's path, -t 'name').
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = args.includes('--chromium') ? 'chromium' : args.includes('--firefox') ? 'firefox' : undefined;
const rest = args.filter((a) => a !== '--chromium' && a !== '--firefox');

const browsers = [
  {
    name: 'chromium',
    path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    install: "sudo apt-get install chromium) or set CHROMIUM_PATH",
    build: ['wxt', 'build'],
    config: 'vitest.e2e.config.ts',
    specs: /\.e2e\.ts$/,
  },
  {
    name: 'firefox',
    path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    install: "sudo apt-get install firefox-esr) or set FIREFOX_PATH",
    build: ['wxt', 'build', '-b', 'firefox', '--mv3'],
    config: 'vitest.firefox.config.ts',
    specs: /\.firefox\.ts$/,
  },
].filter((b) => (only ? b.name === only : true));

function run(command) {
  const r = spawnSync('npx', command, { cwd: root, stdio: 'inherit' });
  if (r.error) {
    console.error(`✗ npx ${command.join(' ')}: ${r.error.message}`);
    process.exit(1);
  }
  return r.status ?? 1;
}

let failed = 0;
for (const browser of browsers) {
  // A spec path given on the command line picks the browser it belongs to.
  const specs = rest.filter((a) => /\.(e2e|firefox)\.ts$/.test(a));
  if (specs.length > 0 && !specs.some((s) => browser.specs.test(s))) continue;
  if (!existsSync(browser.path)) {
    console.error(`✗ Browser tests need ${browser.name} at ${browser.path}, and it is not there.\n  Install Debian's package (${browser.install}; \`npm test\` installs it for you.`);
    process.exit(1);
  }
  const built = run(browser.build);
  if (built !== 0) {
    console.error(`✗ ${browser.build.join(' ')} failed: no browser tests run on a stale build.`);
    process.exit(built);
  }
  if (run(['vitest', 'run', '--config', browser.config, ...rest]) !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
