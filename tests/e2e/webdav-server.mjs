// tests/e2e/webdav-server.mjs — a real WebDAV server for the sync specs: Debian's
// `rclone serve webdav` on a loopback port, with a user and password, serving a temp directory.
//
//   const dav = await startWebdav();     // { url, origin, port, user, pass, dir, stop(), start(), close(), files() }
//   dav.url                              // 'http://127.0.0.1:<port>/lectern/' — the folder Lectern syncs to
//   await dav.stop(); await dav.start(); // stop and restart on the same port and directory ("server down")
//   dav.files()                          // { 'path/in/dir': sha256 } of every file on the server, for before/after checks
//   dav.fileCount()                      // how many files it holds (a file shows once its upload ended)
//   await dav.close();                   // stop and delete the directory
//
// Why rclone: a real server (PROPFIND, MKCOL, ETags, Basic auth) that starts in about a second. Debian's
// rclone 1.60 ignores If-Match / If-None-Match on PUT (see /work/shared/STYLE.md), which the sync design
// allows for. Self-check: `node tests/e2e/webdav-server.mjs`.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const RCLONE = process.env.RCLONE_PATH || 'rclone';
const live = new Set();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A port nothing listens on now (the kernel's pick for port 0). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The paths of every file under `dir`, sorted. */
function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

/** Every file under `dir`, with its sha256: what the server holds, to compare before and after. */
function hashFiles(dir) {
  return Object.fromEntries(listFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

/**
 * Start `rclone serve webdav` on 127.0.0.1 and wait until it answers an authenticated PROPFIND.
 * @param {{user?: string, pass?: string, folder?: string, timeout?: number}} [options]
 */
export async function startWebdav({ user = 'lectern', pass = 'e2e-password', folder = 'lectern', timeout = 15000 } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'lectern-webdav-'));
  const dir = join(root, 'data');
  mkdirSync(join(dir, folder), { recursive: true });
  // An empty config file: rclone then neither reads nor writes the user's own rclone.conf.
  const config = join(root, 'rclone.conf');
  writeFileSync(config, '');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const auth = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
  let child = null;
  let log = '';

  const answers = async () => {
    try {
      const res = await fetch(`${origin}/`, { method: 'PROPFIND', headers: { authorization: auth, depth: '0' } });
      return res.status === 207;
    } catch {
      return false;
    }
  };

  async function start() {
    if (child) return;
    const args = ['serve', 'webdav', dir, '--addr', `127.0.0.1:${port}`, '--user', user, '--pass', pass, '--config', config];
    child = spawn(RCLONE, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(child);
    const proc = child;
    proc.stdout.on('data', (d) => (log += d));
    proc.stderr.on('data', (d) => (log += d));
    proc.once('exit', () => {
      live.delete(proc);
      if (child === proc) child = null;
    });
    const end = Date.now() + timeout;
    while (!(await answers())) {
      if (child !== proc) throw new Error(`rclone serve webdav exited before answering:\n${log}`);
      if (Date.now() > end) throw new Error(`rclone serve webdav did not answer on ${origin} within ${timeout} ms:\n${log}`);
      await sleep(100);
    }
  }

  /** Stop the server (SIGTERM, then SIGKILL after 3 s) and wait until the port refuses connections. */
  async function stop() {
    const proc = child;
    if (!proc) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }

  await start();
  return {
    origin,
    port,
    user,
    pass,
    dir,
    url: `${origin}/${folder}/`,
    get running() {
      return child !== null;
    },
    start,
    stop,
    files: () => hashFiles(dir),
    /** How many files the server holds (cheap enough to poll; rclone shows a file once its upload ended). */
    fileCount: () => listFiles(dir).length,
    /** The text of every file on the server, joined (to check that no title or URL is in it). */
    allText: () => Object.keys(hashFiles(dir)).map((f) => readFileSync(join(dir, f), 'latin1')).join('\n'),
    log: () => log,
    async close() {
      await stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

// Self-check: start, write and read a file over WebDAV, refuse a wrong password, stop, see it refuse
// connections, restart on the same port with the file still there, close and clean up.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = (ok, what) => {
    console.log(`${ok ? 'ok' : 'FAILED'} - ${what}`);
    if (!ok) process.exitCode = 1;
  };
  const dav = await startWebdav();
  const auth = { authorization: `Basic ${Buffer.from(`${dav.user}:${dav.pass}`).toString('base64')}` };
  const put = await fetch(`${dav.url}probe.json`, { method: 'PUT', headers: auth, body: '{"hello":1}' });
  check(put.status === 201 || put.status === 204, `PUT answers ${put.status}`);
  check(Object.keys(dav.files()).includes('lectern/probe.json') && dav.fileCount() === 1, 'the file is in the served directory');
  const wrong = await fetch(`${dav.url}probe.json`, { headers: { authorization: `Basic ${Buffer.from(`${dav.user}:nope`).toString('base64')}` } });
  check(wrong.status === 401, `a wrong password answers ${wrong.status}`);
  const before = dav.files();
  await dav.stop();
  const down = await fetch(`${dav.url}probe.json`, { headers: auth }).then(() => 'answered', () => 'refused');
  check(down === 'refused' && !dav.running, 'stopped: connections are refused');
  await dav.start();
  const back = await fetch(`${dav.url}probe.json`, { headers: auth });
  check(back.status === 200 && (await back.text()) === '{"hello":1}', 'restarted on the same port with the same files');
  check(JSON.stringify(dav.files()) === JSON.stringify(before), 'files() is stable across a restart');
  const { dir } = dav;
  await dav.close();
  let gone = false;
  try {
    readdirSync(dir);
  } catch {
    gone = true;
  }
  check(gone, 'close() removes the directory');
}
