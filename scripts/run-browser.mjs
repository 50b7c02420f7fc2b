// `npm start`: Lectern running in a real browser, rebuilt and reloaded on every change.
//   1. serves the demo article (tests/fixtures/pages/news-ecuador/) on 127.0.0.1;
//   2. builds dist/dev-<browser>/ with esbuild's watch;
//   3. opens Chromium (default) or Firefox with the extension loaded (web-ext run), the demo article in
//      the first tab, in a development profile kept between runs (.profile/<browser>/);
//   4. reloads the extension after each rebuild; Ctrl-C (or SIGTERM) closes the browser, the server and
//      the watcher.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';
import { watchExtension } from '../build.mjs';
import { startDemoServer } from './demo-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_DIR = path.join(root, 'tests/fixtures/pages/news-ecuador');

const USAGE = `Usage: npm start [-- flags]

  --chromium        Chromium (the default)
  --firefox         Firefox
  --headless        no window (for CI and tests); also LECTERN_HEADLESS=1
  --profile DIR     the browser profile to use (default .profile/<browser>/, kept between runs)
  --remote-debugging-port N
                    let a tool attach to the browser (CDP for Chromium, WebDriver BiDi for Firefox)
  --help            this text

The browser binary: CHROMIUM_PATH / FIREFOX_PATH, else chromium or firefox-esr / firefox on PATH.
`;

/** Parse the flags; unknown ones are refused (exit code 2) rather than ignored. */
function parseArgs(argv) {
  const options = { browser: 'chromium', headless: process.env.LECTERN_HEADLESS === '1', profile: null, debugPort: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.split(/=(.*)/s);
    const value = () => inline ?? argv[++i] ?? usageError(`${name} needs a value`);
    if (arg === '--chromium' || arg === '--firefox') options.browser = arg.slice(2);
    else if (arg === '--headless') options.headless = true;
    else if (arg === '--help') options.help = true;
    else if (name === '--profile') options.profile = path.resolve(value());
    else if (name === '--remote-debugging-port') options.debugPort = Number(value());
    else usageError(`unknown flag ${arg}`);
  }
  if (options.debugPort !== null && !(Number.isInteger(options.debugPort) && options.debugPort > 0 && options.debugPort < 65536)) {
    usageError('--remote-debugging-port needs a port number');
  }
  return options;
}

function usageError(message) {
  console.error(`run-browser: ${message}\n\n${USAGE}`);
  process.exit(2);
}

/** The first of `names` found on PATH (or the environment's override). */
function findBinary(envName, names) {
  if (process.env[envName]) return process.env[envName];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of names) if (existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  throw new Error(`no ${names.join(' / ')} on PATH: install one, or set ${envName} to the browser's binary`);
}

/** web-ext's options for one browser (https://extensionworkshop.com/documentation/develop/web-ext-command-reference/#web-ext-run). */
function browserOptions({ browser, headless, debugPort }, profile) {
  if (browser === 'firefox') {
    const args = [...(headless ? ['-headless'] : []), ...(debugPort ? ['--remote-debugging-port', String(debugPort)] : [])];
    return { target: ['firefox-desktop'], firefox: findBinary('FIREFOX_PATH', ['firefox-esr', 'firefox']), firefoxProfile: profile, args };
  }
  const args = [
    ...(headless ? ['--headless=new'] : []),
    ...(debugPort ? [`--remote-debugging-port=${debugPort}`] : []),
    // Chromium refuses to start as root (containers, CI) unless its sandbox is off.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--no-first-run',
    '--no-default-browser-check',
  ];
  return { target: ['chromium'], chromiumBinary: findBinary('CHROMIUM_PATH', ['chromium', 'chromium-browser', 'google-chrome']), chromiumProfile: profile, args };
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * chrome-launcher and firefox-profile (inside web-ext) each add a SIGINT listener that exits at once with
 * code 130, which would leave the demo server and esbuild to die with the process instead of closing. Once
 * the browser runs, Ctrl-C goes through stop() alone, which closes the browser first.
 */
function dropForeignSignalListeners(ours) {
  for (const listener of process.listeners('SIGINT')) if (listener !== ours) process.removeListener('SIGINT', listener);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const buildName = options.browser === 'firefox' ? 'firefox' : 'chrome';
  const profile = options.profile ?? path.join(root, '.profile', options.browser);
  await mkdir(path.dirname(profile), { recursive: true });

  const stoppers = [];
  let stopping = null;
  /** Close everything, newest first; safe to call more than once (a signal while the browser exits). */
  const stop = (code = 0) => {
    stopping ??= (async () => {
      for (const fn of stoppers.reverse()) await fn().catch((error) => console.error(`run-browser: while stopping: ${error.message}`));
      console.log('Lectern: stopped.');
      process.exitCode = code;
    })();
    return stopping;
  };
  const onSignal = () => void stop(0);
  for (const signal of SIGNALS) process.on(signal, onSignal);

  try {
    const demo = await startDemoServer(DEMO_DIR);
    stoppers.push(() => demo.close());

    let runner = null;
    const watcher = await watchExtension(buildName, {
      onRebuilt: () => {
        console.log(`Lectern: rebuilt, reloading the extension (${new Date().toLocaleTimeString()})`);
        // web-ext ends its "Last extension reload" line with no newline.
        void runner?.reloadAllExtensions().then(() => process.stdout.write('\n'));
      },
    });
    stoppers.push(() => watcher.stop());
    if (stopping) return;

    // Reloads come from esbuild's rebuilds (noReload: web-ext's own file watcher would reload once per file).
    const starting = webExt.cmd.run(
      {
        sourceDir: watcher.outdir,
        ...browserOptions(options, profile),
        keepProfileChanges: true,
        profileCreateIfMissing: true,
        startUrl: [demo.url],
        noReload: true,
        noInput: true,
      },
      { shouldExitProgram: false },
    );
    // Resolves when the browser has exited (web-ext runs its cleanups then).
    const browserGone = starting.then((started) => new Promise((resolve) => started.registerCleanup(resolve)), () => undefined);
    // A stop while the browser is still starting waits for it, then closes it.
    stoppers.push(async () => {
      const started = await starting.catch(() => null);
      if (!started) return;
      await started.exit().catch(() => {}); // already gone when closed by hand
      await Promise.race([browserGone, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    });
    runner = await starting;
    if (stopping) return;
    // The browser closed by hand: stop the rest too.
    void browserGone.then(() => stop(0));
    dropForeignSignalListeners(onSignal);
    console.log(`Lectern: ${options.browser} is running with the extension from ${path.relative(root, watcher.outdir)}/`);
    console.log(`Lectern: demo article ${demo.url} (profile ${path.relative(root, profile) || profile})`);
    console.log('Lectern: click the toolbar button (or Alt+Shift+R) on the article. Ctrl-C stops.');
  } catch (error) {
    console.error(`run-browser: ${error.message}`);
    await stop(1);
  }
}

await main();
