// An upgrade keeps everything, in real Chromium and Firefox: the previous release (PREVIOUS, the commit
// main was at when schema 5 was written) is built from git into a temporary folder, installed into a
// profile, and given articles with tags, progress, a favourite and offline images. Then the new build is
// installed over it in the same profile, at the same path (Chromium derives the extension id from it;
// Firefox keeps the fixed gecko id), and every article must still be there, read the same, show its
// image without a network, and be found by search.
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, startServer } from './harness.mjs';
import { BROWSERS, EXTENSION_DIRS, PAGES_DIR } from './fixtures.mjs';

const PREVIOUS = '801036e2ec0c572a8710de39a1ddc730dc645766';
const root = new URL('../..', import.meta.url).pathname;
const PHOTO = readFileSync(join(PAGES_DIR, 'news-ecuador/images/assange-640.jpg'));
const WORDS = ['quinoa', 'zeppelin', 'marmalade', 'obsidian', 'tarragon'];
const body = (n) => Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1} of story ${n} about the ${WORDS[n]} harbour plan, its costs and its timetable for the coming year.</p>`).join('');
const page = (n) => `<!doctype html><html lang="en"><head><title>Story ${n}</title></head><body><article><h1>Story ${n}</h1>${body(n)}${
  n === 0 ? '<figure><img src="/photo.jpg" alt="The photo" width="640"><figcaption>A photo</figcaption></figure>' : ''}${body(n)}</article></body></html>`;
const routes = { ...Object.fromEntries(WORDS.map((_, n) => [`/s/${n}`, page(n)])), '/photo.jpg': { type: 'image/jpeg', body: PHOTO } };

/** The previous release, built by its own build.mjs (its dependencies are ours: node_modules is shared). */
function buildPrevious() {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-previous-'));
  execSync(`git archive --format=tar ${PREVIOUS} | tar -x -C ${dir}`, { cwd: root });
  const deps = (p) => { const j = JSON.parse(readFileSync(p, 'utf8')); return JSON.stringify([j.dependencies, j.devDependencies]); };
  assert.equal(deps(join(dir, 'package.json')), deps(join(root, 'package.json')), 'the previous release needs other dependencies: npm ci there');
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  execSync('node build.mjs --e2e', { cwd: dir, stdio: 'ignore' });
  return dir;
}

const article = (session, id) => session.sendMessage({ type: 'getArticle', data: { id } });

for (const kind of BROWSERS) {
  describe(`upgrading over the previous release in ${kind}`, () => {
    let previous;
    let server;
    let session;
    const home = mkdtempSync(join(tmpdir(), `lectern-upgrade-${kind}-`));
    const extDir = join(home, 'extension');
    const profile = join(home, 'profile');
    before(async () => {
      previous = buildPrevious();
      server = await startServer(routes);
    });
    after(async () => {
      await session?.close();
      await server?.close();
      rmSync(home, { recursive: true, force: true });
      rmSync(previous, { recursive: true, force: true });
    });

    test('keeps every article, its tags, progress and offline image, and finds it by search', { timeout: 300_000 }, async () => {
      cpSync(join(previous, 'dist', `${kind === 'chromium' ? 'chrome' : 'firefox'}-e2e`), extDir, { recursive: true });
      session = await launch(kind, extDir, { userDataDir: profile, timeout: 60_000 });
      await session.evalInExtension((api) => api.storage.local.set({ offlineImages: true }));
      const ids = [];
      for (let n = 0; n < WORDS.length; n++) {
        const url = server.url(`/s/${n}`);
        await session.openPage(url);
        const saved = await session.sendMessage({ type: 'saveArticle', data: { tabId: await session.tabIdOf(url) } });
        assert.equal(saved.ok, true, JSON.stringify(saved));
        ids.push(saved.id);
        await session.sendMessage({ type: 'updateArticle', data: { id: saved.id, changes: { tags: [`word-${n}`, 'upgrade'], progress: n / 10, favorite: n % 2 === 0, read: n === 3 } } });
      }
      await session.controlPage.waitForFunction(async () => Object.keys(await (globalThis.browser ?? globalThis.chrome).storage.local.get(null)).some((k) => k.startsWith('image:')), { timeout: 20_000, polling: 200 });
      const before = await Promise.all(ids.map((id) => article(session, id)));
      const schemaBefore = await session.evalInExtension(async (api) => (await api.storage.local.get('schemaVersion')).schemaVersion);
      await session.close();
      await server.close();
      server = null;

      rmSync(extDir, { recursive: true, force: true });
      cpSync(EXTENSION_DIRS[kind], extDir, { recursive: true });
      session = await launch(kind, extDir, { userDataDir: profile, timeout: 60_000 });
      await session.controlPage.waitForFunction(async () => (await (globalThis.browser ?? globalThis.chrome).storage.local.get('schemaVersion')).schemaVersion === 5, { timeout: 30_000, polling: 200 });
      console.log(`# ${kind}: schema ${schemaBefore} → 5`);
      const stored = await session.evalInExtension(async (api) => api.storage.local.get(null));
      for (const id of ids) assert.equal(stored[`article:${id}`].packed, 'deflate-raw-base64', 'stored compressed');
      assert.deepEqual(await Promise.all(ids.map((id) => article(session, id))), before);

      // The image comes from storage: the server is gone.
      const reader = await session.openExtensionPage(`reader.html?id=${ids[0]}`);
      await reader.waitForFunction(() => {
        const img = document.querySelector('.reader-content img[alt="The photo"]');
        return img?.complete && img.naturalWidth > 0 && img.src.startsWith('blob:');
      }, { timeout: 15_000, polling: 200 });
      await reader.close();

      const library = await session.openExtensionPage('popup.html#library');
      await library.waitForSelector('input[aria-label="Search saved articles"]');
      await library.evaluate(() => {
        const box = document.querySelector('input[aria-label="Search saved articles"]');
        box.value = 'marmalade';
        box.dispatchEvent(new Event('input', { bubbles: true }));
      });
      // Only the article with the word is listed once the search has answered.
      const others = ['Story 0', 'Story 1', 'Story 3', 'Story 4'];
      const end = Date.now() + 30_000;
      let shown = '';
      while (Date.now() < end) {
        shown = await library.evaluate(() => document.querySelector('main, body').innerText);
        if (shown.includes('Story 2') && others.every((o) => !shown.includes(o))) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      assert.ok(shown.includes('Story 2') && others.every((o) => !shown.includes(o)), `search for "marmalade" shows:\n${shown}`);
    });
  });
}
