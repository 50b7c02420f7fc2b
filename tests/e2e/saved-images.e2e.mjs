// "Load images from the web in saved articles", in real Chromium and Firefox: the loopback server counts
// every request for the article's image URLs, so the test sees exactly what opening a saved article
// tells the site. Offline images are on; one image has no offline copy (the server answers it with
// something that is not an image), and the video poster and <picture> source are never copied. Last, the
// copies go into a backup ZIP and come back with the article when it is deleted and restored.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, startServer } from './harness.mjs';
import { BROWSERS, EXTENSION_DIRS } from './fixtures.mjs';
import { allowDownloads, clickButton, downloadedFile, downloadPrefs, pickFile, waitForText } from './library-seed.mjs';

// A 1×1 PNG, padded after IEND so stored copies are easy to tell apart from nothing.
const PNG = Buffer.concat([
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'),
  Buffer.alloc(512),
]);
const IMAGE_PATHS = ['/img/kept.png', '/img/pic.png', '/img/pic.webp', '/img/pixel.gif', '/img/poster.png'];

const article = `<!doctype html><html lang="en"><head><title>Herons on the river</title></head><body><article>
<h1>Herons on the river</h1>
${Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1}. The herons wait by the weir every evening, and the walkers stop on the bridge to watch them fish in the last light.</p>`).join('\n')}
<figure><img src="/img/kept.png" alt="kept" width="300" height="200"><figcaption>A heron at the weir.</figcaption></figure>
<p>More text about the river <img src="/img/pixel.gif" alt="" width="1" height="1"> and the mill.</p>
<picture><source srcset="/img/pic.webp"><img src="/img/pic.png" alt="pictured" width="300" height="200"></picture>
<video controls src="/video.mp4" poster="/img/poster.png" width="300" height="200"></video>
<p>The end of the walk.</p></article></body></html>`;

/** A server for the article whose image routes count their requests. */
async function countingServer() {
  const counts = Object.fromEntries(IMAGE_PATHS.map((p) => [p, 0]));
  const image = (path, body, type) => (req, res) => {
    counts[path]++;
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  // The page itself, open in its tab, loads none of its images (CSP): every count is the extension's doing.
  const page = { body: article, headers: { 'content-security-policy': "img-src 'none'; media-src 'none'" } };
  const routes = { '/herons': page, '/video.mp4': { status: 404, body: '' } };
  for (const path of IMAGE_PATHS) routes[path] = path === '/img/pixel.gif' ? image(path, 'not an image', 'text/plain') : image(path, PNG, 'image/png');
  const server = await startServer(routes);
  return { server, counts, snapshot: () => ({ ...counts }) };
}

/** What changed between two snapshots of the request counts: {path: new requests}, only paths requested. */
const requestedSince = (before, now) => Object.fromEntries(IMAGE_PATHS.filter((p) => now[p] !== before[p]).map((p) => [p, now[p] - before[p]]));

for (const kind of BROWSERS) {
  describe(`images of saved articles in ${kind}`, () => {
    let site;
    let session;
    let id;
    let options;
    const downloads = mkdtempSync(join(tmpdir(), `lectern-images-${kind}-`));

    /** Choose a value on the options page, and wait until a fresh options page shows it (it is stored). */
    async function choosePolicy(label) {
      await options.evaluate((text) => {
        const radio = [...document.querySelectorAll('#web-images input[type=radio]')].find((r) => r.closest('label').textContent.trim().startsWith(text));
        radio.click();
      }, label);
      const check = await session.openExtensionPage('options.html');
      await check.waitForFunction((text) => [...document.querySelectorAll('#web-images input[type=radio]')].some((r) => r.checked && r.closest('label').textContent.trim().startsWith(text)), { timeout: 10_000, polling: 100 }, label);
      await check.close();
    }

    /** Open the saved article, wait until it is shown and its images settled (and `settled()`), close it again. */
    async function openSaved(settled) {
      const reader = await session.openExtensionPage(`reader.html?id=${id}`);
      await reader.waitForFunction(() => document.querySelector('.reader-content')?.textContent.includes('The end of the walk.'), { timeout: 15_000, polling: 100 });
      // Every image the page requests has answered (loaded or failed) once each img is complete.
      await reader.waitForFunction(() => [...document.querySelectorAll('.reader-content img')].every((img) => img.complete), { timeout: 15_000, polling: 100 });
      const seen = await reader.evaluate(() => ({
        notice: document.querySelector('.reader-images-notice')?.textContent ?? null,
        noticeRole: document.querySelector('.reader-images-notice')?.getAttribute('role') ?? null,
        kept: document.querySelector('.reader-content img[alt="kept"]')?.getAttribute('src') ?? null,
        pictured: document.querySelector('.reader-content img[alt="pictured"]')?.getAttribute('src') ?? null,
      }));
      if (settled) await settled();
      await reader.close();
      return seen;
    }

    /** Until the server has had a new request for `path` since `before` (at most 10 s). */
    async function serverSaw(path, before) {
      const end = Date.now() + 10_000;
      while (Date.now() < end && site.counts[path] === before[path]) await new Promise((r) => setTimeout(r, 100));
    }

    before(async () => {
      site = await countingServer();
      session = await launch(kind, EXTENSION_DIRS[kind], { prefs: downloadPrefs(downloads) });
      options = await session.openExtensionPage('options.html');
      await options.waitForSelector('section[aria-labelledby="offline-heading"] input[type=checkbox]');
      // A script click: a real one would also ask for access to all sites (a browser prompt the test cannot
      // answer); the setting is stored either way, and the loopback server is within the e2e build's access.
      await options.evaluate(() => document.querySelector('section[aria-labelledby="offline-heading"] input[type=checkbox]').click());
      await options.waitForSelector('#web-images input[type=radio]');
      await choosePolicy('Never');
      const fresh = await session.openExtensionPage('options.html');
      await fresh.waitForFunction(() => document.querySelector('section[aria-labelledby="offline-heading"] input[type=checkbox]')?.checked, { timeout: 10_000, polling: 100 });
      await fresh.close();
      const url = site.server.url('/herons');
      await session.openPage(url);
      const saved = await session.sendMessage({ type: 'saveArticle', data: { tabId: await session.tabIdOf(url) } });
      assert.equal(saved.ok, true, JSON.stringify(saved));
      id = saved.id;
      // Saving fetched the three <img src> once each, to keep copies (the pixel is refused: not an image).
      const end = Date.now() + 15_000;
      while (Date.now() < end && !['/img/kept.png', '/img/pic.png', '/img/pixel.gif'].every((p) => site.counts[p] === 1)) await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(site.snapshot(), { '/img/kept.png': 1, '/img/pic.png': 1, '/img/pic.webp': 0, '/img/pixel.gif': 1, '/img/poster.png': 0 });
      // With "Never", opening the article requests nothing: reopen it until the copies are stored.
      const until = Date.now() + 15_000;
      let shown;
      do shown = await openSaved();
      while (Date.now() < until && !(shown.kept?.startsWith('blob:') && shown.pictured?.startsWith('blob:')));
      assert.ok(shown.kept?.startsWith('blob:') && shown.pictured?.startsWith('blob:'), `offline copies shown: ${JSON.stringify(shown)}`);
    });
    after(async () => {
      await session?.close({ removeProfile: true });
      await site?.server.close();
      rmSync(downloads, { recursive: true, force: true });
    });

    test('never: opening the article requests no image at all, and the reader says what it left out', async () => {
      const before = site.snapshot();
      const seen = await openSaved();
      assert.deepEqual(requestedSince(before, site.snapshot()), {});
      assert.equal(seen.notice, '2 images not loaded from the web (settings)'); // the pixel and the poster
      assert.equal(seen.noticeRole, 'status');
    });

    test('only without an offline copy: the copies for kept images, the web only for the others', async () => {
      await choosePolicy('Only when there is no offline copy');
      const before = site.snapshot();
      // The poster loads in its own time: the tab stays open until the server has seen it.
      const seen = await openSaved(() => serverSaw('/img/poster.png', before));
      assert.deepEqual(requestedSince(before, site.snapshot()), { '/img/pixel.gif': 1, '/img/poster.png': 1 });
      assert.equal(seen.notice, null);
      assert.ok(seen.kept.startsWith('blob:') && seen.pictured.startsWith('blob:'));
    });

    test('always: the images come from the web as the page had them', async () => {
      await choosePolicy('Always');
      const before = site.snapshot();
      const seen = await openSaved(() => serverSaw('/img/kept.png', before));
      const requested = requestedSince(before, site.snapshot());
      assert.equal(requested['/img/kept.png'], 1, JSON.stringify(requested));
      assert.equal(requested['/img/pixel.gif'], 1, JSON.stringify(requested));
      assert.equal(seen.notice, null);
      assert.equal(seen.kept, site.server.url('/img/kept.png'));
    });

    test('a backup keeps the offline copies: the article deleted and restored shows them without the web', { timeout: 120_000 }, async () => {
      await choosePolicy('Never');
      const page = await session.openExtensionPage('options.html');
      await allowDownloads(kind, page, downloads);
      await clickButton(page, 'Back up all 1 articles (ZIP)');
      await waitForText(page, '.export-library', 'Exported 1 articles.', 30_000);
      const file = await downloadedFile(downloads, /^lectern-backup-\d{4}-\d\d-\d\d\.zip$/);
      const imageKeys = () => session.evalInExtension(async (api) => Object.keys(await api.storage.local.get(null)).filter((k) => k.startsWith('image:')).sort());
      const stored = await imageKeys();
      assert.equal(stored.length, 1, 'kept.png and pic.png are the same bytes, stored once');

      // Deleting the article deletes its copies; the restore brings both back, linked to it.
      await session.sendMessage({ type: 'deleteArticle', data: { id } });
      assert.deepEqual(await imageKeys(), []);
      await pickFile(page, 'backup-heading', file.path, file.name);
      await waitForText(page, '.restore-backup p', 'Restored 1 articles (1 new, 0 replaced).', 60_000);
      assert.deepEqual(await imageKeys(), stored);
      await page.close();

      const before = site.snapshot();
      const seen = await openSaved();
      assert.deepEqual(requestedSince(before, site.snapshot()), {}, 'nothing is loaded from the web');
      assert.ok(seen.kept?.startsWith('blob:') && seen.pictured?.startsWith('blob:'), `offline copies shown: ${JSON.stringify(seen)}`);
    });
  });
}
