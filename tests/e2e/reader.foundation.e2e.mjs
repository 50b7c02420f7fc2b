// The foundation, as a user sees it: the reader view of a live page in real Chromium and Firefox.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, screenshot, startServer } from './harness.mjs';
import { ARTIFACTS_DIR, BROWSERS, EXTENSION_DIRS, PAGES_DIR, expected, squash } from './fixtures.mjs';

/** What the reader page shows once it has settled: the article, or a message. */
async function readerView(session, tabId) {
  const page = await session.openExtensionPage(`reader.html?tab=${tabId}`);
  await page.waitForFunction(() => document.querySelector('.reader-content, [role="alert"]'), { timeout: 20_000 });
  const view = await page.evaluate(() => ({
    title: document.querySelector('.reader-title')?.textContent ?? null,
    site: document.querySelector('.reader-site')?.textContent ?? null,
    byline: document.querySelector('.reader-byline')?.textContent ?? null,
    date: document.querySelector('.reader-date')?.getAttribute('datetime') ?? null,
    time: document.querySelector('.reader-time')?.textContent ?? null,
    text: document.querySelector('.reader-content')?.innerText ?? '',
    alert: document.querySelector('[role="alert"]')?.textContent ?? null,
    images: [...document.querySelectorAll('.reader-content img')].map((i) => i.getAttribute('src')),
    scripts: document.querySelectorAll('.reader-content script, .reader-content iframe, .reader-content form').length,
    focused: document.activeElement?.className ?? null,
  }));
  return { page, view };
}

for (const kind of BROWSERS) {
  describe(`reader view in ${kind}`, () => {
    let server;
    let session;
    before(async () => {
      server = await startServer({
        root: PAGES_DIR,
        routes: {
          // The PDF viewer is one of the pages no extension may read.
          '/report.pdf': (_req, res) => {
            res.writeHead(200, { 'content-type': 'application/pdf' });
            res.end('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
          },
        },
      });
      session = await launch(kind, EXTENSION_DIRS[kind]);
    });
    after(async () => {
      await session?.close({ removeProfile: true });
      await server?.close();
    });

    test('shows every paragraph of the seed article, none of the chrome, and its metadata', async () => {
      const want = expected('news-ecuador');
      const url = server.url('/news-ecuador/source.html');
      await session.openPage(url);
      const { page, view } = await readerView(session, await session.tabIdOf(url));
      assert.equal(view.alert, null, `unexpected message: ${view.alert}`);
      assert.equal(squash(view.title), want.title);
      assert.equal(view.byline, want.byline);
      assert.equal(squash(view.site), want.siteName);
      assert.equal(view.date, new Date(want.publishedTime).toISOString());
      assert.match(view.time, /^\d+ min read$/);
      const text = squash(view.text);
      assert.deepEqual(want.mustInclude.filter((p) => !text.includes(squash(p))), [], 'missing paragraphs');
      assert.deepEqual(want.mustExclude.filter((s) => text.includes(squash(s))), [], 'site chrome in the reader');
      assert.equal(view.scripts, 0);
      assert.ok(view.images.length >= 2 && view.images.every((src) => src.startsWith(server.origin)), `images: ${view.images}`);
      assert.equal(view.focused, 'reader-title', 'focus starts at the article');
      await page.waitForFunction(() => [...document.querySelectorAll('.reader-content img')].every((i) => i.complete && i.naturalWidth > 0), { timeout: 10_000 });
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      await page.setViewport({ width: 1100, height: 900 });
      await screenshot(page, join(ARTIFACTS_DIR, `reader-${kind}.png`));
    });

    test('renders a right-to-left article right to left', async () => {
      const url = server.url('/rtl-arabic/source.html');
      await session.openPage(url);
      const { page, view } = await readerView(session, await session.tabIdOf(url));
      assert.equal(view.alert, null);
      const direction = await page.evaluate(() => getComputedStyle(document.querySelector('.reader-content')).direction);
      assert.equal(direction, 'rtl');
    });

    test('says so when the page is not an article', async () => {
      const url = server.url('/not-an-article/source.html');
      await session.openPage(url);
      const { view } = await readerView(session, await session.tabIdOf(url));
      assert.match(view.alert, /No article found on this page/);
    });

    test("says so when the page is one extensions can't read", async () => {
      const url = server.url('/report.pdf');
      await session.evalInExtension((api, u) => api.tabs.create({ url: u, active: false }), url);
      const tabId = await session.tabIdOf(url); // once the tab has committed to the PDF's address
      const { view } = await readerView(session, tabId);
      assert.match(view.alert, /Lectern can't read this page/);
    });

    test('says so when the tab no longer exists', async () => {
      const { view } = await readerView(session, 987654);
      assert.match(view.alert, /The page is no longer open/);
    });
  });
}

// The popup reads the active tab of its window. A toolbar click cannot be made headless, so the popup page
// is opened in a background tab of that window: the news page stays the active tab, as under a real click.
for (const kind of BROWSERS) {
  describe(`popup in ${kind}`, () => {
    let server;
    let session;
    before(async () => {
      server = await startServer(PAGES_DIR);
      session = await launch(kind, EXTENSION_DIRS[kind]);
    });
    after(async () => {
      await session?.close({ removeProfile: true });
      await server?.close();
    });

    test('shows the reader view of the active page and opens it in a tab', async () => {
      const want = expected('news-ecuador');
      const url = server.url('/news-ecuador/source.html');
      const news = await session.openPage(url);
      await news.bringToFront();
      const tabId = await session.tabIdOf(url);
      const popup = await session.openExtensionPage('popup.html', { active: false });
      // Interval polling: requestAnimationFrame, the default, is paused in background tabs.
      await popup.waitForFunction(() => document.querySelector('.reader-content, [role="alert"]'), { timeout: 20_000, polling: 100 });
      const title = await popup.evaluate(() => document.querySelector('.reader-title')?.textContent ?? document.querySelector('[role="alert"]')?.textContent);
      assert.equal(squash(title), want.title);
      const text = squash(await popup.evaluate(() => document.querySelector('.reader-content').innerText));
      assert.ok(want.mustInclude.every((p) => text.includes(squash(p))));
      await popup.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Open in tab').click());
      const readerUrl = `${session.extensionOrigin}/reader.html?tab=${tabId}`;
      // Wait for the tab (no fixed sleep): it opens as soon as the click is handled, or never.
      const opened = await session.controlPage
        .waitForFunction(async (u) => (await (globalThis.browser ?? globalThis.chrome).tabs.query({})).some((t) => t.url === u), { timeout: 10_000, polling: 100 }, readerUrl)
        .then(() => true, () => false);
      assert.ok(opened, `no tab at ${readerUrl}`);
    });
  });
}
