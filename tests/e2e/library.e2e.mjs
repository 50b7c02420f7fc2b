// The library, as a user sees it, in real Chromium and Firefox: save many tabs at once, save the same URL
// twice, survive a stopped service worker and a browser restart, search the body text, delete and undo.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, startServer } from './harness.mjs';
import { BROWSERS, EXTENSION_DIRS } from './fixtures.mjs';
import { axeViolations } from './reader-helpers.mjs';

const TABS = 20;
const words = ['harbour', 'council', 'budget', 'river', 'market', 'school', 'bridge', 'garden', 'museum', 'station'];

/** A plausible article page; article `n` has one word ("quokka<n>") that appears only in its body. */
function articlePage(n) {
  const paragraphs = Array.from({ length: 8 }, (_, i) =>
    `<p>Paragraph ${i + 1} of article ${n}. The ${words[(n + i) % words.length]} committee met again on Tuesday to discuss plans, costs and the timetable for the coming year.${i === 4 ? ` A quokka${n} was seen nearby.` : ''}</p>`).join('');
  return `<!doctype html><html lang="en"><head><title>Article ${n}</title><meta property="og:site_name" content="E2E News"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Article ${n}</h1>${paragraphs}</article><footer>Footer</footer></body></html>`;
}

const routes = Object.fromEntries(Array.from({ length: TABS + 5 }, (_, i) => [`/a/${i + 1}`, articlePage(i + 1)]));
// Long enough that extracting it takes a while: the worker is stopped while it does.
routes['/long'] = `<!doctype html><html lang="en"><head><title>A very long report</title></head><body><article><h1>A very long report</h1>
${Array.from({ length: 6000 }, (_, i) => `<p>Section ${i + 1}. The committee reviewed the ${words[i % words.length]} plans, the costs, the timetable and every objection raised at the hearings.</p>`).join('')}
</article></body></html>`;

/**
 * The library through the documented protocol (src/shared/messages.ts), as the popup reads it: the list
 * (`listArticles`), and each listed article's record (`getArticle`). How storage lays them out is not
 * the test's business.
 */
async function storedLibrary(session) {
  const { entries } = await session.sendMessage({ type: 'listArticles', data: {} });
  const records = [];
  for (const { id } of entries) records.push(await session.sendMessage({ type: 'getArticle', data: { id } }));
  return {
    index: entries.map((e) => e.id).sort(),
    articles: records.filter((r) => r !== null).map((r) => r.id).sort(),
    titles: entries.map((e) => e.title),
  };
}

/** Every listed article opens (its record is there), and none is listed twice; `count` if given. */
function assertConsistent(lib, count) {
  assert.deepEqual(lib.articles, lib.index, 'a listed article has no record');
  assert.equal(new Set(lib.index).size, lib.index.length, 'an article is listed twice');
  if (count !== undefined) assert.equal(lib.index.length, count);
}

/** The number of saved articles the library view announces (each row's aria-setsize). */
async function listedCount(session) {
  const popup = await session.openExtensionPage('popup.html#library');
  await popup.waitForSelector('ul[aria-label="Saved articles"] li', { timeout: 10_000 });
  const count = await popup.evaluate(() => Number(document.querySelector('ul[aria-label="Saved articles"] li').getAttribute('aria-setsize')));
  await popup.close();
  return count;
}

/** Click the button with this accessible name (inside the row titled `rowTitle`, if given). */
async function clickButton(page, name, rowTitle) {
  await page.waitForFunction((n, r) => {
    const scope = r ? [...document.querySelectorAll('article.saved-row')].find((a) => a.querySelector('h2')?.textContent === r) : document;
    const button = scope && [...scope.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent.trim()) === n);
    if (button) button.click();
    return !!button;
  }, { timeout: 10_000 }, name, rowTitle ?? null);
}

const listedTitles = (page) => page.evaluate(() => [...document.querySelectorAll('ul[aria-label="Saved articles"] h2')].map((h) => h.textContent));

