// `npm start`: set up, build, and open Chromium with the extension loaded on the bundled
// demo article served from 127.0.0.1, through WXT's runner (branded Chrome 137+ ignores
// --load-extension, so the runner is pointed at the installed Chromium).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { spawn, spawnSync } from 'node:child_process';
import { join, normalize } from 'node:path';
import { CHROMIUM, ensureChromium, ensureDependencies, root } from './setup.mjs';

ensureDependencies();

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay) {
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.log(`
No display found (DISPLAY and WAYLAND_DISPLAY are unset), so no browser window can open here.
The extension is built in ${join(root, '.output/chrome-mv3')}. To use it on a machine with a screen:
  1. open chrome://extensions (Chromium, Edge, Brave…), turn on "Developer mode";
  2. click "Load unpacked" and choose the .output/chrome-mv3 folder;
  3. open any news page, or the demo article: serve it with
     python3 -m http.server --bind 127.0.0.1 --directory demo 8000
     and open http://127.0.0.1:8000/article.html
On a desktop, \`npm start\` does all of this for you.`);
  process.exit(0);
}

ensureChromium();

const demoDir = join(root, 'demo');
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
  const file = join(demoDir, path === '' ? 'article.html' : path);
  if (!file.startsWith(demoDir)) return void res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}/article.html`;
  console.log(`Demo article: ${url}`);
  const wxt = spawn('npx', ['wxt'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, QINGLANG_START_URL: url, CHROMIUM_PATH: CHROMIUM },
  });
  const stop = () => { wxt.kill('SIGINT'); server.close(); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  wxt.on('exit', (code) => { server.close(); process.exit(code ?? 0); });
});
