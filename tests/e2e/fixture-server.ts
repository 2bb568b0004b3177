/**
 * Serves test pages from 127.0.0.1 on a port the OS picks: the files of a folder, plus
 * pages a test or benchmark generates in memory. Node built-ins only.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface FixtureServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The absolute URL of a path on this server (`url('english.html')`). */
  url(path: string): string;
  /** Serves `body` at `path` from now on (generated pages); overrides a file of that name. */
  put(path: string, body: string, contentType?: string): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

// Fresh on every load, yet allowed into the back/forward cache (Chromium keeps
// `no-store` pages out of it, and one test goes back to a page).
const REVALIDATE = 'no-cache';

export async function serveFixtures(dir: string): Promise<FixtureServer> {
  const root = normalize(dir + sep);
  const generated = new Map<string, { body: string; type: string }>();
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname).replace(/^\/+/, '');
    const made = generated.get(pathname);
    if (made) {
      res.writeHead(200, { 'content-type': made.type, 'cache-control': REVALIDATE });
      res.end(made.body);
      return;
    }
    const file = normalize(join(root, pathname));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': REVALIDATE });
        res.end(body);
      },
      () => {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path.replace(/^\/+/, ''), origin + '/').href,
    put(path, body, contentType = 'text/html; charset=utf-8') {
      generated.set(path.replace(/^\/+/, ''), { body, type: contentType });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
