// Reading a saved article at reader.html?id=<id>, in real Chromium and Firefox: it opens with the site's
// server gone, remembers where the reader stopped and comes back there, and is marked read at the end.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, startServer } from './harness.mjs';
import { BROWSERS, EXTENSION_DIRS } from './fixtures.mjs';

const PARAGRAPHS = 40;
const page = `<!doctype html><html lang="en"><head><title>The long walk home</title></head><body>
<nav><a href="/">Home</a><a href="/news">News</a></nav><article><h1>The long walk home</h1>
${Array.from({ length: PARAGRAPHS }, (_, i) => `<p>Paragraph ${i + 1}. The path followed the river past the old mill, the allotments and the rowing club, and every few hundred metres a bench looked out over the water where herons waited for the evening.</p>`).join('\n')}
</article><footer>Footer links</footer></body></html>`;

const getArticle = (session, id) => session.sendMessage({ type: 'getArticle', data: { id } });

/** Poll storage (through the background) until `check` holds for the saved record. */
async function waitForRecord(session, id, check, label) {
  const end = Date.now() + 10_000;
  let record;
  while (Date.now() < end) {
    record = await getArticle(session, id);
    if (record && check(record)) return record;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`${label}: ${JSON.stringify({ progress: record?.progress, readAt: record?.readAt })}`);
}

for (const kind of BROWSERS) {
  describe(`saved article reader in ${kind}`, () => {
    let server;
    let session;
    let id;
    before(async () => {
      server = await startServer({ '/walk': page });
      session = await launch(kind, EXTENSION_DIRS[kind]);
      const url = server.url('/walk');
      await session.openPage(url);
      const saved = await session.sendMessage({ type: 'saveArticle', data: { tabId: await session.tabIdOf(url) } });
      assert.ok(saved.ok, JSON.stringify(saved));
      id = saved.id;
      await server.close(); // from here on, the site is unreachable
      server = null;
    });
    after(async () => {
      await session?.close({ removeProfile: true });
      await server?.close();
    });

    /** A reader tab for the saved article, settled, in a short viewport so the article scrolls. */
    async function openSaved() {
      const reader = await session.openExtensionPage(`reader.html?id=${id}`);
      await reader.setViewport({ width: 900, height: 600 });
      await reader.waitForFunction(() => document.querySelectorAll('.reader-content p').length > 0, { timeout: 15_000, polling: 100 });
      return reader;
    }

    test('shows the saved text with the site offline, and remembers the reading position', async () => {
      const reader = await openSaved();
      const text = await reader.evaluate(() => document.querySelector('.reader-content').innerText);
      assert.ok(text.includes(`Paragraph ${PARAGRAPHS}.`), 'the whole article is there');
      assert.ok(!text.includes('Footer links'));
      const before = await getArticle(session, id);
      assert.equal(before.readAt, null, 'not read yet');
      await reader.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * 0.5));
      const stored = await waitForRecord(session, id, (r) => r.progress > 0.4 && r.progress < 0.6, 'position stored');
      assert.equal(stored.readAt, null, 'half way is not finished');
      await reader.close();

      const again = await openSaved();
      await again.waitForFunction(() => window.scrollY > 0, { timeout: 5_000, polling: 100 });
      const restored = await again.evaluate(() => window.scrollY / (document.documentElement.scrollHeight - innerHeight));
      assert.ok(Math.abs(restored - stored.progress) < 0.05, `restored at ${restored}, stored ${stored.progress}`);
      await again.close();
    });

    test('is marked read when the end is reached', async () => {
      const reader = await openSaved();
      await reader.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const record = await waitForRecord(session, id, (r) => r.readAt !== null, 'marked read');
      assert.ok(record.readAt > 0);
      await reader.close();
    });
  });
}
