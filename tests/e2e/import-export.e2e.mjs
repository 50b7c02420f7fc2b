// Import, export and restore as a user does them, in real Chromium and Firefox: a Pocket CSV whose URLs
// point at a loopback server is imported from the options page (pages fetched in the background: the
// offscreen document in Chrome, the background page's DOM in Firefox), progress reaches 3 of 3, an
// imported article opens in the reader with its tags and archived flag; then a backup is exported,
// the library wiped and the backup restored, record for record.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, startServer } from './harness.mjs';
import { BROWSERS, EXTENSION_DIRS, IMPORT_PORT, PAGES_DIR } from './fixtures.mjs';
import { allowDownloads, clickButton, downloadedFile, downloadPrefs, pickBytes, pickFile as pickFileAt, waitForText } from './library-seed.mjs';

const body = (n) => Array.from({ length: 8 }, (_, i) =>
  `<p>Paragraph ${i + 1} of import ${n}. The harbour committee met again on Tuesday to discuss plans, costs and the timetable for the coming year.</p>`).join('');
const page = (n) => `<!doctype html><html lang="en"><head><title>Imported ${n}</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>Imported ${n}</h1>${body(n)}</article></body></html>`;
const routes = { '/i/1': page(1), '/i/2': page(2), '/i/3': page(3) };
const PHOTO = readFileSync(join(PAGES_DIR, 'news-ecuador/images/assange-640.jpg'));
const pictured = `<!doctype html><html lang="en"><head><title>Pictured</title></head><body><article><h1>Pictured</h1>${body(9)}
<figure><img src="/photo.jpg" alt="The photo" width="640"><figcaption>A photo</figcaption></figure>${body(10)}</article></body></html>`;

const pocketCsv = (server) => [
  'title,url,time_added,tags,status',
  `First from Pocket,${server.url('/i/1')},1714730400,e2e|city,archive`,
  `,${server.url('/i/2')},1714816800,,unread`,
  `Third,${server.url('/i/3')},1714903200,e2e,unread`,
].join('\n');

const storedArticles = (session) => session.evalInExtension(async (api) => {
  const all = await api.storage.local.get(null);
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('article:')));
});

for (const kind of BROWSERS) {
  describe(`import and export in ${kind}`, () => {
    let server;
    let session;
    const downloads = mkdtempSync(join(tmpdir(), `lectern-downloads-${kind}-`));
    before(async () => {
      // On the one loopback origin an e2e build's import may fetch (imports refuse other non-public hosts).
      server = await startServer(routes, { port: IMPORT_PORT });
      session = await launch(kind, EXTENSION_DIRS[kind], { prefs: downloadPrefs(downloads) });
    });
    after(async () => {
      await session?.close({ removeProfile: true });
      await server?.close();
      rmSync(downloads, { recursive: true, force: true });
    });

    test('a Pocket CSV is imported in the background, with progress, tags and archived kept', async () => {
      const options = await session.openExtensionPage('options.html');
      await pickBytes(options, 'import-heading', 'pocket.csv', Buffer.from(pocketCsv(server)));
      await waitForText(options, '.import-summary p', 'Pocket export: 3 articles to import');
      await clickButton(options, 'Import 3 articles');
      await waitForText(options, '.import-count', 'Finished: 3 of 3 done (3 imported, 0 failed).');
      const articles = Object.values(await storedArticles(session));
      assert.equal(articles.length, 3);
      const first = articles.find((a) => a.url === server.url('/i/1'));
      assert.deepEqual({ title: first.title, tags: first.tags, archived: first.archived, savedAt: first.savedAt },
        { title: 'First from Pocket', tags: ['e2e', 'city'], archived: true, savedAt: 1714730400_000 });
      assert.equal(articles.find((a) => a.url === server.url('/i/2')).title, 'Imported 2');
      const reader = await session.openExtensionPage(`reader.html?id=${first.id}`);
      await waitForText(reader, 'h1#reader-title', 'First from Pocket');
      await waitForText(reader, '.reader p', 'Paragraph 3 of import 1');
      await reader.close();
      await options.close();
    });

    test('a backup exported, the library wiped, and the backup restored gives back every record', async () => {
      const before = await storedArticles(session);
      const options = await session.openExtensionPage('options.html');
      await allowDownloads(kind, options, downloads);
      await clickButton(options, 'Back up all 3 articles (ZIP)');
      await waitForText(options, '.export-library', 'Exported 3 articles.');
      const file = await downloadedFile(downloads, /^lectern-backup-\d{4}-\d\d-\d\d\.zip$/);
      for (const id of Object.keys(before)) await session.sendMessage({ type: 'deleteArticle', data: { id: id.slice(8) } });
      assert.deepEqual(await storedArticles(session), {});
      await pickFileAt(options, 'backup-heading', file.path, file.name);
      await waitForText(options, '.restore-backup p', 'Restored 3 articles (3 new, 0 replaced).');
      assert.deepEqual(await storedArticles(session), before);
      // Restoring again changes nothing and adds no duplicates.
      await pickFileAt(options, 'backup-heading', file.path, file.name);
      await waitForText(options, '.restore-backup p', 'Restored 3 articles (0 new, 3 replaced).');
      assert.deepEqual(await storedArticles(session), before);
      await options.close();
    });

    test('offline images: a saved article shows its image with the server stopped', async () => {
      const photos = await startServer({ '/pictured': pictured, '/photo.jpg': { type: 'image/jpeg', body: PHOTO } });
      let id;
      try {
        const options = await session.openExtensionPage('options.html');
        await options.waitForSelector('section[aria-labelledby="offline-heading"] input[type=checkbox]');
        await options.click('section[aria-labelledby="offline-heading"] input[type=checkbox]');
        await session.controlPage.waitForFunction(async () => (await (globalThis.browser ?? globalThis.chrome).storage.local.get('offlineImages')).offlineImages === true, { polling: 100 });
        const url = photos.url('/pictured');
        await session.openPage(url);
        const saved = await session.sendMessage({ type: 'saveArticle', data: { tabId: await session.tabIdOf(url) } });
        assert.equal(saved.ok, true);
        id = saved.id;
        await session.controlPage.waitForFunction(async () => {
          const api = globalThis.browser ?? globalThis.chrome;
          return Object.keys(await api.storage.local.get(null)).some((k) => k.startsWith('image:'));
        }, { timeout: 10_000, polling: 100 }).catch(async (error) => {
          const state = await session.evalInExtension(async (api) => {
            const all = await api.storage.local.get(null);
            return { setting: all.offlineImages, keys: Object.keys(all), imageIndex: all.imageIndex };
          });
          throw new Error(`no image stored: ${JSON.stringify(state)}`, { cause: error });
        });
        await waitForText(options, '.offline-bytes', 'Stored images:');
        await options.close();
      } finally {
        await photos.close();
      }
      // The server is gone: the image can only come from storage.
      const reader = await session.openExtensionPage(`reader.html?id=${id}`);
      await reader.waitForFunction(() => {
        const img = document.querySelector('.reader-content img[alt="The photo"]');
        return img?.complete && img.naturalWidth > 0 && img.src.startsWith('blob:');
      }, { timeout: 10_000, polling: 100 });
      await reader.close();
    });
  });
}
