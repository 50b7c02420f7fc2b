/**
 * A real WebDAV server for sync tests and the benchmark: Debian's `rclone serve webdav` on a free loopback
 * port, with a user name and password, serving a fresh temporary folder. It can be stopped and started
 * again on the same port and folder (the "server gone mid-sync" case).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface DavServer {
  /** The folder's WebDAV address, ending in `/`. */
  url: string;
  dir: string;
  user: string;
  pass: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Every file under the folder with its bytes (base64), to compare the server before and after. */
  files(): Record<string, string>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`rclone exited with ${child.exitCode}`);
    try {
      await fetch(url, { method: 'OPTIONS' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error('rclone did not start in 10 s');
}

export async function startDavServer(): Promise<DavServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-dav-'));
  const port = await freePort();
  const user = 'lectern';
  const pass = 'correct horse';
  const root = `http://127.0.0.1:${port}/`;
  let child: ChildProcess | null = null;
  const server: DavServer = {
    url: `${root}Lectern/`, dir, user, pass,
    async start() {
      child = spawn('rclone', ['serve', 'webdav', dir, '--addr', `127.0.0.1:${port}`, '--user', user, '--pass', pass], { stdio: 'ignore' });
      await waitUntilUp(root, child);
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      await new Promise((resolve) => {
        running.once('exit', resolve);
        running.kill('SIGKILL');
      });
    },
    files() {
      const out: Record<string, string> = {};
      const walk = (folder: string) => {
        for (const name of readdirSync(folder)) {
          const full = path.join(folder, name);
          if (statSync(full).isDirectory()) walk(full);
          else out[path.relative(dir, full)] = readFileSync(full).toString('base64');
        }
      };
      walk(dir);
      return out;
    },
  };
  await server.start();
  return server;
}

/** Stop the server and delete its folder. */
export async function removeDavServer(server: DavServer): Promise<void> {
  await server.stop();
  rmSync(server.dir, { recursive: true, force: true });
}
