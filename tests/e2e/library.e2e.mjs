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

/** Every article record and index row, straight from storage, to check they agree. */
async function storedLibrary(session) {
  return session.evalInExtension(async (api) => {
    const all = await api.storage.local.get(null);
    const articles = Object.keys(all).filter((k) => k.startsWith('article:')).map((k) => k.slice(8)).sort();
    // Schema 4: the index is split into pages `index:<n>`.
    const rows = Object.keys(all).filter((k) => k.startsWith('index:')).flatMap((k) => JSON.parse(all[k]));
    return { articles, index: rows.map((e) => e.id).sort(), titles: rows.map((e) => e.title) };
  });
}

function assertConsistent(lib, count) {
  assert.deepEqual(lib.index, lib.articles, 'index and article records disagree');
  assert.equal(new Set(lib.index).size, lib.index.length, 'an article is listed twice');
  if (count !== undefined) assert.equal(lib.index.length, count);
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
        const url = server.url(`/a/${TABS + 1}`);
        await session.openPage(url);
        const tabId = await session.tabIdOf(url);
        // Start the save without waiting for it, and stop the worker while it runs.
        await session.evalInExtension((api, id) => {
          globalThis.pendingSave = api.runtime.sendMessage({ type: 'saveArticle', data: { tabId: id } }).catch((e) => String(e));
          return true;
        }, tabId);
        await session.restartServiceWorker();
        const lib = await storedLibrary(session);
        assertConsistent(lib);
        assert.ok(lib.index.length === TABS || lib.index.length === TABS + 1, `unexpected count ${lib.index.length}`);
        // The extension works again afterwards: the next message starts a fresh worker.
        const again = await session.sendMessage({ type: 'saveArticle', data: { tabId } });
        assert.equal(again.ok, true);
        assertConsistent(await storedLibrary(session), TABS + 1);
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
