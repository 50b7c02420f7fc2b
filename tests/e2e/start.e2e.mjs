// `npm start`, for real, in both browsers: it builds, opens the browser (headless here) on the demo article
// with the extension loaded and answering, and Ctrl-C stops everything it started. A screenshot of the
// first screen goes to tests/e2e/artifacts/start-<browser>.png.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { ARTIFACTS_DIR, BROWSERS, expected } from './fixtures.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DEMO = expected('news-ecuador');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A free loopback port for the browser's remote-debugging endpoint. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Poll `fn` until it returns something truthy; errors count as "not yet". */
async function until(fn, { timeout = 30_000, label }) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await sleep(200);
  }
  throw new Error(`Timed out waiting for ${label}${last ? ` (last error: ${last.message})` : ''}`);
}

/** Pids of the live processes whose command line mentions `needle` (the profile folder is unique to a run). */
function processesMentioning(needle) {
  return livePids().filter((pid) => readProc(pid, 'cmdline')?.replaceAll('\0', ' ').includes(needle));
}

const livePids = () => readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
/** A /proc file of a process, or undefined when it has exited meanwhile. */
function readProc(pid, file) {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/** `pid` and every process under it (browser helpers, esbuild's service, the shell npm runs the script in). */
function processTree(pid) {
  const parents = new Map();
  for (const p of livePids()) {
    const stat = readProc(p, 'stat');
    // The parent pid is the 2nd field after the command name, which is in parentheses and may hold spaces.
    if (stat) parents.set(p, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of parents) if (tree.has(parent) && !tree.has(child)) grew = tree.add(child);
  }
  return [...tree];
}

/** Whether `pid` still runs (a zombie has exited: its parent just has not collected its status yet). */
function isRunning(pid) {
  const stat = readProc(pid, 'stat');
  return stat !== undefined && stat[stat.lastIndexOf(')') + 2] !== 'Z';
}
const stillRunning = (pids) => pids.filter(isRunning);

/** `npm start -- --<browser> --headless …` in its own process group, as a terminal would run it. */
function npmStart(kind, profile, port) {
  const child = spawn('npm', ['start', '--', `--${kind}`, '--headless', '--profile', profile, `--remote-debugging-port=${port}`], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => output };
}

/** Attach puppeteer to the running browser: CDP for Chromium, WebDriver BiDi for Firefox. */
function attach(kind, port) {
  const defaultViewport = { width: 1280, height: 800 };
  return kind === 'chromium'
    ? puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport })
    : puppeteer.connect({ browserWSEndpoint: `ws://127.0.0.1:${port}/session`, protocol: 'webDriverBiDi', defaultViewport });
}

/** The open tab whose location starts with `prefix` (Firefox's page.url() can lag, so ask the page). */
async function findPage(browser, prefix) {
  for (const page of await browser.pages()) {
    const href = await page.evaluate(() => location.href).catch(() => '');
    if (href.startsWith(prefix)) return page;
  }
  return null;
}

for (const kind of BROWSERS) {
  describe(`npm start in ${kind}`, () => {
    test('opens the demo article with the extension loaded, and Ctrl-C stops everything', { timeout: 240_000 }, async () => {
      const profile = mkdtempSync(join(tmpdir(), `lectern-start-${kind}-`));
      const port = await freePort();
      const run = npmStart(kind, profile, port);
      let browser;
      try {
        const demoUrl = await until(() => run.output().match(/demo article (http:\/\/127\.0\.0\.1:\d+\/)/)?.[1], {
          timeout: 180_000,
          label: `npm start to report the demo article\n${run.output()}`,
        });
        assert.ok(processesMentioning(profile).length > 0, 'a browser runs with the development profile');

        browser = await until(() => attach(kind, port), { label: `${kind}'s remote-debugging port` });
        const demo = await until(() => findPage(browser, demoUrl), { label: 'the demo article tab' });
        await demo.bringToFront();
        await until(() => demo.evaluate(() => document.readyState === 'complete' && [...document.images].every((img) => img.complete)), {
          label: 'the demo article and its images',
        });
        assert.equal(await demo.evaluate(() => document.querySelector('h1')?.textContent?.trim()), DEMO.title);
        // The extension is loaded: its first-run page is open, and its background answers a message.
        const origin = kind === 'chromium' ? 'chrome-extension://' : 'moz-extension://';
        const welcome = await until(() => findPage(browser, origin), { label: "the extension's welcome page" });
        await until(() => welcome.evaluate(() => document.readyState === 'complete' && Boolean(document.querySelector('#app h1'))), { label: 'the welcome page rendered' });
        // The demo is the first tab, the one the browser opened on; the welcome page comes after it. Asked of the
        // tabs API (indexes need no permission): puppeteer lists pages in the order it discovered them, not in
        // tab order, and that order varies from run to run.
        const tabs = await welcome.evaluate(async () => {
          const api = globalThis.browser ?? globalThis.chrome;
          const self = await api.tabs.getCurrent();
          const all = await api.tabs.query({ windowId: self.windowId });
          return { welcome: self.index, count: all.length };
        });
        assert.deepEqual(tabs, { welcome: 1, count: 2 }, 'two tabs: the demo article first, then the welcome page');
        const usage = await welcome.evaluate(() => (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'storageUsage', data: {} }));
        assert.equal(usage.count, 0, 'a fresh profile has an empty library');
        const manifest = await welcome.evaluate(() => (globalThis.browser ?? globalThis.chrome).runtime.getManifest());
        assert.equal(manifest.short_name, 'Lectern');

        await demo.bringToFront();
        await demo.screenshot({ path: join(ARTIFACTS_DIR, `start-${kind}.png`) });
        await browser.disconnect();
        browser = null;

        // Everything npm start runs: the script, esbuild's service, the browser and its helper processes.
        const started = processTree(run.child.pid);
        assert.ok(started.length >= 4, `npm start's processes: ${started}`);

        // Ctrl-C in a terminal signals the whole foreground process group.
        process.kill(-run.child.pid, 'SIGINT');
        const exit = await Promise.race([run.exited, sleep(30_000).then(() => 'still running after 30 s')]);
        // npm passes Ctrl-C on to the script and then ends the way an interrupted program does, by SIGINT.
        assert.ok(exit.code === 0 || exit.signal === 'SIGINT', `npm start ends on Ctrl-C: ${JSON.stringify(exit)}\n${run.output()}`);
        assert.match(run.output(), /Lectern: stopped\./, 'the script closed the browser, the server and the watcher itself');
        await until(() => stillRunning(started).length === 0, { timeout: 15_000, label: `no process left over (${stillRunning(started)})` });
        await assert.rejects(fetch(demoUrl), 'the demo server is closed');
        await assert.rejects(fetch(`http://127.0.0.1:${port}/json/version`), 'the browser is gone');
      } finally {
        await browser?.disconnect().catch(() => {});
        try {
          process.kill(-run.child.pid, 'SIGKILL'); // only if the test failed before its clean stop
        } catch {
          /* already gone, as it should be */
        }
        for (const pid of processesMentioning(profile)) process.kill(pid, 'SIGKILL');
        rmSync(profile, { recursive: true, force: true });
      }
    });
  });
}
