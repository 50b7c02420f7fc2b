// The demo article for `npm start`: one fixture page (a news story with its images) served on loopback,
// so the browser opens on a page Lectern can read at once, without a network.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

/** The file under `dir` that `urlPath` names (`/` is source.html), or null when it is outside or missing. */
async function resolveFile(dir, urlPath) {
  const wanted = urlPath === '/' ? '/source.html' : decodeURIComponent(urlPath);
  const file = path.resolve(dir, `.${wanted}`);
  if (file !== dir && !file.startsWith(dir + path.sep)) return null;
  const info = await stat(file).catch(() => null);
  return info?.isFile() ? file : null;
}

/**
 * Serve the fixture folder `dir` on 127.0.0.1 (`port` 0 picks a free one). Only loopback: the page is a
 * copy of someone else's article, for the developer's own browser.
 * @returns {Promise<{url: string, close(): Promise<void>}>}
 */
export async function startDemoServer(dir, { port = 0 } = {}) {
  const root = path.resolve(dir);
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    resolveFile(root, pathname)
      .then(async (file) => {
        if (!file) {
          res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
          return;
        }
        const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(await readFile(file));
      })
      .catch((error) => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error)));
  });
  // Browsers keep connections open; close() must not wait for them.
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
