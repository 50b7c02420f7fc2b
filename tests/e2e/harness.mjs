// tests/e2e/harness.mjs — drive a BUILT, unpacked MV3 extension in real
// headless Chromium and Firefox with puppeteer-core.
//
// Small on purpose. Exports:
//   startServer(rootDir | routes | {root, routes})  -> { origin, url(path), close() }
//   launch(kind, extensionDir, opts)                -> Session (see below)
//   screenshot(page, file)
//   withTimeout(promise, ms, label)
//   killAllBrowsers()                               (SIGKILL fallback; also runs on process exit)
//
// Importing this module installs a process 'exit' hook and SIGINT/SIGTERM
// handlers that SIGKILL any browser it launched (and exit 130 on a signal), so
// a crashed or interrupted test run never leaves Chromium/Firefox behind.
//
// Session:
//   browser                  puppeteer Browser
//   kind                     'chromium' | 'firefox'
//   extensionId              chrome: 32-char id; firefox: the gecko id
//   extensionOrigin          'chrome-extension://<id>' | 'moz-extension://<uuid>'
//   userDataDir              profile dir (pass it again to launch() to reuse the profile)
//   controlPage              a puppeteer Page showing an extension page; evalInExtension runs there
//   openPage(url)            new tab with an ordinary web page -> Page
//   tabIdOf(url)             browser tab id (tabs API) of the open tab at url
//   openExtensionPage(path, {active})  new tab with `${extensionOrigin}/${path}` -> Page
//                            (active: false opens it in the background, as tabs.create would)
//   evalInExtension(fn, ...args)  runs fn(api, ...args) in controlPage; api = browser ?? chrome
//   sendMessage(msg)         runtime.sendMessage from controlPage (reaches the background)
//   restartServiceWorker()   Chromium only: stop the MV3 worker (it restarts on next event)
//   evalInWorker(fn, ...args)  Chromium only: run fn(...args) in the RUNNING service worker (waits for
//                            one to run); its globals live as long as that worker instance does
//   close()                  close the browser (SIGKILL after a timeout); profile is kept
//                            unless launch() created it (tmp) AND you pass {removeProfile:true}
//
// Requirements / known environment (see report in the commit history):
//   - Chromium 156 at /usr/bin/chromium, Firefox ESR 153 at /usr/bin/firefox-esr
//     (override with CHROMIUM_PATH / FIREFOX_PATH). puppeteer-core 25 cannot
//     download browsers here, so executablePath is always given.
//   - Host permissions for http://127.0.0.1/* and http://localhost/* in the
//     e2e build: clicking the toolbar button is impossible headless, so the
//     tests open reader.html?tab=<id> directly and rely on host permissions
//     (not activeTab) for tabs.get(url/title) and scripting.executeScript.

import puppeteer from 'puppeteer-core';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

// Every wait in here is bounded; nothing should ever hang a CI job.
const DEFAULT_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 15000);

/** Reject with a labelled error if `promise` does not settle within `ms`. */
export function withTimeout(promise, ms = DEFAULT_TIMEOUT, label = 'operation') {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Timeout after ${ms} ms: ${label}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll `fn` until it returns a truthy value (errors count as "not yet"). */
async function pollFor(fn, { timeout = DEFAULT_TIMEOUT, interval = 100, label = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let lastErr;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastErr = e;
    }
    await sleep(interval);
  }
  throw new Error(`Timeout after ${timeout} ms waiting for ${label}${lastErr ? ` (last error: ${lastErr.message})` : ''}`);
}

// ---------------------------------------------------------------------------
// Fixture HTTP server
// ---------------------------------------------------------------------------

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Loopback static server on 127.0.0.1:<random port>.
 *
 * @param {string | Record<string, RouteValue> | {root?: string, routes?: Record<string, RouteValue>}} spec
 *   - a directory to serve statically, or
 *   - a routes object: path -> string (served as text/html), or
 *     {status?, type?, headers?, body}, or a node:http handler (req, res) => void|Promise, or
 *   - both: {root, routes} (routes win).
 * @returns {Promise<{origin: string, port: number, url(path?: string): string, close(): Promise<void>}>}
 */
