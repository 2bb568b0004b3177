// Set-up that `npm start` and `npm test` do for themselves on a fresh machine, using
// only Node built-ins (nothing is installed yet when this runs).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

function run(cmd, args) {
  console.log(`› ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✗ ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

/** `npm ci` when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

/** Debian's chromium for the browser tests and `npm start`; never a downloaded browser. */
export function ensureChromium() {
  ensureDebianBrowser(CHROMIUM, 'chromium', 'CHROMIUM_PATH');
}

/** Debian's firefox-esr for the Firefox browser tests; never a downloaded browser. */
export function ensureFirefox() {
  ensureDebianBrowser(FIREFOX, 'firefox-esr', 'FIREFOX_PATH');
}

/** Installs Debian's `pkg` through apt-get when `path` is missing. */
function ensureDebianBrowser(path, pkg, variable) {
  if (existsSync(path)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!hasApt) {
    console.error(`✗ ${path} is missing and apt-get is not available: install ${pkg} and set ${variable}.`);
    process.exit(1);
  }
  const sudo = isRoot ? [] : ['sudo'];
  const env = 'DEBIAN_FRONTEND=noninteractive';
  execSync(`${sudo.join(' ')} apt-get update -qq`, { stdio: 'inherit' });
  execSync(`${sudo.join(' ')} env ${env} apt-get install -y -qq ${pkg}`, { stdio: 'inherit' });
  if (!existsSync(path)) {
    console.error(`✗ apt-get installed ${pkg} but ${path} is still missing.`);
    process.exit(1);
  }
}