for (const kind of BROWSERS) {
  describe(`library in ${kind}`, () => {
    let server;
    let session;
    let profile;
    before(async () => {
      server = await startServer(routes);
      session = await launch(kind, EXTENSION_DIRS[kind]);
      profile = session.userDataDir;
    });
    after(async () => {
      await session?.close({ removeProfile: true });
      await server?.close();
    });

    test(`saving ${TABS} tabs at once lists each exactly once`, async () => {
      const urls = Array.from({ length: TABS }, (_, i) => server.url(`/a/${i + 1}`));
      for (const url of urls) await session.openPage(url);
      const tabIds = [];
      for (const url of urls) tabIds.push(await session.tabIdOf(url));
      const results = await session.evalInExtension((api, ids) =>
        Promise.all(ids.map((tabId) => api.runtime.sendMessage({ type: 'saveArticle', data: { tabId } }))), tabIds);
      assert.ok(results.every((r) => r.ok), JSON.stringify(results.filter((r) => !r.ok)));
      const lib = await storedLibrary(session);
      assertConsistent(lib, TABS);
      assert.deepEqual([...lib.titles].sort(), urls.map((_, i) => `Article ${i + 1}`).sort());
      const popup = await session.openExtensionPage('popup.html#library');
      await popup.waitForFunction((n) => document.querySelector('ul[aria-label="Saved articles"] li')?.getAttribute('aria-setsize') === String(n), { timeout: 10_000 }, TABS);
      await popup.close();
    });

    test('saving the same URL twice keeps one entry', async () => {
      const url = server.url('/a/1?utm_source=newsletter&fbclid=x');
      await session.openPage(url);
      const result = await session.sendMessage({ type: 'saveArticle', data: { tabId: await session.tabIdOf(url) } });
      assert.deepEqual({ ok: result.ok, updated: result.updated }, { ok: true, updated: true });
      assertConsistent(await storedLibrary(session), TABS);
    });

    test('search finds a word that is only in an article body', async () => {
      const popup = await session.openExtensionPage('popup.html#library');
      await popup.waitForSelector('input[aria-label="Search saved articles"]');
      await popup.type('input[aria-label="Search saved articles"]', 'quokka7');
      await popup.waitForFunction(() => {
        const titles = [...document.querySelectorAll('ul[aria-label="Saved articles"] h2')].map((h) => h.textContent);
        return titles.length === 1 && titles[0] === 'Article 7';
      }, { timeout: 10_000 });
      await popup.close();
    });

    test('delete, then undo, restores the article', async () => {
      const popup = await session.openExtensionPage('popup.html#library');
      await popup.waitForSelector('input[aria-label="Search saved articles"]');
      await popup.type('input[aria-label="Search saved articles"]', 'quokka3');
      await popup.waitForFunction(() => document.querySelector('ul[aria-label="Saved articles"] h2')?.textContent === 'Article 3', { timeout: 10_000 });
      await clickButton(popup, 'Delete', 'Article 3');
      await popup.waitForFunction(() => document.querySelector('.library-empty') !== null, { timeout: 10_000 });
      assertConsistent(await storedLibrary(session), TABS - 1);
      await clickButton(popup, 'Undo');
      await popup.waitForFunction(() => document.querySelector('ul[aria-label="Saved articles"] h2')?.textContent === 'Article 3', { timeout: 10_000 });
      assertConsistent(await storedLibrary(session), TABS);
      assert.deepEqual(await listedTitles(popup), ['Article 3']);
      await popup.close();
    });

    test('the library view has no axe violations', async () => {
      const popup = await session.openExtensionPage('popup.html#library');
      await popup.waitForSelector('ul[aria-label="Saved articles"] h2');
      assert.deepEqual(await axeViolations(popup), []);
      await popup.close();
    });

    if (kind === 'chromium') {
      test('a service worker stopped in the middle of a save leaves the library consistent', async () => {
        const url = server.url('/long');
        await session.openPage(url);
        const tabId = await session.tabIdOf(url);
        // Mark the running worker instance, and let it note (beside Lectern's own listener, answering
        // nothing) when the save request has reached it.
        await session.sendMessage({ type: 'listArticles', data: {} }); // a worker is running
        await session.evalInWorker(() => {
          globalThis.e2eInstance = 'stopped-mid-save';
          chrome.runtime.onMessage.addListener((m) => void (m?.type === 'saveArticle' && (globalThis.e2eSaveReceived = true)));
        });
        // Start the save without waiting for it.
        await session.evalInExtension((api, id) => {
          globalThis.pendingSave = { settled: false };
          globalThis.pendingSave.result = api.runtime.sendMessage({ type: 'saveArticle', data: { tabId: id } })
            .then((r) => ({ answer: r }), (e) => ({ error: String(e) }))
            .finally(() => (globalThis.pendingSave.settled = true));
          return true;
        }, tabId);
        const end = Date.now() + 10_000;
        while (Date.now() < end && !(await session.evalInWorker(() => globalThis.e2eSaveReceived === true))) await new Promise((r) => setTimeout(r, 20));
        // The worker has the request and has not answered yet: the save is in flight (extracting a long page).
        assert.equal(await session.evalInWorker(() => globalThis.e2eInstance), 'stopped-mid-save');
        assert.equal(await session.evalInExtension(() => globalThis.pendingSave.settled), false, 'the save was in flight when the worker stopped');
        const stop = await session.restartServiceWorker();
        assert.equal(stop.wasRunning, true);
        const outcome = await session.evalInExtension(() => globalThis.pendingSave.result);
        assert.ok(outcome.error, `the stopped save never answered: ${JSON.stringify(outcome).slice(0, 200)}`);
        // Nothing half-written: the library is as it was, exactly. The next message starts a new worker instance.
        const lib = await storedLibrary(session);
        assertConsistent(lib, TABS);
        assert.equal(await session.evalInWorker(() => globalThis.e2eInstance ?? 'new instance'), 'new instance');
        const again = await session.sendMessage({ type: 'saveArticle', data: { tabId } });
        assert.deepEqual({ ok: again.ok, updated: again.updated }, { ok: true, updated: false });
        assertConsistent(await storedLibrary(session), TABS + 1);
        assert.equal(await listedCount(session), TABS + 1);
      });
    }

    if (kind === 'firefox') {
      test('the event page is suspended when idle, and wakes with the library intact', async () => {
        // A browser of its own with a short idle timeout (Firefox's default is 30 s).
        const idle = await launch(kind, EXTENSION_DIRS[kind], { prefs: { 'extensions.background.idle.timeout': 1500 } });
        try {
          const url = server.url('/a/1');
          await idle.openPage(url);
          const saved = await idle.sendMessage({ type: 'saveArticle', data: { tabId: await idle.tabIdOf(url) } });
          assert.equal(saved.ok, true);
          // Mark the running event page's window, and keep a handle on it.
          await idle.evalInExtension(async (api) => {
            globalThis.firstBackground = await api.runtime.getBackgroundPage();
            globalThis.firstBackground.e2eInstance = 'before suspension';
            return true;
          });
          // Idle: Firefox unloads the event page, and that window is closed (without waking a new one).
          await idle.controlPage.waitForFunction(() => {
            try {
              return globalThis.firstBackground.closed;
            } catch {
              return true; // "can't access dead object": the window was unloaded
            }
          }, { timeout: 20_000, polling: 200 });
          // A message wakes a new event page, which reads the library from storage.
          const { entries } = await idle.sendMessage({ type: 'listArticles', data: {} });
          assert.deepEqual(entries.map((e) => e.id), [saved.id]);
          const instance = await idle.evalInExtension(async (api) => (await api.runtime.getBackgroundPage()).e2eInstance ?? 'new instance');
          assert.equal(instance, 'new instance');
          const got = await idle.sendMessage({ type: 'getArticle', data: { id: saved.id } });
          assert.equal(got.title, 'Article 1');
          const second = server.url('/a/2');
          await idle.openPage(second);
          const next = await idle.sendMessage({ type: 'saveArticle', data: { tabId: await idle.tabIdOf(second) } });
          assert.deepEqual({ ok: next.ok, updated: next.updated }, { ok: true, updated: false });
          assert.equal((await idle.sendMessage({ type: 'listArticles', data: {} })).entries.length, 2);
        } finally {
          await idle.close({ removeProfile: true });
        }
      });
    }

    test('the library survives closing and relaunching the browser with the same profile', async () => {
      const before = await storedLibrary(session);
      await session.close();
      session = await launch(kind, EXTENSION_DIRS[kind], { userDataDir: profile });
      const afterRestart = await storedLibrary(session);
      assert.deepEqual(afterRestart.index, before.index);
      assertConsistent(afterRestart);
      const { entries } = await session.sendMessage({ type: 'listArticles', data: {} });
      assert.equal(entries.length, before.index.length);
    });
  });
}