export async function startServer(spec) {
  const { root, routes } =
    typeof spec === 'string' ? { root: spec, routes: {} } : spec && ('root' in spec || 'routes' in spec) ? { root: spec.root, routes: spec.routes || {} } : { root: undefined, routes: spec || {} };
  const rootDir = root ? resolve(root) : undefined;

  const server = createServer(async (req, res) => {
    try {
      const u = new URL(req.url, 'http://x');
      const route = routes[u.pathname];
      if (typeof route === 'function') return void (await route(req, res));
      if (route !== undefined) {
        const r = typeof route === 'string' ? { body: route } : route;
        res.writeHead(r.status || 200, { 'content-type': r.type || 'text/html; charset=utf-8', 'cache-control': 'no-store', ...(r.headers || {}) });
        return void res.end(r.body ?? '');
      }
      if (rootDir) {
        let file = normalize(join(rootDir, decodeURIComponent(u.pathname)));
        if (file !== rootDir && !file.startsWith(rootDir + sep)) throw Object.assign(new Error('forbidden'), { status: 403 });
        if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) file = join(file, 'index.html');
        if (statSync(file, { throwIfNoEntry: false })?.isFile()) {
          res.writeHead(200, { 'content-type': MIME[extname(file).toLowerCase()] || 'application/octet-stream', 'cache-control': 'no-store' });
          return void res.end(readFileSync(file));
        }
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    } catch (e) {
      if (!res.headersSent) res.writeHead(e.status || 500, { 'content-type': 'text/plain' });
      res.end(String(e.message));
    }
  });
  // Keep-alive sockets would make close() wait; track and destroy them.
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((res, rej) => server.listen(0, '127.0.0.1', res).on('error', rej));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (path = '/') => origin + (path.startsWith('/') ? path : `/${path}`),
    close: () =>
      new Promise((res) => {
        for (const s of sockets) s.destroy();
        server.close(() => res());
      }),
  };
}

// ---------------------------------------------------------------------------
// Browser process bookkeeping: make sure nothing survives the test process.
// ---------------------------------------------------------------------------

const liveBrowsers = new Set();

/** SIGKILL every browser this module launched and that is still running. */
export function killAllBrowsers() {
  for (const b of liveBrowsers) {
    try {
      const proc = b.process();
      if (proc && proc.exitCode === null) {
        // Negative pid = whole process group (puppeteer spawns the browser detached
        // on Linux, so the group contains the renderer/content processes too).
        try {
          process.kill(-proc.pid, 'SIGKILL');
        } catch {
          proc.kill('SIGKILL');
        }
      }
    } catch {
      /* already gone */
    }
  }
  liveBrowsers.clear();
}
process.on('exit', killAllBrowsers);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    killAllBrowsers();
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------
// Extension helpers
// ---------------------------------------------------------------------------

/**
 * Id Chromium gives an unpacked extension without a "key" in its manifest:
 * sha256 of the absolute path, first 32 hex digits mapped 0-f -> a-p.
 * (components/crx_file/id_util.cc GenerateIdForPath:
 * https://source.chromium.org/chromium/chromium/src/+/main:components/crx_file/id_util.cc)
 * Deterministic per path, so the same build dir keeps the same id (and storage) across relaunches.
 */
export function chromiumExtensionIdForPath(dir) {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

function readManifest(dir) {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
}

/**
 * Deterministic moz-extension UUID for a gecko id. Firefox normally picks a
 * random UUID per install; we pre-seed the `extensions.webextensions.uuids`
 * pref (a JSON map id -> uuid, read by ExtensionParent UUIDMap:
 * https://searchfox.org/mozilla-central/search?q=extensions.webextensions.uuids)
 * so the origin is known before install and identical on every relaunch —
 * which is also what keeps storage.local (stored per origin) reachable.
 */
export function firefoxUuidFor(geckoId) {
  const h = createHash('sha256').update(`lectern-e2e:${geckoId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// Common Chromium flags. Why each one:
const CHROMIUM_ARGS = [
  '--no-sandbox', // we run as root in a container; the setuid/namespace sandbox cannot start.
  '--disable-gpu', // no GPU in CI; avoids GPU-process crash loops.
  '--disable-quic', // keep all traffic plain TCP on loopback.
  '--no-first-run',
  '--disable-background-networking', // no outbound requests (no internet here anyway).
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--enable-unsafe-extension-debugging', // enables CDP Extensions.* (loadUnpacked), see launchChromium.
];

/**
 * Launch a browser with the unpacked extension in `extensionDir` installed.
 *
 * @param {'chromium'|'firefox'} kind
 * @param {string} extensionDir built unpacked extension (manifest.json inside)
 * @param {object} [opts]
 * @param {string} [opts.userDataDir] profile dir; reuse it to test persistence. Default: fresh tmp dir.
 * @param {boolean} [opts.headless=true]
 * @param {string} [opts.controlPath='welcome.html'] extension page used for evalInExtension
 * @param {number} [opts.timeout] per-step timeout in ms
 * @param {boolean} [opts.dumpio] pipe browser stdout/stderr (debugging)
 * @param {string[]} [opts.args] extra Chromium command-line flags
 * @param {Record<string, unknown>} [opts.prefs] extra/overriding Firefox prefs
 */
export async function launch(kind, extensionDir, opts = {}) {
  const extDir = realpathSync(resolve(extensionDir));
  const timeout = opts.timeout ?? DEFAULT_TIMEOUT;
  const createdProfile = !opts.userDataDir;
  const userDataDir = opts.userDataDir ? resolve(opts.userDataDir) : mkdtempSync(join(tmpdir(), `lectern-e2e-${kind}-`));
  mkdirSync(userDataDir, { recursive: true });
  const controlPath = opts.controlPath ?? 'welcome.html';

  let session;
  try {
    if (kind === 'chromium') session = await launchChromium(extDir, userDataDir, opts, timeout);
    else if (kind === 'firefox') session = await launchFirefox(extDir, userDataDir, opts, timeout);
    else throw new Error(`unknown browser kind ${kind}`);
    session.controlPage = await withTimeout(session.getControlPage(controlPath), timeout, `${kind}: open extension control page`);
  } catch (e) {
    if (session) await closeBrowser(session.browser, 5000);
    if (createdProfile) rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
  const { browser } = session;

  return {
    kind,
    browser,
    userDataDir,
    extensionId: session.extensionId,
    extensionOrigin: session.extensionOrigin,
    get controlPage() {
      return session.controlPage;
    },

    /** Open `url` (an ordinary web page) in a new tab and wait for load. */
    async openPage(url) {
      const page = await withTimeout(browser.newPage(), timeout, 'newPage');
      await page.goto(url, { waitUntil: 'load', timeout });
      return page;
    },

    /**
     * Tab id of the open tab whose URL is `url` (exact match, or prefix match if
     * no exact match). Needs host permission for that URL, otherwise tab.url is
     * hidden (we do not have the "tabs" permission).
     */
    async tabIdOf(url) {
      return pollFor(
        async () => {
          const tabs = await this.evalInExtension((api) => api.tabs.query({}).then((ts) => ts.map((t) => ({ id: t.id, url: t.url }))));
          const hit = tabs.find((t) => t.url === url) || tabs.find((t) => t.url && t.url.startsWith(url));
          return hit ? String(hit.id) : null; // string so 0 would still be truthy
        },
        { timeout, label: `tab with url ${url}` },
      ).then(Number);
    },

    /** Open an extension page (e.g. 'reader.html?tab=12') in a new tab. */
    async openExtensionPage(path, options) {
      return withTimeout(session.openExtensionPage(path.replace(/^\//, ''), options), timeout, `openExtensionPage(${path})`);
    },

    /**
     * Run `fn(api, ...args)` in the control page; api = `browser` (Firefox) or
     * `chrome` (Chromium; promise-based in MV3). `fn` is serialized with
     * toString(), so it must not close over variables; args must be JSON-serializable.
     * (Evaluated over CDP/BiDi, which is not subject to the page's CSP.)
     */
    async evalInExtension(fn, ...args) {
      const expr = `(${fn.toString()})(globalThis.browser ?? globalThis.chrome, ...${JSON.stringify(args)})`;
      return withTimeout(session.controlPage.evaluate(expr), timeout, 'evalInExtension');
    },

    /** runtime.sendMessage(msg) from the control page; resolves with the background's reply. */
    async sendMessage(msg) {
      return this.evalInExtension((api, m) => api.runtime.sendMessage(m), msg);
    },

    async evalInWorker(fn, ...args) {
      if (!session.evalInWorker) throw new Error('evalInWorker is Chromium-only (Firefox MV3 uses an event page)');
      return withTimeout(session.evalInWorker(fn, ...args), timeout, 'evalInWorker');
    },

    async restartServiceWorker() {
      if (!session.restartServiceWorker) throw new Error(`restartServiceWorker is Chromium-only (Firefox MV3 uses an event page)`);
      return withTimeout(session.restartServiceWorker(), timeout, 'restartServiceWorker');
    },

    /** Close the browser. Pass {removeProfile:true} to delete a tmp profile launch() created. */
    async close({ removeProfile = false } = {}) {
      await closeBrowser(browser, 10000);
      if (removeProfile && createdProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function closeBrowser(browser, ms) {
  const proc = browser.process();
  try {
    await withTimeout(browser.close(), ms, 'browser.close');
  } catch {
    /* fall through to SIGKILL */
  }
  if (proc && proc.exitCode === null && proc.signalCode === null) {
    try {
      process.kill(-proc.pid, 'SIGKILL');
    } catch {
      try {
        proc.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }
    await withTimeout(new Promise((r) => proc.once('exit', r)), 5000, 'browser exit').catch(() => {});
  }
  liveBrowsers.delete(browser);
}

// --- Chromium ---------------------------------------------------------------

async function launchChromium(extDir, userDataDir, opts, timeout) {
  // How the extension gets loaded: Chrome 137+ ignores --load-extension in
  // branded builds and the flag is on its way out for Chromium too
  // (https://groups.google.com/a/chromium.org/g/chromium-extensions/c/aEHdhDZ-V0E,
  // https://support.google.com/chrome/a/answer/10314655#137),
  // so we use the CDP method Extensions.loadUnpacked
  // (https://chromedevtools.github.io/devtools-protocol/tot/Extensions/#method-loadUnpacked,
  // https://pptr.dev/guides/chrome-extensions), which puppeteer exposes as
  // browser.installExtension(path). It is only available over a pipe
  // connection (`pipe: true` -> --remote-debugging-pipe) and, per the protocol
  // docs, with --enable-unsafe-extension-debugging (Chromium 156 happened to
  // accept loadUnpacked without it in our tests, but we pass it as documented).
  // `enableExtensions: true` just stops puppeteer from adding --disable-extensions
  // (so no ignoreDefaultArgs needed). We deliberately do NOT pass
  // `enableExtensions: [dir]`: puppeteer-core 25.16 wraps those installs in
  // `Promise.all([array.map(...)])` (BrowserLauncher.js), i.e. launch() does
  // not wait for them — a race. We await installExtension() ourselves.
  const browser = await puppeteer.launch({
    browser: 'chrome',
    executablePath: CHROMIUM_PATH,
    headless: opts.headless ?? true, // "new" headless: the only headless mode that runs extensions.
    pipe: true,
    enableExtensions: true,
    userDataDir,
    args: [...CHROMIUM_ARGS, ...(opts.args || [])],
    timeout,
    protocolTimeout: timeout,
    dumpio: !!opts.dumpio,
    handleSIGINT: false, // we handle signals ourselves (killAllBrowsers)
  });
  liveBrowsers.add(browser);

  try {
    // Same value as chromiumExtensionIdForPath(extDir): stable per build dir.
    const extensionId = await withTimeout(browser.installExtension(extDir), timeout, 'Extensions.loadUnpacked');
    const extensionOrigin = `chrome-extension://${extensionId}`;
    const manifest = readManifest(extDir);
    const swUrl = manifest.background?.service_worker ? `${extensionOrigin}/${manifest.background.service_worker.replace(/^\//, '')}` : null;

    const isWorker = (t) => t.type() === 'service_worker' && t.url() === swUrl;

    return {
      browser,
      extensionId,
      extensionOrigin,
      async getControlPage(path) {
        // Chromium lets puppeteer navigate straight to chrome-extension:// URLs.
        const page = await browser.newPage();
        await page.goto(`${extensionOrigin}/${path}`, { waitUntil: 'load', timeout });
        return page;
      },
      async openExtensionPage(path, { active = true } = {}) {
        const url = `${extensionOrigin}/${path}`;
        if (!active) {
          // A background tab, as the extension itself would open it: the page the user was on stays active.
          const opened = browser.waitForTarget((t) => t.url() === url, { timeout });
          await this.controlPage.evaluate((u) => chrome.tabs.create({ url: u, active: false }).then(() => true), url);
          const page = await (await opened).page();
          await pollFor(() => page.evaluate(() => document.readyState === 'complete'), { timeout, label: `${url} load` });
          return page;
        }
        const page = await browser.newPage();
        await page.goto(url, { waitUntil: 'load', timeout });
        return page;
      },
      /**
       * Stop the extension's service worker. What works with Chromium 156:
       * closing the worker's DevTools target (Target.closeTarget via
       * puppeteer WebWorker.close()) terminates the worker just like the idle
       * timeout does; the next extension event (runtime message, alarm, ...)
       * starts a fresh instance. Fallback: CDP ServiceWorker.stopAllWorkers
       * from a page session (https://chromedevtools.github.io/devtools-protocol/tot/ServiceWorker/#method-stopAllWorkers).
       * Resolves once the worker target is gone.
       */
      async evalInWorker(fn, ...args) {
        if (!swUrl) throw new Error('extension has no background.service_worker');
        const target = browser.targets().find(isWorker) ?? (await browser.waitForTarget(isWorker, { timeout }));
        return (await target.worker()).evaluate(fn, ...args);
      },
      async restartServiceWorker() {
        if (!swUrl) throw new Error('extension has no background.service_worker');
        const target = browser.targets().find(isWorker);
        if (!target) return { wasRunning: false };
        const gone = new Promise((r) => {
          const h = (t) => {
            if (t === target) {
              browser.off('targetdestroyed', h);
              r();
            }
          };
          browser.on('targetdestroyed', h);
        });
        let method = 'Target.closeTarget';
        try {
          const worker = await target.worker();
          await worker.close();
          await withTimeout(gone, 3000, 'worker target destroyed');
        } catch {
          method = 'ServiceWorker.stopAllWorkers';
          const cdp = await this.controlPage.createCDPSession();
          await cdp.send('ServiceWorker.enable');
          await cdp.send('ServiceWorker.stopAllWorkers');
          await cdp.detach();
          await withTimeout(gone, 5000, 'worker target destroyed');
        }
        return { wasRunning: true, method };
      },
    };
  } catch (e) {
    await closeBrowser(browser, 5000);
    throw e;
  }
}

// --- Firefox ----------------------------------------------------------------

async function launchFirefox(extDir, userDataDir, opts, timeout) {
  const manifest = readManifest(extDir);
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error('Firefox build needs browser_specific_settings.gecko.id (a fixed id keeps origin + storage stable)');
  const uuid = firefoxUuidFor(geckoId);
  const extensionOrigin = `moz-extension://${uuid}`;

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: opts.headless ?? true,
    userDataDir, // passed as --profile; puppeteer writes its prefs to user.js and restores prefs.js/user.js on close.
    timeout,
    protocolTimeout: timeout,
    dumpio: !!opts.dumpio,
    handleSIGINT: false,
    // puppeteer already sets the usual "no outbound traffic" prefs (dummy
    // services.settings.server, no safebrowsing/normandy/updates, ...; see
    // @puppeteer/browsers/lib/browser-data/firefox.js). Extra ones we need:
    extraPrefsFirefox: {
      // Pre-seed the moz-extension UUID for our gecko id (see firefoxUuidFor).
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      // BiDi webExtension.install installs a *temporary* add-on, which Firefox
      // uninstalls at shutdown. On uninstall Firefox normally forgets the UUID
      // and wipes the extension's storage; these two prefs (used by web-ext /
      // about:debugging "reload") keep both, so storage.local survives a
      // relaunch with the same profile. https://searchfox.org/mozilla-central/search?q=keepStorageOnUninstall
      'extensions.webextensions.keepUuidOnUninstall': true,
      'extensions.webextensions.keepStorageOnUninstall': true,
      // Unsigned add-ons (only honoured by ESR/Dev/Nightly; temporary installs don't need it but harmless).
      'xpinstall.signatures.required': false,
      'extensions.autoDisableScopes': 0,
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'app.update.auto': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'datareporting.healthreport.uploadEnabled': false,
      'toolkit.telemetry.enabled': false,
      'toolkit.telemetry.unified': false,
      'toolkit.telemetry.server': '',
      'messaging-system.rsexperimentloader.enabled': false, // Nimbus tries Remote Settings at startup.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'browser.region.network.url': '',
      'extensions.getAddons.cache.enabled': false,
      'extensions.blocklist.enabled': false,
      ...(opts.prefs || {}),
    },
  });
  liveBrowsers.add(browser);

  // Puppeteer's Page.url() is stale for navigations Firefox's remote agent
  // does not report (e.g. a tab the extension opened via tabs.create stays
  // "about:blank"), so we ask the page itself.
  const hrefOf = (p) => withTimeout(p.evaluate(() => location.href), 2000, 'location.href').catch(() => '');

  /** Wait for a page (not in `exclude`) whose real location matches `pred`. */
  const findPage = (pred, exclude = new Set(), label = 'page') =>
    pollFor(
      async () => {
        for (const p of await browser.pages()) {
          if (exclude.has(p)) continue;
          if (pred(await hrefOf(p))) return p;
        }
        return null;
      },
      { timeout, interval: 150, label },
    );

  try {
    const pagesBefore = new Set(await browser.pages());
    // WebDriver BiDi webExtension.install (temporary add-on).
    const installedId = await withTimeout(browser.installExtension(extDir), timeout, 'installExtension');
    if (installedId !== geckoId) throw new Error(`installed id ${installedId} != manifest gecko id ${geckoId}`);

    const session = {
      browser,
      extensionId: geckoId,
      extensionOrigin,
      /**
       * BiDi refuses browsingContext.navigate to moz-extension:// ("Navigation
       * to moz-extension://... is not allowed in this context"), so we start
       * from a page the extension opened itself: welcome.html, opened by
       * runtime.onInstalled. Temporary add-ons are re-installed on every
       * launch, so onInstalled(reason "install") fires every time.
       */
      async getControlPage(path) {
        return findPage((h) => h.startsWith(`${extensionOrigin}/${path}`), pagesBefore, `${path} opened by the extension on install`);
      },
      /** From the control page: tabs.create(url), then find the new tab's Page. */
      async openExtensionPage(path, { active = true } = {}) {
        const url = `${extensionOrigin}/${path}`;
        const before = new Set(await browser.pages());
        await session.controlPage.evaluate((u, a) => browser.tabs.create({ url: u, active: a }).then(() => true), url, active);
        const page = await findPage((h) => h === url, before, url);
        await pollFor(() => page.evaluate(() => document.readyState === 'complete'), { timeout, label: `${url} load` });
        return page;
      },
    };
    return session;
  } catch (e) {
    await closeBrowser(browser, 5000);
    throw e;
  }
}

// ---------------------------------------------------------------------------

/** Full-page PNG screenshot; creates the parent directory. */
export async function screenshot(page, file) {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  await withTimeout(page.screenshot({ path: file, fullPage: true }), DEFAULT_TIMEOUT, `screenshot ${file}`);
  return file;
}

